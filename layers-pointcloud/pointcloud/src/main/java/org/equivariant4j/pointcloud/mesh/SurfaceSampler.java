package org.equivariant4j.pointcloud.mesh;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Draws points uniformly from a mesh's surface: a triangle is picked with probability proportional to its area
 * (a binary search in the cumulative areas), a point uniformly inside it ({@code √u} barycentric trick); each point
 * carries its triangle's unit normal (by the winding, right-hand rule) and part label.
 */
public final class SurfaceSampler {

    /** Sampled points: positions and normals {@code [3 n]} row-major, part labels {@code [n]}. */
    public record Sample(double[] positions, double[] normals, int[] parts) {
        public int size() {
            return parts.length;
        }
    }

    private SurfaceSampler() {
    }

    /** {@code n} points from the surface of {@code mesh}, reproducibly from {@code rng}. */
    public static Sample sample(TriangleMesh mesh, int n, Rng rng) {
        if (n < 0) {
            throw new InvalidArgumentException("SurfaceSampler: cannot draw " + n + " points");
        }
        int t = mesh.numTriangles();
        double[] cumulative = new double[t];
        double[][] normals = new double[t][];
        double total = 0;
        for (int i = 0; i < t; i++) {
            double[] cross = cross(mesh, i);
            double length = Math.sqrt(cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]);
            total += 0.5 * length;
            cumulative[i] = total;
            normals[i] = length > 0 ? new double[] {cross[0] / length, cross[1] / length, cross[2] / length}
                    : new double[] {0, 0, 0};
        }
        if (!(total > 0)) {
            throw new InvalidArgumentException("SurfaceSampler: " + mesh + " has no surface area to sample from");
        }
        double[] p = new double[3 * n];
        double[] nr = new double[3 * n];
        int[] parts = new int[n];
        for (int s = 0; s < n; s++) {
            double u = rng.nextDouble() * total;
            int tri = Arrays.binarySearch(cumulative, u);
            tri = tri >= 0 ? tri : Math.min(-tri - 1, t - 1);
            double r1 = Math.sqrt(rng.nextDouble());
            double r2 = rng.nextDouble();
            double wa = 1 - r1;
            double wb = r1 * (1 - r2);
            double wc = r1 * r2;
            for (int a = 0; a < 3; a++) {
                p[3 * s + a] = wa * mesh.vertex(mesh.corner(tri, 0), a) + wb * mesh.vertex(mesh.corner(tri, 1), a)
                        + wc * mesh.vertex(mesh.corner(tri, 2), a);
                nr[3 * s + a] = normals[tri][a];
            }
            parts[s] = mesh.part(tri);
        }
        return new Sample(p, nr, parts);
    }

    private static double[] cross(TriangleMesh m, int t) {
        double[] e1 = new double[3];
        double[] e2 = new double[3];
        for (int a = 0; a < 3; a++) {
            e1[a] = m.vertex(m.corner(t, 1), a) - m.vertex(m.corner(t, 0), a);
            e2[a] = m.vertex(m.corner(t, 2), a) - m.vertex(m.corner(t, 0), a);
        }
        return new double[] {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]};
    }
}
