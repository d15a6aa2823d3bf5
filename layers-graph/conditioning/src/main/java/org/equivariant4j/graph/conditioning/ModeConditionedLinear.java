package org.equivariant4j.graph.conditioning;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.message.MessageLinear;
import org.equivariant4j.nn.init.Initializer;
import org.equivariant4j.nn.layer.Linear;

/**
 * A {@link MessageLinear} (the graph module's contract for a linear piece of a message function)
 * conditioned on per-row attributes in one of the three {@link ConditioningMode}s, which its name says:
 * unlike the graph module's plain {@link org.equivariant4j.graph.message.AttributeConcatLinear}, which
 * only concatenates attributes, it can let them gate (strong) or select (pure) the map. Each mode is one or two dense matrix products over all rows:
 * <ul>
 *   <li>weak: {@code W [x, a] + b};</li>
 *   <li>strong: {@code (W x + b) ⊙ (U a + c)};</li>
 *   <li>pure: {@code W (x ⊗ a) + b}, the outer product flattened to {@code [rows, in·A]}, which is the
 *       bilinear form {@code x^T W_k a} of every output channel k.</li>
 * </ul>
 * Optionally only some attribute columns condition ({@code conditionOn}); the others are concatenated to
 * the input, so {@code x} above is then {@code [x, a_rest]} and {@code a} is {@code a_cond}: an attribute of
 * unbounded scale (a squared distance) can enter additively while a well-scaled one (a charge product)
 * gates or selects the map. Initialised like PyTorch's linear layers over each product's fan-in; a requested
 * weight initialiser applies to {@code W}. With invariant attributes (charges, distances, cell volumes) the piece maps
 * invariant inputs to invariant outputs, so it keeps a message function's equivariance.
 */
public final class ModeConditionedLinear extends MessageLinear {
    private final ConditioningMode mode;
    private final Linear main;
    private final Linear gate;
    private final int[] conditioned;
    private final int[] concatenated;
    private final Tensor conditionedIndex;
    private final Tensor concatenatedIndex;

    /** A piece {@code in -> out} conditioned on all of its {@code attributes} (at least 1) columns. */
    public ModeConditionedLinear(ConditioningMode mode, int in, int out, int attributes, boolean bias, Initializer weightInit,
            Rng rng) {
        this(mode, in, out, attributes, null, bias, weightInit, rng);
    }

    /**
     * A piece {@code in -> out} offered {@code attributes} columns, conditioned on the columns
     * {@code conditionOn} (null: all) and taking the others concatenated to its input.
     */
    public ModeConditionedLinear(ConditioningMode mode, int in, int out, int attributes, int[] conditionOn, boolean bias,
            Initializer weightInit, Rng rng) {
        super(in, out, attributes);
        this.mode = Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rng, "ModeConditionedLinear: an Rng is required");
        if (attributes < 1) {
            throw new InvalidArgumentException("ModeConditionedLinear(" + mode + "): needs at least one attribute column, got "
                    + attributes);
        }
        this.conditioned = conditionOn == null ? java.util.stream.IntStream.range(0, attributes).toArray()
                : conditionOn.clone();
        boolean[] used = new boolean[attributes];
        for (int c : conditioned) {
            if (c < 0 || c >= attributes || used[c]) {
                throw new InvalidArgumentException("ModeConditionedLinear(" + mode + "): conditioning columns "
                        + Arrays.toString(conditionOn) + " must be distinct columns of the " + attributes + " attributes");
            }
            used[c] = true;
        }
        if (conditioned.length == 0) {
            throw new InvalidArgumentException("ModeConditionedLinear(" + mode + "): needs at least one conditioning column");
        }
        this.concatenated = java.util.stream.IntStream.range(0, attributes).filter(c -> !used[c]).toArray();
        this.conditionedIndex = conditioned.length == attributes ? null : Tensors.of(conditioned, conditioned.length);
        this.concatenatedIndex = concatenated.length == 0 ? null : Tensors.of(concatenated, concatenated.length);
        int width = in + concatenated.length;
        int cond = conditioned.length;
        int fanIn = switch (mode) {
            case WEAK -> width + cond;
            case STRONG -> width;
            case PURE -> width * cond;
        };
        Linear.Builder b = Linear.builder(fanIn, out).bias(bias).rng(rng);
        if (weightInit != null) {
            b.weightInit(weightInit);
        }
        this.main = registerModule("linear", b.build());
        this.gate = mode == ConditioningMode.STRONG
                ? registerModule("gate", Linear.builder(cond, out).rng(rng).build())
                : null;
    }

    public ConditioningMode mode() {
        return mode;
    }

    /** The attribute columns that condition (the others are concatenated to the input). */
    public int[] conditionedColumns() {
        return conditioned.clone();
    }

    @Override
    public Tensor forward(Tensor input, Tensor attributes) {
        if (input.rank() != 2 || input.size(1) != inFeatures()) {
            throw new ShapeMismatchException(this + ": expected input [rows, " + inFeatures() + "] but was "
                    + Arrays.toString(input.shape()));
        }
        if (attributes == null || attributes.rank() != 2 || attributes.size(1) != attributes()
                || attributes.size(0) != input.size(0)) {
            throw new ShapeMismatchException(this + ": expected attributes [" + input.size(0) + ", " + attributes() + "] but was "
                    + (attributes == null ? "null" : Arrays.toString(attributes.shape())));
        }
        Tensor x = concatenatedIndex == null ? input : Tensors.concat(1, input, attributes.indexSelect(1, concatenatedIndex));
        Tensor a = conditionedIndex == null ? attributes : attributes.indexSelect(1, conditionedIndex);
        return switch (mode) {
            case WEAK -> main.forward(Tensors.concat(1, x, a));
            case STRONG -> main.forward(x).mul(gate.forward(a));
            case PURE -> main.forward(x.unsqueeze(2).mul(a.unsqueeze(1)).reshape(x.size(0), x.size(1) * a.size(1)));
        };
    }

    @Override
    public String toString() {
        return "ModeConditionedLinear(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + inFeatures() + " | "
                + attributes() + " attributes" + (concatenated.length == 0 ? "" : ", conditioned on " + Arrays.toString(conditioned))
                + " -> " + outFeatures() + ")";
    }
}
