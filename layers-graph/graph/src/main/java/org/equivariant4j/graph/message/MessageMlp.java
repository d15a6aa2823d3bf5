package org.equivariant4j.graph.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.init.Initializer;

/**
 * An MLP of {@link MessageLinear} pieces made by a {@link LinearFactory}, an activation between them
 * (and after the last one if asked): a message function that can be conditioned on per-row attributes.
 */
public final class MessageMlp extends Module {
    private final List<MessageLinear> layers = new ArrayList<>();
    private final List<UnaryModule> activations = new ArrayList<>();
    private final int[] widths;
    private final int attributes;

    private MessageMlp(Builder b) {
        this.widths = b.widths.clone();
        this.attributes = b.attributes;
        int depth = widths.length - 1;
        for (int i = 0; i < depth; i++) {
            boolean last = i == depth - 1;
            MessageLinear piece = b.factory.create(new LinearSlot(b.role, i, depth), widths[i], widths[i + 1],
                    b.attributes, !last || b.lastBias, last ? b.lastInit : null, b.rng);
            if (piece.inFeatures() != widths[i] || piece.outFeatures() != widths[i + 1]) {
                throw new IllegalStateException("MessageMlp: the factory made " + piece + " for " + widths[i] + " -> "
                        + widths[i + 1]);
            }
            layers.add(registerModule("linear" + i, piece));
            if (!last || b.activateLast) {
                activations.add(registerModule("act" + i, b.activation.get()));
            }
        }
    }

    /** An MLP through {@code widths[0] -> ... -> widths[last]} for {@code role}, pieces made by {@code factory}. */
    public static Builder builder(LinearSlot.Role role, LinearFactory factory, int... widths) {
        return new Builder(role, factory, widths);
    }

    public int inFeatures() {
        return widths[0];
    }

    public int outFeatures() {
        return widths[widths.length - 1];
    }

    /** The pieces, in order. */
    public List<MessageLinear> pieces() {
        return List.copyOf(layers);
    }

    /** {@code input [rows, widths[0]]}, attributes {@code [rows, A]} or null when built without attributes. */
    public Tensor forward(Tensor input, Tensor attributeRows) {
        if (input.rank() != 2 || input.size(1) != widths[0]) {
            throw new ShapeMismatchException(this + ": expected input [rows, " + widths[0] + "] but was "
                    + Arrays.toString(input.shape()));
        }
        return run(0, input, attributeRows);
    }

    /**
     * The rest of the MLP after its first {@code done} pieces: {@code output} is what piece
     * {@code done - 1} computed (before its activation). For layers that compute the first pieces in a
     * cheaper but equivalent way (e.g. per node instead of per edge).
     */
    public Tensor resume(int done, Tensor output, Tensor attributeRows) {
        if (done < 1 || done > layers.size()) {
            throw new InvalidArgumentException(this + ": can resume after 1.." + layers.size() + " pieces, not " + done);
        }
        Tensor h = done - 1 < activations.size() ? activations.get(done - 1).forward(output) : output;
        return run(done, h, attributeRows);
    }

    private Tensor run(int from, Tensor input, Tensor attributeRows) {
        Tensor h = input;
        for (int i = from; i < layers.size(); i++) {
            MessageLinear piece = layers.get(i);
            Tensor attributes = piece.attributes() == 0 ? null : attributeRows;
            // A piece and its activation in one call: fused into one op where the piece is an nn Linear.
            h = i < activations.size() ? piece.forwardThen(h, attributes, activations.get(i)) : piece.forward(h, attributes);
        }
        return h;
    }

    @Override
    public String toString() {
        return "MessageMlp" + Arrays.toString(widths) + (attributes > 0 ? " (+" + attributes + " attributes)" : "");
    }

    /** Builds a {@link MessageMlp}; an Rng and an activation are required. */
    public static final class Builder {
        private final LinearSlot.Role role;
        private final LinearFactory factory;
        private final int[] widths;
        private int attributes;
        private Supplier<? extends UnaryModule> activation;
        private boolean activateLast;
        private boolean lastBias = true;
        private Initializer lastInit;
        private Rng rng;

        private Builder(LinearSlot.Role role, LinearFactory factory, int[] widths) {
            if (widths.length < 2) {
                throw new InvalidArgumentException("MessageMlp: needs at least an input and an output width, got "
                        + Arrays.toString(widths));
            }
            this.role = Objects.requireNonNull(role, "role");
            this.factory = Objects.requireNonNull(factory, "factory");
            this.widths = widths.clone();
        }

        /** Attribute columns offered to every piece (the factory decides which use them). */
        public Builder attributes(int value) {
            this.attributes = value;
            return this;
        }

        public Builder activation(Supplier<? extends UnaryModule> value) {
            this.activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        /** Apply the activation after the last piece too (EGNN's edge MLP does). */
        public Builder activateLast(boolean value) {
            this.activateLast = value;
            return this;
        }

        /** Whether the last piece has a bias (default true). */
        public Builder lastBias(boolean value) {
            this.lastBias = value;
            return this;
        }

        /** Initialiser requested for the last piece's weight (e.g. a tiny Xavier gain for coordinate weights). */
        public Builder lastInit(Initializer value) {
            this.lastInit = value;
            return this;
        }

        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public MessageMlp build() {
            Objects.requireNonNull(rng, "MessageMlp: an Rng is required");
            Objects.requireNonNull(activation, "MessageMlp: an activation is required");
            return new MessageMlp(this);
        }
    }
}
