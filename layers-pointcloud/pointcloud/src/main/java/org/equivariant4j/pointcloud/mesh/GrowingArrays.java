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

    double[] doubles() {
        return Arrays.copyOf(doubles, doubleCount);
    }

    int[] ints() {
        return Arrays.copyOf(ints, intCount);
    }
}
