package org.equivariant4j.core.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;

/**
 * A node of a model: named parameters, named buffers (state that is saved but not trained, such
 * as running statistics) and named child modules, forming a tree whose dotted paths
 * ({@code "encoder.0.weight"}) name every tensor in a state dict, as in PyTorch.
 *
 * <p>Subclasses register their parts in the constructor, in a fixed order, so names and
 * iteration order are deterministic.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a trainable parameter initialised to {@code initial}. */
    protected final Parameter registerParameter(String name, Tensor initial) {
        checkNewName(name);
        Parameter p = new Parameter(initial);
        parameters.put(name, p);
        return p;
    }

    /** Registers a buffer: saved in the state dict, never trained. */
    protected final void registerBuffer(String name, Tensor initial) {
        checkNewName(name);
        buffers.put(name, initial.detach());
    }

    protected final Tensor buffer(String name) {
        Tensor t = buffers.get(name);
        if (t == null) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": no buffer '" + name + "'; buffers are "
                    + buffers.keySet());
        }
        return t;
    }

    protected final void setBuffer(String name, Tensor value) {
        buffer(name);
        buffers.put(name, value.detach());
    }

    /** Registers a child module; its parameters appear under {@code name.}. Returns the child. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name);
        children.put(name, module);
        return module;
    }

    private void checkNewName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": part names must be non-empty and without '.', got '"
                    + name + "'");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": '" + name + "' is registered twice");
        }
    }

    /** Direct children in registration order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Every parameter of the tree by dotted path, depth first in registration order. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collectParameters("", out);
        return out;
    }

    private void collectParameters(String prefix, Map<String, Parameter> out) {
        parameters.forEach((n, p) -> out.put(prefix + n, p));
        children.forEach((n, c) -> c.collectParameters(prefix + n + ".", out));
    }

    /** Every parameter of the tree, depth first in registration order. */
    public final List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Total number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.value().numel();
        }
        return n;
    }

    /** Parameters and buffers by dotted path: what a checkpoint stores. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectState("", out);
        return out;
    }

    private void collectState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((n, p) -> out.put(prefix + n, p.value()));
        buffers.forEach((n, b) -> out.put(prefix + n, b));
        children.forEach((n, c) -> c.collectState(prefix + n + ".", out));
    }

    /**
     * Loads every parameter and buffer from {@code state}. Strict: nothing is changed unless every
     * entry is present with the right shape and no entry is unexpected; otherwise the exception
     * lists every missing, unexpected and mis-shaped name.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> own = stateDict();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(own.keySet());
        missing.removeAll(state.keySet());
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(own.keySet());
        if (!missing.isEmpty()) {
            problems.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected " + unexpected);
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given != null && !Arrays.equals(given.shape(), e.getValue().shape())) {
                problems.add(e.getKey() + ": expected shape " + Arrays.toString(e.getValue().shape()) + " but was "
                        + Arrays.toString(given.shape()));
            }
        }
        if (!problems.isEmpty()) {
            throw new StateDictMismatchException(getClass().getSimpleName() + ".loadStateDict: " + String.join("; ", problems));
        }
        applyState("", state);
    }

    private void applyState(String prefix, Map<String, Tensor> state) {
        parameters.forEach((n, p) -> p.set(state.get(prefix + n).to(p.value().dtype())));
        buffers.replaceAll((n, b) -> state.get(prefix + n).to(b.dtype()).detach());
        children.forEach((n, c) -> c.applyState(prefix + n + ".", state));
    }

    /** Converts every floating parameter and buffer to {@code dtype} (e.g. float64 for gradient checks). Returns this. */
    public Module to(DType dtype) {
        parameters.values().forEach(p -> {
            if (p.value().dtype().isFloating()) {
                p.set(p.value().to(dtype));
            }
        });
        buffers.replaceAll((n, b) -> b.dtype().isFloating() ? b.to(dtype) : b);
        children.values().forEach(c -> c.to(dtype));
        return this;
    }

    /** Training mode (dropout active, batch statistics used and tracked). Returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode. Returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean value) {
        training = value;
        children.values().forEach(c -> c.setTraining(value));
    }

    public final boolean isTraining() {
        return training;
    }

    /** Clears the gradients of every parameter. */
    public final void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
