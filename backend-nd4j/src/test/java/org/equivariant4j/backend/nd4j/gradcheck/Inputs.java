package org.equivariant4j.backend.nd4j.gradcheck;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/** Seeded float64 inputs for gradient checks. */
final class Inputs {
    private final Rng rng;

    Inputs(long seed) {
        this.rng = new Rng(seed);
    }

    /** Standard normal entries. */
    Tensor normal(int... shape) {
        return Tensors.randn(rng, DType.FLOAT64, shape);
    }

    /** Uniform entries in [low, high): for ops defined on part of the line (log, sqrt, pow). */
    Tensor uniform(double low, double high, int... shape) {
        return Tensors.uniform(rng, low, high, DType.FLOAT64, shape);
    }

    /**
     * Normal entries kept at least {@code margin} away from every point in {@code kinks}: finite
     * differences across a kink (relu at 0, clamp at its bounds) measure a slope no one-sided
     * derivative has.
     */
    Tensor awayFrom(double margin, double[] kinks, int... shape) {
        double[] v = normal(shape).toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            for (double k : kinks) {
                if (Math.abs(v[i] - k) < margin) {
                    v[i] = k + (v[i] >= k ? margin : -margin);
                }
            }
        }
        return Tensors.of(v, DType.FLOAT64, shape);
    }

    /** Distinct values in random order (max/min/sort-like ops need a unique extremum for finite differences). */
    Tensor distinct(int... shape) {
        int n = Tensors.numel(shape);
        int[] perm = rng.permutation(n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (perm[i] - n / 2.0) * 0.1;
        }
        return Tensors.of(v, DType.FLOAT64, shape);
    }

    /** A random shape of rank 1..maxRank with extents 1..maxExtent. */
    int[] shape(int maxRank, int maxExtent) {
        int[] s = new int[1 + rng.nextInt(maxRank)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + rng.nextInt(maxExtent);
        }
        return s;
    }

    /** A random shape that broadcasts against {@code shape}: some leading dimensions dropped, some extents set to 1. */
    int[] broadcastPartner(int[] shape) {
        int drop = rng.nextInt(shape.length);
        int[] s = java.util.Arrays.copyOfRange(shape, drop, shape.length);
        for (int i = 0; i < s.length; i++) {
            if (rng.nextInt(2) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }

    /** Integer indices in [0, bound) as INT64. */
    Tensor indices(int bound, int... shape) {
        int n = Tensors.numel(shape);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(bound);
        }
        return Tensors.of(v, shape);
    }
}
