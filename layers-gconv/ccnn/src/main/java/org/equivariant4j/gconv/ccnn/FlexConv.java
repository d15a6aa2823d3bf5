package org.equivariant4j.gconv.ccnn;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;

/**
 * FlexConv (Romero et al. 2022): a {@link CKConv} whose kernel is multiplied by a Gaussian mask
 * {@code Π_d exp(-½ ((x_d - μ_d) / σ_d)²)} with a learnable width σ per dimension, so the network
 * learns its own kernel size. The centre μ is fixed where the output sample sits: 0 for centred
 * kernels, the last tap (+1) for causal ones.
 *
 * <p>The kernel is cropped to the mask's support, the taps where the mask exceeds
 * {@link #MASK_THRESHOLD}, and the kernel network is evaluated only there: a narrow mask gives a
 * small kernel (fast, and the engine's direct convolution takes it), a wide one grows up to the
 * full grid. The crop is recomputed from σ at every call; gradients reach σ through the mask values.
 */
public final class FlexConv extends ContinuousConv {
    /** Mask values below this are cut off (FlexConv's default). */
    public static final double MASK_THRESHOLD = 0.1;
    private static final double HALF_WIDTH = Math.sqrt(2 * Math.log(1 / MASK_THRESHOLD));

    private final Parameter sigma;

    /** {@code initialSigma}: the mask width at the start, in the kernel's [-1, 1] coordinates. */
    public FlexConv(int dims, int inChannels, int outChannels, boolean depthwise, Padding padding, int[] referenceSize,
            KernelNetSpec spec, double initialSigma, DType dtype, Rng rng) {
        super(dims, inChannels, outChannels, depthwise, padding, referenceSize, spec, dtype, rng);
        if (!(initialSigma > 0)) {
            throw new InvalidArgumentException("FlexConv: initialSigma must be positive, got " + initialSigma);
        }
        this.sigma = registerParameter("sigma", Tensors.full(new int[] {dims}, initialSigma, dtype));
    }

    /** The current mask widths. */
    public double[] sigma() {
        return sigma.value().toDoubleArray();
    }

    private double centre() {
        return padding() == Padding.CAUSAL ? 1.0 : 0.0;
    }

    @Override
    protected int[][] window(int[] full) {
        double[] s = sigma();
        int d = full.length;
        int[] from = new int[d];
        int[] count = new int[d];
        for (int i = 0; i < d; i++) {
            double step = full[i] == 1 ? 1.0 : 2.0 / (full[i] - 1);
            int half = (int) Math.min(full[i], Math.floor(Math.abs(s[i]) * HALF_WIDTH / step));
            if (padding() == Padding.CAUSAL) {
                count[i] = Math.min(full[i], half + 1);
                from[i] = full[i] - count[i];
            } else {
                int centreTap = (full[i] - 1) / 2;
                half = Math.min(half, centreTap);
                from[i] = centreTap - half;
                count[i] = 2 * half + 1;
            }
        }
        return new int[][] {from, count};
    }

    @Override
    protected Tensor weight(Tensor values, Tensor positions) {
        // [P, d]: ((x - μ) / σ)², summed over d -> [P, 1]
        Tensor z = positions.sub(centre()).div(sigma.value().abs().add(1e-6).unsqueeze(0));
        Tensor mask = z.mul(z).sum(1, true).mul(-0.5).exp();
        return values.mul(mask);
    }

    @Override
    protected String describeMore() {
        return ", σ=" + java.util.Arrays.toString(sigma());
    }
}
