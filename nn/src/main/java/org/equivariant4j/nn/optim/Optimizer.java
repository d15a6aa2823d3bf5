package org.equivariant4j.nn.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Updates parameters from their accumulated gradients. A training step is
 * {@code optimizer.zeroGrad(); loss.backward(); optimizer.step();}.
 *
 * <p>{@link #step()} runs under {@link GradMode#disabled()} and changes each parameter's tensor in
 * place, so the update never enters a graph and whatever holds the parameter's tensor sees the new
 * value. The built-in optimisers update in place with {@code Tensor}'s in-place ops
 * ({@link Tensor#scaleAddInPlace} and friends), which an engine runs as fused kernels; a subclass
 * may instead return a new tensor, which is then copied in ({@link Tensor#assign}). Parameters without a gradient
 * (unused by the last forward pass) are skipped, as in PyTorch. Subclasses keep their own
 * per-parameter state (momentum, moment estimates), created on a parameter's first update.
 */
public abstract class Optimizer {
    private final List<Parameter> parameters;
    private double learningRate;

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameters to optimise");
        }
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
        setLearningRate(learningRate);
    }

    /** The parameters this optimiser updates, in the order given. */
    public final List<Parameter> parameters() {
        return parameters;
    }

    public final double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate of the following steps (what a schedule does before each step). */
    public final void setLearningRate(double value) {
        requireArgument(value >= 0 && Double.isFinite(value), "learning rate must be finite and >= 0, got " + value);
        this.learningRate = value;
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (Parameter p : parameters) {
                Tensor grad = p.grad();
                if (grad != null) {
                    Tensor value = p.value();
                    Tensor next = update(p, value, grad);
                    if (next != value) {
                        value.assign(next);
                    }
                }
            }
        }
    }

    /** Clears the gradients of every parameter (before the next backward). */
    public final void zeroGrad() {
        for (Parameter p : parameters) {
            p.value().zeroGrad();
        }
    }

    /**
     * The new value of one parameter: either {@code value} itself, updated in place, or a new
     * tensor to copy into it. Called without a graph, once per step for each parameter that has a
     * gradient.
     *
     * @param parameter the holder, the key of any per-parameter state
     * @param value     its current value
     * @param grad      its gradient
     */
    protected abstract Tensor update(Parameter parameter, Tensor value, Tensor grad);

    /** Refuses a bad hyperparameter with a message naming this optimiser. */
    protected final void requireArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + message);
        }
    }
}
