package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * Convolutions and transposed convolutions in 1, 2 and 3 spatial dimensions: stride, padding,
 * dilation, anisotropic geometry, groups, with and without bias, output padding below and above
 * the padding, and a non-contiguous input. Shapes are tiny: every input entry costs two forwards.
 */
final class ConvGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(21);
        List<GradCase> c = new ArrayList<>();
        c.add(conv("1D, stride 2, padding 1, bias", ConvSpec.of(1).withStride(2).withPadding(1), in, true, 1, 2, 6, 2, 2, 3));
        c.add(conv("1D, dilation 2, groups 2, no bias", ConvSpec.of(1).withDilation(2).withGroups(2), in, false, 1, 2, 7, 2, 1, 3));
        c.add(conv("2D, padding 1, bias", ConvSpec.of(2).withPadding(1), in, true, 1, 2, 3, 3, 2, 2, 2, 2));
        c.add(conv("2D, stride 2, dilation 2, padding 1, groups 2, no bias",
                ConvSpec.of(2).withStride(2).withDilation(2).withPadding(1).withGroups(2), in, false, 1, 2, 5, 5, 2, 1, 2, 2));
        c.add(conv("2D, anisotropic stride/padding, 2x3 kernel, bias",
                new ConvSpec(new int[] {1, 2}, new int[] {0, 1}, new int[] {1, 1}, 1, new int[] {0, 0}), in, true,
                1, 1, 4, 5, 2, 1, 2, 3));
        c.add(conv("2D, groups 3 with 2 outputs per group, bias", ConvSpec.of(2).withGroups(3), in, true, 1, 3, 2, 3, 6, 1, 2, 2));
        c.add(conv("3D, stride 2, padding 1, bias", ConvSpec.of(3).withStride(2).withPadding(1), in, true, 1, 1, 3, 3, 3, 2, 1, 2, 2, 2));
        c.add(conv("3D, groups 2, no bias", ConvSpec.of(3).withGroups(2), in, false, 1, 2, 2, 3, 2, 2, 1, 2, 2, 2));
        c.add(GradCase.of("conv", "2D on a transposed (non-contiguous) input", GradientCheck.of("conv",
                x -> x[0].transpose(2, 3).conv(x[1], x[2], ConvSpec.of(2).withStride(2)),
                in.normal(1, 2, 4, 3), in.normal(2, 2, 2, 2), in.normal(2))));

        c.add(convT("1D, stride 2, padding 1, output padding 1, bias",
                ConvSpec.of(1).withStride(2).withPadding(1).withOutputPadding(1), in, true, 1, 2, 3, 2, 2, 3));
        c.add(convT("2D, stride 2, padding 1, groups 2, bias", ConvSpec.of(2).withStride(2).withPadding(1).withGroups(2),
                in, true, 1, 2, 3, 3, 2, 2, 3, 3));
        c.add(convT("2D, output padding 1 above padding 0, no bias", ConvSpec.of(2).withStride(2).withOutputPadding(1),
                in, false, 1, 2, 2, 2, 2, 2, 2, 2));
        c.add(convT("2D, dilation 2, stride 2, padding 2, output padding 1, bias",
                ConvSpec.of(2).withStride(2).withDilation(2).withPadding(2).withOutputPadding(1), in, true, 1, 1, 3, 3, 1, 2, 3, 3));
        c.add(convT("3D, stride 2, padding 1, output padding 1, bias",
                ConvSpec.of(3).withStride(2).withPadding(1).withOutputPadding(1), in, true, 1, 1, 2, 2, 2, 1, 2, 2, 2, 2));
        c.add(convT("3D, padding 1, groups 2, no bias", ConvSpec.of(3).withPadding(1).withGroups(2), in, false,
                1, 2, 2, 2, 2, 2, 1, 3, 2, 2));
        return c;
    }

    /**
     * {@code shapes} holds the input shape then the weight shape (each of rank d + 2); the bias has
     * one entry per output channel.
     */
    private static GradCase conv(String situation, ConvSpec spec, Inputs in, boolean bias, int... shapes) {
        int rank = spec.spatialDims() + 2;
        int[] xs = java.util.Arrays.copyOfRange(shapes, 0, rank);
        int[] ws = java.util.Arrays.copyOfRange(shapes, rank, 2 * rank);
        GradientCheck check = bias
                ? GradientCheck.of("conv", x -> x[0].conv(x[1], x[2], spec), in.normal(xs), in.normal(ws), in.normal(ws[0]))
                : GradientCheck.of("conv", x -> x[0].conv(x[1], null, spec), in.normal(xs), in.normal(ws));
        return GradCase.of("conv", situation, check);
    }

    private static GradCase convT(String situation, ConvSpec spec, Inputs in, boolean bias, int... shapes) {
        int rank = spec.spatialDims() + 2;
        int[] xs = java.util.Arrays.copyOfRange(shapes, 0, rank);
        int[] ws = java.util.Arrays.copyOfRange(shapes, rank, 2 * rank);
        int out = ws[1] * spec.groups();
        GradientCheck check = bias
                ? GradientCheck.of("convTranspose", x -> x[0].convTranspose(x[1], x[2], spec), in.normal(xs), in.normal(ws),
                        in.normal(out))
                : GradientCheck.of("convTranspose", x -> x[0].convTranspose(x[1], null, spec), in.normal(xs), in.normal(ws));
        return GradCase.of("convTranspose", situation, check);
    }
}
