package org.equivariant4j.fields.enf.dynamics;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The state of an ODE as a fixed tuple of tensors (for the latent dynamics: poses and contexts), advanced part by part.
 * A vector field returns its derivative as an {@code OdeState} of the same arity and shapes, so an integrator combines
 * states without knowing what they mean. Every operation builds on the autograd graph: a rollout is differentiable.
 */
public final class OdeState {
    private final List<Tensor> parts;

    private OdeState(List<Tensor> parts) {
        this.parts = parts;
    }

    /** A state of the given parts (at least one). */
    public static OdeState of(Tensor... parts) {
        if (parts.length == 0) {
            throw new InvalidArgumentException("OdeState: needs at least one tensor");
        }
        return new OdeState(List.of(parts));
    }

    /** The number of tensors. */
    public int arity() {
        return parts.size();
    }

    /** The tensor at {@code index}. */
    public Tensor part(int index) {
        return parts.get(index);
    }

    /** All tensors, in order. */
    public List<Tensor> parts() {
        return parts;
    }

    /** {@code this + h * direction}, part by part. */
    public OdeState plus(double h, OdeState direction) {
        checkCompatible("plus", direction);
        Tensor[] out = new Tensor[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parts.get(i).add(direction.parts.get(i).mul(h));
        }
        return new OdeState(List.of(out));
    }

    /** {@code this + sum_k weights[k] * directions[k]}, part by part (one expression per part, for Runge-Kutta). */
    public OdeState plusCombination(double[] weights, OdeState... directions) {
        if (weights.length != directions.length) {
            throw new InvalidArgumentException("OdeState.plusCombination: " + weights.length + " weights for "
                    + directions.length + " directions");
        }
        for (OdeState d : directions) {
            checkCompatible("plusCombination", d);
        }
        Tensor[] out = new Tensor[parts.size()];
        for (int i = 0; i < out.length; i++) {
            Tensor sum = directions[0].parts.get(i).mul(weights[0]);
            for (int k = 1; k < directions.length; k++) {
                sum = sum.add(directions[k].parts.get(i).mul(weights[k]));
            }
            out[i] = parts.get(i).add(sum);
        }
        return new OdeState(List.of(out));
    }

    /** Fails unless {@code other} has this state's arity and, part by part, its shape. */
    void checkCompatible(String op, OdeState other) {
        if (other.parts.size() != parts.size()) {
            throw new ShapeMismatchException("OdeState." + op + ": a state of " + parts.size()
                    + " tensors cannot combine with one of " + other.parts.size() + " (" + other + ")");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!Arrays.equals(parts.get(i).shape(), other.parts.get(i).shape())) {
                throw new ShapeMismatchException("OdeState." + op + ": part " + i + " has shape "
                        + Arrays.toString(parts.get(i).shape()) + " but the other state's has "
                        + Arrays.toString(other.parts.get(i).shape()) + " (a vector field must return its state's shapes)");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("OdeState[");
        for (int i = 0; i < parts.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Arrays.toString(parts.get(i).shape()));
        }
        return b.append(']').toString();
    }
}
