package org.equivariant4j.pointcloud.shapes;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;

/**
 * Closed triangle meshes of solids centred at the origin, outward winding (so sampled normals point out), the
 * building blocks of the synthetic shapes: box, UV sphere, capped cylinder and cone along z, torus in the xy plane.
 */
public final class MeshPrimitives {

    private MeshPrimitives() {
    }

    /** An axis-aligned box of the given side lengths. */
    public static TriangleMesh box(double sx, double sy, double sz) {
        double x = sx / 2;
        double y = sy / 2;
        double z = sz / 2;
        double[] v = {-x, -y, -z, x, -y, -z, x, y, -z, -x, y, -z, -x, -y, z, x, -y, z, x, y, z, -x, y, z};
        int[] t = {0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 2, 3, 7, 2, 7, 6, 1, 2, 6, 1, 6, 5, 3, 0, 4, 3, 4, 7};
        return TriangleMesh.of(v, t);
    }

    /** A UV sphere of radius {@code r} with {@code segments} latitude bands (twice as many longitudes). */
    public static TriangleMesh sphere(double r, int segments) {
        check(segments);
        int lat = segments;
        int lon = 2 * segments;
        double[] v = new double[3 * ((lat + 1) * lon)];
        for (int i = 0; i <= lat; i++) {
            double theta = Math.PI * i / lat;
            for (int j = 0; j < lon; j++) {
                double phi = 2 * Math.PI * j / lon;
                int at = 3 * (i * lon + j);
                v[at] = r * Math.sin(theta) * Math.cos(phi);
                v[at + 1] = r * Math.sin(theta) * Math.sin(phi);
                v[at + 2] = r * Math.cos(theta);
            }
        }
        int[] t = new int[6 * lat * lon];
        int at = 0;
        for (int i = 0; i < lat; i++) {
            for (int j = 0; j < lon; j++) {
                int a = i * lon + j;
                int b = i * lon + (j + 1) % lon;
                int c = (i + 1) * lon + j;
                int d = (i + 1) * lon + (j + 1) % lon;
                at = quad(t, at, a, c, d, b);
            }
        }
        return TriangleMesh.of(v, t);
    }

    /** A cylinder of radius {@code r} and height {@code h} along z, with both caps. */
    public static TriangleMesh cylinder(double r, double h, int segments) {
        return frustum(r, r, h, segments);
    }

    /** A cone of base radius {@code r} and height {@code h} along z (apex up), with its base. */
    public static TriangleMesh cone(double r, double h, int segments) {
        return frustum(r, 1e-9 * r, h, segments);
    }

    /** A torus in the xy plane: ring radius {@code big}, tube radius {@code small}. */
    public static TriangleMesh torus(double big, double small, int segments) {
        check(segments);
        int ring = 2 * segments;
        int tube = segments;
        double[] v = new double[3 * ring * tube];
        for (int i = 0; i < ring; i++) {
            double u = 2 * Math.PI * i / ring;
            for (int j = 0; j < tube; j++) {
                double w = 2 * Math.PI * j / tube;
                int at = 3 * (i * tube + j);
                v[at] = (big + small * Math.cos(w)) * Math.cos(u);
                v[at + 1] = (big + small * Math.cos(w)) * Math.sin(u);
                v[at + 2] = small * Math.sin(w);
            }
        }
        int[] t = new int[6 * ring * tube];
        int at = 0;
        for (int i = 0; i < ring; i++) {
            for (int j = 0; j < tube; j++) {
                int a = i * tube + j;
                int b = ((i + 1) % ring) * tube + j;
                int c = ((i + 1) % ring) * tube + (j + 1) % tube;
                int d = i * tube + (j + 1) % tube;
                at = quad(t, at, a, b, c, d);
            }
        }
        return TriangleMesh.of(v, t);
    }

    private static TriangleMesh frustum(double bottom, double top, double h, int segments) {
        check(segments);
        int n = 2 * segments;
        double[] v = new double[3 * (2 * n + 2)];
        for (int j = 0; j < n; j++) {
            double phi = 2 * Math.PI * j / n;
            v[3 * j] = bottom * Math.cos(phi);
            v[3 * j + 1] = bottom * Math.sin(phi);
            v[3 * j + 2] = -h / 2;
            v[3 * (n + j)] = top * Math.cos(phi);
            v[3 * (n + j) + 1] = top * Math.sin(phi);
            v[3 * (n + j) + 2] = h / 2;
        }
        int lowCentre = 2 * n;
        int highCentre = 2 * n + 1;
        v[3 * lowCentre + 2] = -h / 2;
        v[3 * highCentre + 2] = h / 2;
        int[] t = new int[3 * 4 * n];
        int at = 0;
        for (int j = 0; j < n; j++) {
            int k = (j + 1) % n;
            at = quad(t, at, j, k, n + k, n + j);
            t[at++] = lowCentre;
            t[at++] = k;
            t[at++] = j;
            t[at++] = highCentre;
            t[at++] = n + j;
            t[at++] = n + k;
        }
        return TriangleMesh.of(v, t);
    }

    /** Two triangles of the quad a b c d (counter-clockwise seen from outside). */
    private static int quad(int[] t, int at, int a, int b, int c, int d) {
        t[at++] = a;
        t[at++] = b;
        t[at++] = c;
        t[at++] = a;
        t[at++] = c;
        t[at++] = d;
        return at;
    }

    private static void check(int segments) {
        if (segments < 3 || segments > 256) {
            throw new InvalidArgumentException("MeshPrimitives: segments must be in [3, 256], got " + segments);
        }
    }
}
