package org.equivariant4j.nn.optim;

import java.util.List;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Adam (Kingma and Ba 2015) with PyTorch's update rule ({@code torch.optim.Adam}); with
 * {@code t} the parameter's step count (from 1) and {@code g} its gradient:
 * <pre>
 * g = grad + weightDecay * p
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * p = p - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * The optional L2 weight decay enters the gradient and is then rescaled by the adaptive step,
 * so weights with large gradients decay less; {@link AdamW} decouples it.
 *
 * <pre>{@code
 * Adam adam = new Adam(model.parameters(), 1e-3);
 * Adam tuned = Adam.builder(model.parameters()).learningRate(3e-4).betas(0.9, 0.98).eps(1e-9).build();
 * }</pre>
 */
public final class Adam extends AdaptiveMoments {

    /** Betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(List<Parameter> parameters, double learningRate) {
        this(builder(parameters).learningRate(learningRate));
    }

    private Adam(Builder b) {
        super(b.parameters, b.learningRate, b.beta1, b.beta2, b.eps, b.weightDecay);
    }

    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    Tensor effectiveGradient(Tensor value, Tensor grad) {
        return weightDecay() == 0 ? grad : grad.add(value.mul(weightDecay()));
    }

    @Override
    void decayInPlace(Tensor value) {
        // Adam's weight decay is an L2 term in the gradient (effectiveGradient), not a decay of the value.
    }

    /** Options of {@link Adam}; defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0. */
    public static final class Builder extends AdaptiveMoments.Options<Builder> {
        private Builder(List<Parameter> parameters) {
            super(parameters, 0.0);
        }

        @Override
        Builder self() {
            return this;
        }

        public Adam build() {
            return new Adam(this);
        }
    }
}
