package org.equivariant4j.nn.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.UpdateKernels;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Updates parameters from their accumulated gradients. A training step is
 * {@code optimizer.zeroGrad(); loss.backward(); optimizer.step();}.
 *
 * <p>{@link #step()} runs under {@link GradMode#disabled()} and changes each parameter's tensor in
 * place, so the update never enters a graph and whatever holds the parameter's tensor sees the new
 * value. The built-in optimisers update in place with the engine's {@link UpdateKernels} ({@link #kernels()}),
 * fused one-pass kernels where the engine has them; a subclass
 * may instead return a new tensor, which is then copied in ({@link Tensor#assign}). Parameters without a gradient
 * (unused by the last forward pass) are skipped, as in PyTorch. Subclasses keep their own
 * per-parameter state (momentum, moment estimates), created on a parameter's first update.
 *
 * <h2>State dict</h2>
 * {@link #stateDict()} is PyTorch's {@code optimizer.state_dict()} flattened to named tensors, so it
 * goes into a safetensors checkpoint beside the model's: {@code state.<i>.<name>} for the state of
 * the {@code i}-th parameter (in {@link #parameters()} order; only parameters updated at least
 * once have state, as in PyTorch) and {@code param_groups.lr}, the current learning rate.
 * {@link #loadStateDict} restores it, so training continued from a saved state takes exactly the
 * steps the uninterrupted run would have taken.
 */
public abstract class Optimizer {
    private final List<Parameter> parameters;
    private double learningRate;

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        if (parameters.isEmpty()) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": no parameters to optimise");
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

    /** Name of the learning-rate entry of {@link #stateDict()}. */
    public static final String LEARNING_RATE_KEY = "param_groups.lr";

    /** The engine's in-place updates for optimiser state and parameters (found once, on first use). */
    protected static UpdateKernels kernels() {
        return Tensors.backend().updateKernels();
    }

    /**
     * This optimiser's state as named tensors (see the class comment). The per-parameter tensors are
     * the live state, not copies: save them before the next {@link #step()}.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            String prefix = "state." + i + ".";
            parameterState(parameters.get(i)).forEach((name, t) -> out.put(prefix + name, t));
        }
        out.put(LEARNING_RATE_KEY, Tensors.scalar(learningRate, DType.FLOAT64));
        return out;
    }

    /**
     * Restores a {@link #stateDict()} of an optimiser of the same kind over parameters of the same
     * shapes. Strict, as {@code Module.loadStateDict}: nothing changes unless every entry is known,
     * complete and of the right shape, and the exception lists every problem. The tensors are copied,
     * so the map may be reused.
     *
     * @throws StateDictMismatchException naming this optimiser and every bad entry
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Tensor>> perParameter = new ArrayList<>();
        parameters.forEach(p -> perParameter.add(new LinkedHashMap<>()));
        TreeSet<String> unexpected = new TreeSet<>();
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            String key = e.getKey();
            if (key.equals(LEARNING_RATE_KEY)) {
                continue;
            }
            int index = parameterIndex(key);
            if (index < 0) {
                unexpected.add(key);
            } else {
                perParameter.get(index).put(key.substring(key.indexOf('.', "state.".length()) + 1), e.getValue());
            }
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected " + unexpected);
        }
        Tensor lr = state.get(LEARNING_RATE_KEY);
        double learningRate = Double.NaN;
        if (lr == null) {
            problems.add("missing " + LEARNING_RATE_KEY);
        } else if (lr.numel() != 1) {
            problems.add(LEARNING_RATE_KEY + ": expected a scalar but was shape " + Arrays.toString(lr.shape()));
        } else {
            learningRate = lr.toDoubleArray()[0];
            if (!(learningRate >= 0 && Double.isFinite(learningRate))) {
                problems.add(LEARNING_RATE_KEY + ": expected a finite rate >= 0 but was " + learningRate);
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            Map<String, Tensor> entries = perParameter.get(i);
            if (!entries.isEmpty()) {
                String problem = checkParameterState(parameters.get(i), entries);
                if (problem != null) {
                    problems.add("state." + i + ": " + problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new StateDictMismatchException(getClass().getSimpleName() + ".loadStateDict: " + String.join("; ", problems));
        }
        setLearningRate(learningRate);
        for (int i = 0; i < parameters.size(); i++) {
            Map<String, Tensor> entries = perParameter.get(i);
            loadParameterState(parameters.get(i), entries.isEmpty() ? null : entries);
        }
    }

    /** The parameter index of a {@code state.<i>.<name>} key, or -1 when the key is not one. */
    private int parameterIndex(String key) {
        if (!key.startsWith("state.")) {
            return -1;
        }
        int dot = key.indexOf('.', "state.".length());
        if (dot < 0 || dot == key.length() - 1) {
            return -1;
        }
        String digits = key.substring("state.".length(), dot);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int index = Integer.parseInt(digits);
        return index < parameters.size() ? index : -1;
    }

    /** A copy of {@code source} in {@code dtype}, sharing nothing with it (state is updated in place). */
    protected static Tensor copyOf(Tensor source, DType dtype) {
        Tensor copy = Tensors.zeros(dtype, source.shape());
        copy.assign(source.to(dtype));
        return copy;
    }

    /**
     * The named state of one parameter (empty before its first update), as PyTorch names it
     * ({@code exp_avg}, {@code momentum_buffer}, ...).
     */
    protected abstract Map<String, Tensor> parameterState(Parameter parameter);

    /**
     * Why {@code state} (non-empty) cannot be the state of {@code parameter}: missing or unexpected
     * names, wrong shapes or values; null when it can.
     */
    protected abstract String checkParameterState(Parameter parameter, Map<String, Tensor> state);

    /** Replaces the state of {@code parameter} by copies of {@code state} (checked), or clears it when null. */
    protected abstract void loadParameterState(Parameter parameter, Map<String, Tensor> state);

    /**
     * The common check of {@link #checkParameterState}: exactly the names {@code expected}, each tensor
     * either a scalar (names in {@code scalars}) or of the parameter's shape; null when it is so.
     */
    protected static String checkNamesAndShapes(Parameter parameter, Map<String, Tensor> state, List<String> expected,
            List<String> scalars) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(state.keySet());
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(expected);
        if (!missing.isEmpty()) {
            problems.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected " + unexpected);
        }
        int[] shape = parameter.value().shape();
        for (String name : expected) {
            Tensor t = state.get(name);
            if (t == null) {
                continue;
            }
            if (scalars.contains(name)) {
                if (t.numel() != 1) {
                    problems.add(name + ": expected a scalar but was shape " + Arrays.toString(t.shape()));
                }
            } else if (!Arrays.equals(t.shape(), shape)) {
                problems.add(name + ": expected shape " + Arrays.toString(shape) + " but was " + Arrays.toString(t.shape()));
            }
        }
        return problems.isEmpty() ? null : String.join(", ", problems);
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
            throw new InvalidArgumentException(getClass().getSimpleName() + ": " + message);
        }
    }
}
