package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * {@code gridSample}, bilinear (4D) and trilinear (5D), both {@code alignCorners} conventions,
 * with points inside, near the border (some corners outside, read as zeros) and wholly outside.
 * Grid points are kept at least 0.1 pixel away from integer pixel positions, where the
 * interpolation has kinks and finite differences would measure no one-sided derivative.
 */
final class SamplingGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(23);
        List<GradCase> c = new ArrayList<>();
        for (boolean align : new boolean[] {false, true}) {
            String a = "alignCorners=" + align;
            c.add(sample("2D, " + a, in.normal(1, 1, 4, 5), grid(in, align, new int[] {4, 5}, 1, 2, 3), align));
            c.add(sample("2D, batch 2, " + a, in.normal(2, 2, 3, 3), grid(in, align, new int[] {3, 3}, 2, 2, 2), align));
            c.add(sample("3D, " + a, in.normal(1, 1, 3, 4, 3), grid(in, align, new int[] {3, 4, 3}, 1, 2, 2, 1), align));
        }
        c.add(GradCase.of("gridSample", "2D on a transposed (non-contiguous) input", GradientCheck.of("gridSample",
                x -> x[0].transpose(2, 3).gridSample(x[1], false), in.normal(1, 1, 5, 4),
                grid(in, false, new int[] {4, 5}, 1, 2, 2))));
        return c;
    }

    private static GradCase sample(String situation, Tensor x, Tensor grid, boolean align) {
        return GradCase.of("gridSample", situation, GradientCheck.of("gridSample", t -> t[0].gridSample(t[1], align), x, grid));
    }

    /**
     * A grid {@code [n, *out, d]} for an input of spatial size {@code size} (D, H, W order) whose
     * points lie in pixel coordinates [-1.4, size + 0.4] with fractional parts in [0.1, 0.9].
     * Coordinate j of a point indexes spatial dimension d - 1 - j, as in PyTorch.
     */
    static Tensor grid(Inputs in, boolean align, int[] size, int n, int... out) {
        int d = size.length;
        int[] shape = new int[out.length + 2];
        shape[0] = n;
        System.arraycopy(out, 0, shape, 1, out.length);
        shape[shape.length - 1] = d;
        double[] u = in.uniform(0, 1, shape).toDoubleArray();
        double[] g = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            int len = size[d - 1 - i % d];
            double pix = -1.4 + u[i] * (len + 1.8);
            double whole = Math.floor(pix);
            double frac = Math.min(0.9, Math.max(0.1, pix - whole));
            pix = whole + frac;
            g[i] = align ? (len == 1 ? 0.0 : 2.0 * pix / (len - 1) - 1.0) : (2.0 * pix + 1.0) / len - 1.0;
        }
        return Tensors.of(g, DType.FLOAT64, shape);
    }
}
