package org.equivariant4j.pointcloud.mesh;

import java.util.Arrays;

/**
 * Arrays that grow by doubling as a reader appends, so what a mesh reader allocates follows the data that
 * arrived, never a count the file declared.
 */
final class GrowingArrays {
    private double[] doubles = new double[1024];
    private int doubleCount;
    private int[] ints = new int[1024];
    private int intCount;

    void add(double v) {
        if (doubleCount == doubles.length) {
            doubles = Arrays.copyOf(doubles, 2 * doubles.length);
        }
        doubles[doubleCount++] = v;
    }

    void add(int v) {
        if (intCount == ints.length) {
            ints = Arrays.copyOf(ints, 2 * ints.length);
        }
        ints[intCount++] = v;
    }

    /**
     * Appends the polygon {@code n i_1 ... i_n} in {@code tokens} (its corner count first; extra tokens after the
     * indices, such as colours, allowed when {@code extraAllowed}) as a fan of {@code n − 2} triangles, checking
     * every index against {@code vertices}; returns the triangles added.
     */
    int addFan(MeshLines lines, String[] tokens, int face, int vertices, int maxPolygon, boolean extraAllowed) {
        int n = lines.count(tokens[0], "face " + face + " corner count", maxPolygon);
        if (n < 3) {
            throw lines.fail("face " + face + " has " + n + " corners; a face needs at least 3");
        }
        if (tokens.length < n + 1 || (!extraAllowed && tokens.length != n + 1)) {
            throw lines.fail("face " + face + ": expected " + n + " vertex indices but found " + (tokens.length - 1));
        }
        int first = lines.count(tokens[1], "face " + face + " vertex index", vertices - 1L);
        int previous = lines.count(tokens[2], "face " + face + " vertex index", vertices - 1L);
        for (int c = 3; c <= n; c++) {
            int next = lines.count(tokens[c], "face " + face + " vertex index", vertices - 1L);
            add(first);
            add(previous);
            add(next);
            previous = next;
        }
        return n - 2;
    }

    double[] doubles() {
        return Arrays.copyOf(doubles, doubleCount);
    }

    int[] ints() {
        return Arrays.copyOf(ints, intCount);
    }
}
