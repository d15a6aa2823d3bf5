package org.equivariant4j.core.tensor;

/**
 * The activations {@link Tensor#linear} can apply in the same op as the affine map: what an engine may fuse into a
 * linear layer's forward and backward pass (nn's {@code ReLU} and {@code SiLU} after a {@code Linear}).
 */
public enum FusedActivation {
    /** No activation: the affine map alone. */
    IDENTITY,
    /** {@code max(x, 0)}, as {@link Tensor#relu()}. */
    RELU,
    /** {@code x * sigmoid(x)}, as {@link Tensor#silu()}. */
    SILU;

    /** The activation applied by the ordinary op: what a fused engine op must equal. */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> x.relu();
            case SILU -> x.silu();
        };
    }
}
