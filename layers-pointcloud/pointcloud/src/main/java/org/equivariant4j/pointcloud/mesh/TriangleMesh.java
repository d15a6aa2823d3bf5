package org.equivariant4j.pointcloud.mesh;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * A triangle mesh: vertex coordinates {@code [3 V]} (row-major x, y, z), triangles as vertex index triples
 * {@code [3 T]}, and a part label per triangle (0 when the mesh has one part) that the surface sampler hands down to
 * the points it draws. Immutable; every index is checked to name a vertex and every coordinate to be finite.
 */
public final class TriangleMesh {
    private final double[] vertices;
    private final int[] triangles;
    private final int[] parts;

    public TriangleMesh(double[] vertices, int[] triangles, int[] parts) {
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0 || parts.length * 3 != triangles.length) {
            throw new InvalidArgumentException("TriangleMesh: expected 3V coordinates, 3T indices and T part labels, got "
                    + vertices.length + ", " + triangles.length + " and " + parts.length);
        }
        int v = vertices.length / 3;
        for (int i = 0; i < vertices.length; i++) {
            if (!Double.isFinite(vertices[i])) {
                throw new InvalidArgumentException("TriangleMesh: vertex " + i / 3 + " has a non-finite coordinate " + vertices[i]);
            }
        }
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= v) {
                throw new InvalidArgumentException("TriangleMesh: triangle " + i / 3 + " names vertex " + triangles[i]
                        + " of " + v);
            }
        }
        this.vertices = vertices.clone();
        this.triangles = triangles.clone();
        this.parts = parts.clone();
    }

    /** A mesh of one part. */
    public static TriangleMesh of(double[] vertices, int[] triangles) {
        return new TriangleMesh(vertices, triangles, new int[triangles.length / 3]);
    }

    public int numVertices() {
        return vertices.length / 3;
    }

    public int numTriangles() {
        return triangles.length / 3;
    }

    public double[] vertices() {
        return vertices.clone();
    }

    public int[] triangles() {
        return triangles.clone();
    }

    public int[] parts() {
        return parts.clone();
    }

    double vertex(int v, int axis) {
        return vertices[3 * v + axis];
    }

    int corner(int t, int c) {
        return triangles[3 * t + c];
    }

    int part(int t) {
        return parts[t];
    }

    /** Every triangle labelled {@code part}. */
    public TriangleMesh withPart(int part) {
        int[] p = new int[parts.length];
        Arrays.fill(p, part);
        return new TriangleMesh(vertices, triangles, p);
    }

    /**
     * The triangles labelled {@code part}, e.g. to write a composite as one file per part. All vertices are kept
     * (unused ones do not change what is sampled from the surface).
     */
    public TriangleMesh onlyPart(int part) {
        int n = (int) Arrays.stream(parts).filter(p -> p == part).count();
        int[] t = new int[3 * n];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == part) {
                System.arraycopy(triangles, 3 * i, t, 3 * at++, 3);
            }
        }
        int[] p = new int[n];
        Arrays.fill(p, part);
        return new TriangleMesh(vertices, t, p);
    }

    /** Each vertex mapped to {@code (s_x x + t_x, s_y y + t_y, s_z z + t_z)}. */
    public TriangleMesh scaledAndMoved(double[] scale, double[] shift) {
        double[] v = vertices.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * scale[i % 3] + shift[i % 3];
        }
        return new TriangleMesh(v, triangles, parts);
    }

    /** Each vertex turned by the row-major 3×3 matrix {@code r}. */
    public TriangleMesh rotated(double[] r) {
        double[] v = new double[vertices.length];
        for (int i = 0; i < numVertices(); i++) {
            for (int a = 0; a < 3; a++) {
                v[3 * i + a] = r[3 * a] * vertices[3 * i] + r[3 * a + 1] * vertices[3 * i + 1] + r[3 * a + 2] * vertices[3 * i + 2];
            }
        }
        return new TriangleMesh(v, triangles, parts);
    }

    /** The meshes side by side in one mesh (vertex indices shifted, part labels kept). */
    public static TriangleMesh merge(List<TriangleMesh> meshes) {
        int nv = meshes.stream().mapToInt(m -> m.vertices.length).sum();
        int nt = meshes.stream().mapToInt(m -> m.triangles.length).sum();
        double[] v = new double[nv];
        int[] t = new int[nt];
        int[] p = new int[nt / 3];
        int atV = 0;
        int atT = 0;
        for (TriangleMesh m : meshes) {
            System.arraycopy(m.vertices, 0, v, atV, m.vertices.length);
            for (int i = 0; i < m.triangles.length; i++) {
                t[atT + i] = m.triangles[i] + atV / 3;
            }
            System.arraycopy(m.parts, 0, p, atT / 3, m.parts.length);
            atV += m.vertices.length;
            atT += m.triangles.length;
        }
        return new TriangleMesh(v, t, p);
    }

    @Override
    public String toString() {
        return "TriangleMesh(" + numVertices() + " vertices, " + numTriangles() + " triangles)";
    }
}
