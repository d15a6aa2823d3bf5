package org.equivariant4j.gconv.ccnn.kernel;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;

/**
 * What kernel network a continuous convolution uses: its kind, width, depth and frequency scale
 * {@code omega0} (SIREN's ω₀, MAGNet's input scale, the standard deviation of the random Fourier
 * frequencies). The scale sets the highest frequency the initial network expresses over [-1, 1]:
 * a kernel as long as a 784-step sequence needs a large one.
 */
public record KernelNetSpec(Kind kind, int hidden, int layers, double omega0) {

    /** The kernel network families of the CKConv/FlexConv/CCNN papers. */
    public enum Kind {
        /** Multiplicative anisotropic Gabor network (FlexConv, CCNN default). */
        MAGNET,
        /** Sine-activated MLP (CKConv). */
        SIREN,
        /** Random Fourier features followed by a GELU MLP. */
        FOURIER
    }

    public KernelNetSpec {
        if (kind == null || hidden < 1 || layers < 1 || !(omega0 > 0)) {
            throw new InvalidArgumentException("KernelNetSpec: need a kind, hidden >= 1, layers >= 1 and omega0 > 0, got " + kind
                    + ", " + hidden + ", " + layers + ", " + omega0);
        }
    }

    /** A network of this spec for {@code dims}-dimensional positions and {@code out} values per position. */
    public KernelNet build(int dims, int out, DType dtype, Rng rng) {
        return switch (kind) {
            case MAGNET -> new MagNet(dims, hidden, layers, out, omega0, dtype, rng);
            case SIREN -> new Siren(dims, hidden, layers, out, omega0, dtype, rng);
            case FOURIER -> new FourierFeatureMlp(dims, hidden, layers, out, omega0, dtype, rng);
        };
    }
}
