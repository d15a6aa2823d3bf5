package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * Max, average and adaptive pooling in 1, 2 and 3 spatial dimensions: stride, padding,
 * overlapping windows, uniform (native) and non-divisible (separable) adaptive windows, global
 * pooling, and output sizes larger than the input. Max pooling uses distinct values so each
 * window has a unique maximum.
 */
final class PoolGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(22);
        List<GradCase> c = new ArrayList<>();
        PoolSpec k3s2p1In1D = new PoolSpec(new int[] {3}, new int[] {2}, new int[] {1});
        PoolSpec k3s1p1In2D = new PoolSpec(new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1});
        PoolSpec k3s2p1In3D = new PoolSpec(new int[] {3, 3, 3}, new int[] {2, 2, 2}, new int[] {1, 1, 1});
        PoolSpec anisotropic = new PoolSpec(new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 0});

        c.add(pool("maxPool", "1D, kernel 3, stride 2, padding 1", t -> t.maxPool(k3s2p1In1D), in.distinct(1, 2, 8)));
        c.add(pool("maxPool", "2D, kernel 2 = stride", t -> t.maxPool(PoolSpec.of(2, 2)), in.distinct(1, 2, 4, 4)));
        c.add(pool("maxPool", "2D, overlapping kernel 3, stride 1, padding 1", t -> t.maxPool(k3s1p1In2D), in.distinct(1, 1, 5, 5)));
        c.add(pool("maxPool", "2D, anisotropic 2x3 kernel", t -> t.maxPool(anisotropic), in.distinct(1, 1, 5, 6)));
        c.add(pool("maxPool", "3D, kernel 2 = stride", t -> t.maxPool(PoolSpec.of(3, 2)), in.distinct(1, 1, 2, 4, 4)));
        c.add(pool("maxPool", "3D, kernel 3, stride 2, padding 1", t -> t.maxPool(k3s2p1In3D), in.distinct(1, 1, 3, 4, 5)));

        c.add(pool("avgPool", "1D, kernel 3, stride 2, padding 1 (padding not counted)", t -> t.avgPool(k3s2p1In1D),
                in.normal(1, 2, 8)));
        c.add(pool("avgPool", "2D, overlapping kernel 3, stride 1, padding 1", t -> t.avgPool(k3s1p1In2D), in.normal(1, 1, 5, 5)));
        c.add(pool("avgPool", "2D, anisotropic 2x3 kernel", t -> t.avgPool(anisotropic), in.normal(1, 1, 5, 6)));
        c.add(pool("avgPool", "3D, kernel 3, stride 2, padding 1", t -> t.avgPool(k3s2p1In3D), in.normal(1, 1, 3, 4, 5)));
        c.add(pool("avgPool", "on a transposed (non-contiguous) input", t -> t.transpose(2, 3).avgPool(PoolSpec.of(2, 2)),
                in.normal(1, 1, 4, 6)));

        for (boolean max : new boolean[] {false, true}) {
            String op = max ? "adaptiveMaxPool" : "adaptiveAvgPool";
            c.add(pool(op, "1D, 10 -> 4 (overlapping windows)", t -> adaptive(t, max, 4), input(in, max, 1, 2, 10)));
            c.add(pool(op, "2D, 6x6 -> 3x2 (uniform windows)", t -> adaptive(t, max, 3, 2), input(in, max, 1, 1, 6, 6)));
            c.add(pool(op, "2D, 7x5 -> 3x4 (non-divisible)", t -> adaptive(t, max, 3, 4), input(in, max, 1, 1, 7, 5)));
            c.add(pool(op, "2D, global 1x1", t -> adaptive(t, max, 1, 1), input(in, max, 1, 2, 3, 4)));
            c.add(pool(op, "2D, 3x2 -> 5x3 (larger output)", t -> adaptive(t, max, 5, 3), input(in, max, 1, 1, 3, 2)));
            c.add(pool(op, "3D, 5x4x3 -> 2x3x2", t -> adaptive(t, max, 2, 3, 2), input(in, max, 1, 1, 5, 4, 3)));
            c.add(pool(op, "3D, global 1x1x1", t -> adaptive(t, max, 1, 1, 1), input(in, max, 1, 1, 3, 3, 2)));
        }
        return c;
    }

    private static Tensor adaptive(Tensor t, boolean max, int... size) {
        return max ? t.adaptiveMaxPool(size) : t.adaptiveAvgPool(size);
    }

    private static Tensor input(Inputs in, boolean distinct, int... shape) {
        return distinct ? in.distinct(shape) : in.normal(shape);
    }

    private static GradCase pool(String op, String situation, java.util.function.UnaryOperator<Tensor> f, Tensor x) {
        return GradCase.of(op, situation, GradientCheck.of(op, a -> f.apply(a[0]), x));
    }
}
