package org.equivariant4j.nn.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * with PyTorch's update rule ({@code torch.optim.SGD}):
 * <pre>
 * g = grad + weightDecay * p
 * b = g                                        (first step)
 * b = momentum * b + (1 - dampening) * g       (later steps)
 * g = nesterov ? g + momentum * b : b          (when momentum != 0)
 * p = p - lr * g
 * </pre>
 *
 * <pre>{@code
 * SGD sgd = SGD.builder(model.parameters()).learningRate(0.1).momentum(0.9).nesterov(true).build();
 * }</pre>
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final Map<Parameter, Tensor> momentumBuffers = new IdentityHashMap<>();

    private SGD(Builder b) {
        super(b.parameters, b.learningRate);
        requireArgument(b.momentum >= 0 && b.momentum < Double.POSITIVE_INFINITY, "momentum must be >= 0, got " + b.momentum);
        requireArgument(b.dampening >= 0 && b.dampening <= 1, "dampening must be in [0, 1], got " + b.dampening);
        requireArgument(b.weightDecay >= 0 && b.weightDecay < Double.POSITIVE_INFINITY,
                "weight decay must be >= 0, got " + b.weightDecay);
        requireArgument(!b.nesterov || (b.momentum > 0 && b.dampening == 0),
                "Nesterov momentum needs momentum > 0 and dampening 0, got momentum " + b.momentum + ", dampening " + b.dampening);
        this.momentum = b.momentum;
        this.dampening = b.dampening;
        this.nesterov = b.nesterov;
        this.weightDecay = b.weightDecay;
    }

    /** Plain SGD at learning rate {@code learningRate}. */
    public SGD(List<Parameter> parameters, double learningRate) {
        this(builder(parameters).learningRate(learningRate));
    }

    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    protected Tensor update(Parameter parameter, Tensor value, Tensor grad) {
        Tensor g = weightDecay == 0 ? grad : grad.add(value.mul(weightDecay));
        if (momentum != 0) {
            Tensor buffer = momentumBuffers.get(parameter);
            if (buffer == null) {
                // A copy: the buffer must not alias the gradient, which a later backward accumulates into.
                buffer = g.mul(1.0);
                momentumBuffers.put(parameter, buffer);
            } else {
                kernels().scaleAdd(buffer, momentum, g, 1 - dampening);
            }
            if (nesterov) {
                // p - lr (g + momentum b), as two in-place passes instead of two temporaries.
                kernels().scaleAdd(value, 1, g, -learningRate());
                kernels().scaleAdd(value, 1, buffer, -learningRate() * momentum);
                return value;
            }
            g = buffer;
        }
        kernels().scaleAdd(value, 1, g, -learningRate());
        return value;
    }

    /** {@code momentum_buffer}, as PyTorch names it; no state without momentum or before the first step. */
    @Override
    protected Map<String, Tensor> parameterState(Parameter parameter) {
        Tensor buffer = momentumBuffers.get(parameter);
        return buffer == null ? Map.of() : Map.of(MOMENTUM_BUFFER, buffer);
    }

    @Override
    protected String checkParameterState(Parameter parameter, Map<String, Tensor> state) {
        if (momentum == 0) {
            return "SGD without momentum keeps no state, but got " + new java.util.TreeSet<>(state.keySet());
        }
        return checkNamesAndShapes(parameter, state, List.of(MOMENTUM_BUFFER), List.of());
    }

    @Override
    protected void loadParameterState(Parameter parameter, Map<String, Tensor> state) {
        if (state == null) {
            momentumBuffers.remove(parameter);
        } else {
            momentumBuffers.put(parameter, copyOf(state.get(MOMENTUM_BUFFER), parameter.value().dtype()));
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + (nesterov ? ", nesterov" : "") + ", weightDecay="
                + weightDecay + ")";
    }

    /** Options of {@link SGD}; defaults: learning rate 0.01, no momentum, no weight decay. */
    public static final class Builder {
        private final List<Parameter> parameters;
        private double learningRate = 0.01;
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;

        private Builder(List<Parameter> parameters) {
            this.parameters = parameters;
        }

        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        public Builder momentum(double value) {
            this.momentum = value;
            return this;
        }

        public Builder dampening(double value) {
            this.dampening = value;
            return this;
        }

        public Builder nesterov(boolean value) {
            this.nesterov = value;
            return this;
        }

        /** L2 penalty added to the gradient. */
        public Builder weightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        public SGD build() {
            return new SGD(this);
        }
    }
}
