package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * {@code rfft} and {@code irfft} over 1, 2 and 3 trailing dimensions, with even lengths (the
 * packed real path, radix 2), odd and non-power-of-two lengths (Bluestein) and a leading batch.
 * {@code irfft} is checked on arbitrary spectra, including imaginary parts on the zero and Nyquist
 * bins that it must ignore (gradient 0 there).
 */
final class FftGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(41);
        List<GradCase> c = new ArrayList<>();
        c.add(forward("1D, even length 8", in.normal(2, 8), 1));
        c.add(forward("1D, odd length 5", in.normal(3, 5), 1));
        c.add(forward("1D, length 6 (Bluestein halves)", in.normal(6), 1));
        c.add(forward("2D, 3 x 4", in.normal(2, 3, 4), 2));
        c.add(forward("3D, 2 x 3 x 5", in.normal(1, 2, 3, 5), 3));
        c.add(GradCase.of("rfft", "1D on a transposed (non-contiguous) input", GradientCheck.of("rfft",
                x -> x[0].transpose(0, 1).rfft(1), in.normal(6, 2))));
        c.add(inverse("1D, even length 8", in.normal(2, 5, 2), 8));
        c.add(inverse("1D, odd length 7", in.normal(4, 2), 7));
        c.add(inverse("2D, 3 x 6", in.normal(2, 3, 4, 2), 3, 6));
        c.add(inverse("3D, 2 x 3 x 5", in.normal(2, 3, 3, 2), 2, 3, 5));
        return c;
    }

    private static GradCase forward(String situation, Tensor x, int dims) {
        return GradCase.of("rfft", situation, GradientCheck.of("rfft", t -> t[0].rfft(dims), x));
    }

    private static GradCase inverse(String situation, Tensor z, int... sizes) {
        return GradCase.of("irfft", situation, GradientCheck.of("irfft", t -> t[0].irfft(sizes), z));
    }
}
