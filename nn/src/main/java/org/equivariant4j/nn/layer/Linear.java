package org.equivariant4j.nn.layer;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.FusedActivation;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.nn.init.Fan;
import org.equivariant4j.nn.init.Initializer;
import org.equivariant4j.nn.init.LinearDefault;

/**
 * The affine map {@code y = x W^T + b} over the last dimension of {@code [..., in]} inputs.
 * The weight is {@code [out, in]} and the bias {@code [out]}, as in PyTorch, so state dicts
 * and checkpoints exchange with {@code torch.nn.Linear} unchanged.
 *
 * <pre>{@code
 * Linear layer = new Linear(64, 10, new Rng(0));                       // PyTorch's default init
 * Linear head = Linear.builder(64, 10).bias(false).weightInit(new XavierUniform()).rng(new Rng(1)).build();
 * }</pre>
 */
public final class Linear extends UnaryModule {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A float32 layer with a bias and PyTorch's default initialisation drawn from {@code rng}. */
    public Linear(int inFeatures, int outFeatures, Rng rng) {
        this(builder(inFeatures, outFeatures).rng(rng));
    }

    private Linear(Builder b) {
        if (b.inFeatures <= 0 || b.outFeatures <= 0) {
            throw new InvalidArgumentException("Linear: feature counts must be positive, got " + b.inFeatures + " -> "
                    + b.outFeatures);
        }
        Objects.requireNonNull(b.rng, "Linear: an Rng is required (rng(...)) so that initialisation is reproducible");
        this.inFeatures = b.inFeatures;
        this.outFeatures = b.outFeatures;
        int[] weightShape = {outFeatures, inFeatures};
        Fan fan = Fan.of(weightShape);
        this.weight = registerParameter("weight", b.weightInit.sample(weightShape, fan, b.dtype, b.rng));
        this.bias = b.bias ? registerParameter("bias", b.biasInit.sample(new int[] {outFeatures}, fan, b.dtype, b.rng)) : null;
    }

    /** Options beyond the defaults (bias on, float32, PyTorch's initialisation). */
    public static Builder builder(int inFeatures, int outFeatures) {
        return new Builder(inFeatures, outFeatures);
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    /** The {@code [out, in]} weight. */
    public Parameter weight() {
        return weight;
    }

    /** The {@code [out]} bias, or null for a layer built without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        return forward(input, FusedActivation.IDENTITY);
    }

    /**
     * {@code activation.forward(forward(input))}, run as one op ({@link Tensor#linear}) when the activation is nn's
     * {@link ReLU} or {@link SiLU}: the engine then adds the bias inside the matrix product and applies the
     * activation in the same pass, forward and back, instead of three ops each way. Other activations run after the
     * layer as usual. {@link Sequential} (and so {@link MLP}) calls this for every Linear followed by an activation.
     */
    public Tensor forwardThen(Tensor input, UnaryModule activation) {
        FusedActivation fused = activation instanceof ReLU ? FusedActivation.RELU
                : activation instanceof SiLU ? FusedActivation.SILU : null;
        return fused != null ? forward(input, fused) : activation.forward(forward(input));
    }

    private Tensor forward(Tensor input, FusedActivation activation) {
        int[] shape = input.shape();
        if (shape.length == 0 || shape[shape.length - 1] != inFeatures) {
            throw new ShapeMismatchException(this + ": expected input [..., " + inFeatures + "] but was " + Arrays.toString(shape));
        }
        Tensor w = weight.value();
        if (input.dtype() != w.dtype()) {
            throw new DTypeMismatchException(this + ": expected input " + w.dtype() + " but was " + input.dtype()
                    + "; convert the input with to(" + w.dtype() + ") or the layer with to(" + input.dtype() + ")");
        }
        Tensor b = bias == null ? null : bias.value();
        if (shape.length == 2) {
            return input.linear(w, b, activation);
        }
        // [..., in]: the rows of all leading dimensions through one 2D op.
        int[] outShape = shape.clone();
        outShape[shape.length - 1] = outFeatures;
        return input.reshape(-1, inFeatures).linear(w, b, activation).reshape(outShape);
    }

    @Override
    public String toString() {
        return "Linear(" + inFeatures + " -> " + outFeatures + (bias == null ? ", no bias" : "") + ")";
    }

    /** Collects the options of a {@link Linear}; {@link #rng(Rng)} is required. */
    public static final class Builder {
        private final int inFeatures;
        private final int outFeatures;
        private boolean bias = true;
        private DType dtype = DType.FLOAT32;
        private Initializer weightInit = new LinearDefault();
        private Initializer biasInit = new LinearDefault();
        private Rng rng;

        private Builder(int inFeatures, int outFeatures) {
            this.inFeatures = inFeatures;
            this.outFeatures = outFeatures;
        }

        /** Whether the layer adds a bias (default true). */
        public Builder bias(boolean value) {
            this.bias = value;
            return this;
        }

        /** The floating dtype of the parameters (default FLOAT32). */
        public Builder dtype(DType value) {
            if (!value.isFloating()) {
                throw new InvalidArgumentException("Linear: parameters must have a floating dtype, got " + value);
            }
            this.dtype = value;
            return this;
        }

        /** The weight initialiser (default {@link LinearDefault}). */
        public Builder weightInit(Initializer value) {
            this.weightInit = Objects.requireNonNull(value, "weightInit");
            return this;
        }

        /** The bias initialiser, given the weight's fan (default {@link LinearDefault}). */
        public Builder biasInit(Initializer value) {
            this.biasInit = Objects.requireNonNull(value, "biasInit");
            return this;
        }

        /** The random stream the initial values are drawn from (weight first, then bias). */
        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public Linear build() {
            return new Linear(this);
        }
    }
}
