package org.equivariant4j.nn.conv;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.init.Fan;
import org.equivariant4j.nn.init.Initializer;
import org.equivariant4j.nn.init.LinearDefault;

/**
 * A convolution over 1, 2 or 3 spatial dimensions, {@code torch.nn.Conv1d/2d/3d}: input {@code [N, C, *spatial]},
 * weight {@code [O, C/groups, *kernel]}, bias {@code [O]}, PyTorch's default initialisation. Stride, zero padding,
 * dilation and groups as in PyTorch ({@link ConvSpec}).
 *
 * <pre>{@code
 * Conv conv = Conv.conv2d(3, 16, 3, new Rng(0));                                  // 3x3, stride 1, no padding
 * Conv same = Conv.builder(2, 16, 16, 3).padding(1).groups(4).rng(new Rng(1)).build();
 * }</pre>
 */
public final class Conv extends UnaryModule {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernel;
    private final ConvSpec spec;
    private final Parameter weight;
    private final Parameter bias;

    private Conv(Builder b) {
        Objects.requireNonNull(b.rng, "Conv: an Rng is required (rng(...)) so that initialisation is reproducible");
        if (b.inChannels <= 0 || b.outChannels <= 0 || b.kernel <= 0) {
            throw new InvalidArgumentException("Conv" + b.dims + "d: channels and kernel size must be positive, got "
                    + b.inChannels + " -> " + b.outChannels + ", kernel " + b.kernel);
        }
        if (b.inChannels % b.groups != 0 || b.outChannels % b.groups != 0) {
            throw new InvalidArgumentException("Conv" + b.dims + "d: groups=" + b.groups + " must divide both "
                    + b.inChannels + " input and " + b.outChannels + " output channels");
        }
        this.inChannels = b.inChannels;
        this.outChannels = b.outChannels;
        this.kernel = new int[b.dims];
        Arrays.fill(kernel, b.kernel);
        this.spec = ConvSpec.of(b.dims).withStride(b.stride).withPadding(b.padding).withDilation(b.dilation).withGroups(b.groups);
        int[] weightShape = new int[2 + b.dims];
        weightShape[0] = outChannels;
        weightShape[1] = inChannels / b.groups;
        System.arraycopy(kernel, 0, weightShape, 2, b.dims);
        Fan fan = Fan.of(weightShape);
        this.weight = registerParameter("weight", b.weightInit.sample(weightShape, fan, b.dtype, b.rng));
        this.bias = b.bias ? registerParameter("bias", b.biasInit.sample(new int[] {outChannels}, fan, b.dtype, b.rng)) : null;
    }

    /** {@code torch.nn.Conv1d(in, out, kernel)}: stride 1, no padding, with bias. */
    public static Conv conv1d(int inChannels, int outChannels, int kernel, Rng rng) {
        return builder(1, inChannels, outChannels, kernel).rng(rng).build();
    }

    /** {@code torch.nn.Conv2d(in, out, kernel)}: stride 1, no padding, with bias. */
    public static Conv conv2d(int inChannels, int outChannels, int kernel, Rng rng) {
        return builder(2, inChannels, outChannels, kernel).rng(rng).build();
    }

    /** {@code torch.nn.Conv3d(in, out, kernel)}: stride 1, no padding, with bias. */
    public static Conv conv3d(int inChannels, int outChannels, int kernel, Rng rng) {
        return builder(3, inChannels, outChannels, kernel).rng(rng).build();
    }

    /** A convolution over {@code dims} (1-3) spatial dimensions with a cubic kernel of side {@code kernel}. */
    public static Builder builder(int dims, int inChannels, int outChannels, int kernel) {
        return new Builder(dims, inChannels, outChannels, kernel);
    }

    /** The {@code [O, C/groups, *kernel]} weight. */
    public Parameter weight() {
        return weight;
    }

    /** The {@code [O]} bias, or null for a layer built without one. */
    public Parameter bias() {
        return bias;
    }

    /** Stride, padding, dilation and groups. */
    public ConvSpec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        if (shape.length != 2 + kernel.length || shape[1] != inChannels) {
            throw new ShapeMismatchException(this + ": expected input [N, " + inChannels + ", " + spatialPattern()
                    + "] but was " + Arrays.toString(shape));
        }
        Tensor w = weight.value();
        if (input.dtype() != w.dtype()) {
            throw new DTypeMismatchException(this + ": expected input " + w.dtype() + " but was " + input.dtype()
                    + "; convert the input with to(" + w.dtype() + ") or the layer with to(" + input.dtype() + ")");
        }
        return input.conv(w, bias == null ? null : bias.value(), spec);
    }

    private String spatialPattern() {
        return String.join(", ", java.util.Collections.nCopies(kernel.length, "*"));
    }

    @Override
    public String toString() {
        return "Conv" + kernel.length + "d(" + inChannels + " -> " + outChannels + ", kernel " + kernel[0] + ", stride "
                + spec.stride()[0] + ", padding " + spec.padding()[0] + (spec.dilation()[0] == 1 ? "" : ", dilation "
                + spec.dilation()[0]) + (spec.groups() == 1 ? "" : ", groups " + spec.groups())
                + (bias == null ? ", no bias" : "") + ")";
    }

    /** Collects the options of a {@link Conv}; {@link #rng(Rng)} is required. */
    public static final class Builder {
        private final int dims;
        private final int inChannels;
        private final int outChannels;
        private final int kernel;
        private int stride = 1;
        private int padding;
        private int dilation = 1;
        private int groups = 1;
        private boolean bias = true;
        private DType dtype = DType.FLOAT32;
        private Initializer weightInit = new LinearDefault();
        private Initializer biasInit = new LinearDefault();
        private Rng rng;

        private Builder(int dims, int inChannels, int outChannels, int kernel) {
            if (dims < 1 || dims > 3) {
                throw new InvalidArgumentException("Conv: 1, 2 or 3 spatial dimensions, got " + dims);
            }
            this.dims = dims;
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.kernel = kernel;
        }

        /** Step between windows in every dimension (default 1). */
        public Builder stride(int value) {
            this.stride = value;
            return this;
        }

        /** Zeros added at both ends of every spatial dimension (default 0; {@code kernel / 2} keeps the size). */
        public Builder padding(int value) {
            this.padding = value;
            return this;
        }

        /** Spacing between kernel taps (default 1). */
        public Builder dilation(int value) {
            this.dilation = value;
            return this;
        }

        /** Channel groups (default 1; {@code groups == inChannels} is a depthwise convolution). */
        public Builder groups(int value) {
            this.groups = value;
            return this;
        }

        /** Whether the layer adds a bias (default true). */
        public Builder bias(boolean value) {
            this.bias = value;
            return this;
        }

        /** The floating dtype of the parameters (default FLOAT32). */
        public Builder dtype(DType value) {
            if (!value.isFloating()) {
                throw new InvalidArgumentException("Conv: parameters must have a floating dtype, got " + value);
            }
            this.dtype = value;
            return this;
        }

        /** The weight initialiser (default PyTorch's, {@link LinearDefault}). */
        public Builder weightInit(Initializer value) {
            this.weightInit = Objects.requireNonNull(value, "weightInit");
            return this;
        }

        /** The bias initialiser, given the weight's fan (default PyTorch's, {@link LinearDefault}). */
        public Builder biasInit(Initializer value) {
            this.biasInit = Objects.requireNonNull(value, "biasInit");
            return this;
        }

        /** The random source of the initialisation (required). */
        public Builder rng(Rng value) {
            this.rng = value;
            return this;
        }

        public Conv build() {
            return new Conv(this);
        }
    }
}
