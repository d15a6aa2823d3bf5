package org.equivariant4j.nn.optim;

import java.util.List;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;

/**
 * AdamW (Loshchilov and Hutter 2019): the {@link Adam} update with
 * weight decay decoupled from the gradient, as {@code torch.optim.AdamW}: each step first shrinks
 * the parameter, {@code p = p * (1 - lr * weightDecay)}, then takes the Adam step with the plain
 * gradient. Unlike L2 decay in {@link Adam}, the shrinkage is not rescaled by the adaptive step, so
 * every weight decays at the same rate.
 *
 * <pre>{@code
 * AdamW adamw = AdamW.builder(model.parameters()).learningRate(1e-3).weightDecay(0.05).build();
 * }</pre>
 */
public final class AdamW extends AdaptiveMoments {

    /** Betas (0.9, 0.999), eps 1e-8, weight decay 0.01 (PyTorch's defaults). */
    public AdamW(List<Parameter> parameters, double learningRate) {
        this(builder(parameters).learningRate(learningRate));
    }

    private AdamW(Builder b) {
        super(b.parameters, b.learningRate, b.beta1, b.beta2, b.eps, b.weightDecay);
    }

    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    Tensor effectiveGradient(Tensor value, Tensor grad) {
        return grad;
    }

    @Override
    void decayInPlace(Tensor value) {
        if (weightDecay() != 0) {
            kernels().scaleAdd(value, 1 - learningRate() * weightDecay(), value, 0.0);
        }
    }

    /** Options of {@link AdamW}; defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01. */
    public static final class Builder extends AdaptiveMoments.Options<Builder> {
        private Builder(List<Parameter> parameters) {
            super(parameters, 0.01);
        }

        @Override
        Builder self() {
            return this;
        }

        public AdamW build() {
            return new AdamW(this);
        }
    }
}
