package org.equivariant4j.gconv.ccnn;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;

/**
 * Everything a {@link Ccnn} is built from. {@code dims} (1, 2 or 3) is the only setting that
 * changes between sequences, images and volumes; {@code referenceSize} (one entry per dimension,
 * or null) is the input size the model is trained at (see {@link ContinuousConv} on resolution).
 * {@code padding} CAUSAL reads the output at the last step (a sequence model); the centred modes
 * average over all positions. {@code discreteTaps}: the kernel size of {@link ConvKind#DISCRETE}
 * blocks, 0 for the size whose weights match the kernel network's parameter count.
 */
public record CcnnConfig(int dims, int inChannels, int classes, int hidden, int blocks, ConvKind conv, KernelNetSpec kernelNet,
        double maskSigma, Padding padding, double dropout, int[] referenceSize, DType dtype, int discreteTaps) {

    public CcnnConfig {
        if (dims < 1 || dims > 3) {
            throw new InvalidArgumentException("CcnnConfig: dims must be 1, 2 or 3, got " + dims);
        }
        if (inChannels < 1 || classes < 2 || hidden < 1 || blocks < 1 || dropout < 0 || dropout >= 1 || !(maskSigma > 0)) {
            throw new InvalidArgumentException("CcnnConfig: need inChannels, hidden, blocks >= 1, classes >= 2, dropout in [0, 1) and"
                    + " maskSigma > 0, got " + inChannels + ", " + hidden + ", " + blocks + ", " + classes + ", " + dropout + ", "
                    + maskSigma);
        }
        if (discreteTaps < 0) {
            throw new InvalidArgumentException("CcnnConfig: discreteTaps must be >= 0 (0: matched to the kernel network), got "
                    + discreteTaps);
        }
        if (referenceSize != null && referenceSize.length != dims) {
            throw new InvalidArgumentException("CcnnConfig: referenceSize needs " + dims + " entries, got "
                    + java.util.Arrays.toString(referenceSize));
        }
        referenceSize = referenceSize == null ? null : referenceSize.clone();
    }

    /**
     * The paper's CCNN settings scaled by {@code hidden} and {@code blocks}: FlexConv with a MAGNet
     * kernel network (32 wide, 3 filters), dropout 0.1, float32.
     */
    public static CcnnConfig of(int dims, int inChannels, int classes, int hidden, int blocks, Padding padding, int[] referenceSize,
            double omega0) {
        return new CcnnConfig(dims, inChannels, classes, hidden, blocks, ConvKind.FLEX,
                new KernelNetSpec(KernelNetSpec.Kind.MAGNET, 32, 3, omega0), 0.1, padding, 0.1, referenceSize, DType.FLOAT32, 0);
    }

    public CcnnConfig withConv(ConvKind value) {
        return new CcnnConfig(dims, inChannels, classes, hidden, blocks, value, kernelNet, maskSigma, padding, dropout, referenceSize,
                dtype, discreteTaps);
    }

    public CcnnConfig withDtype(DType value) {
        return new CcnnConfig(dims, inChannels, classes, hidden, blocks, conv, kernelNet, maskSigma, padding, dropout, referenceSize,
                value, discreteTaps);
    }

    public CcnnConfig withDropout(double value) {
        return new CcnnConfig(dims, inChannels, classes, hidden, blocks, conv, kernelNet, maskSigma, padding, value, referenceSize,
                dtype, discreteTaps);
    }

    public CcnnConfig withDiscreteTaps(int value) {
        return new CcnnConfig(dims, inChannels, classes, hidden, blocks, conv, kernelNet, maskSigma, padding, dropout, referenceSize,
                dtype, value);
    }

    @Override
    public int[] referenceSize() {
        return referenceSize == null ? null : referenceSize.clone();
    }
}
