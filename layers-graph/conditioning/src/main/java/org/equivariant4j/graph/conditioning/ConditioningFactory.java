package org.equivariant4j.graph.conditioning;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.message.MessageLinear;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.nn.init.Initializer;

/**
 * A {@link LinearFactory} that puts {@link ModeConditionedLinear} pieces into the message functions of a
 * graph layer (EGNN, EMPCN, ...): every piece of the chosen roles that is offered attributes (or only
 * the first piece of each MLP) is conditioned in one {@link ConditioningMode}; every other piece is what
 * {@link LinearFactory#standard()} makes, so a piece this factory does not condition keeps the attributes the
 * standard factory would give it (e.g. the edge MLP's first piece concatenates them when only the
 * coordinate MLP is conditioned) instead of losing them. Pass it to a layer's {@code linearFactory(...)}.
 *
 * <pre>{@code
 * EgnnLayer.builder(e3, 64, 64, 64).edgeAttributes(2)
 *         .linearFactory(ConditioningFactory.of(ConditioningMode.STRONG)).rng(rng).build();
 * }</pre>
 */
public final class ConditioningFactory implements LinearFactory {
    private static final LinearFactory STANDARD = LinearFactory.standard();
    private final ConditioningMode mode;
    private final Set<LinearSlot.Role> roles;
    private final boolean everyLayer;
    private final int[] columns;

    private ConditioningFactory(ConditioningMode mode, Set<LinearSlot.Role> roles, boolean everyLayer, int[] columns) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.roles = roles.isEmpty() ? EnumSet.noneOf(LinearSlot.Role.class) : EnumSet.copyOf(roles);
        this.everyLayer = everyLayer;
        this.columns = columns == null ? null : columns.clone();
    }

    /** {@code mode} in every piece of the edge and node message functions (the paper's setting). */
    public static ConditioningFactory of(ConditioningMode mode) {
        return new ConditioningFactory(mode, EnumSet.of(LinearSlot.Role.EDGE, LinearSlot.Role.NODE), true, null);
    }

    /** {@code mode} in the pieces of {@code roles}; in every piece of their MLPs or only in the first. */
    public static ConditioningFactory of(ConditioningMode mode, Set<LinearSlot.Role> roles, boolean everyLayer) {
        return new ConditioningFactory(mode, roles, everyLayer, null);
    }

    /**
     * The same factory conditioning on the attribute columns {@code conditionOn} only; the other columns
     * are concatenated to the input of the conditioned pieces (e.g. condition on a charge product, concatenate
     * a squared distance whose scale would blow up a multiplicative conditioning).
     */
    public ConditioningFactory conditionOn(int... conditionOn) {
        return new ConditioningFactory(mode, roles, everyLayer, conditionOn);
    }

    public ConditioningMode mode() {
        return mode;
    }

    /** Whether the piece at {@code slot}, offered {@code attributes} columns, is conditioned. */
    public boolean conditions(LinearSlot slot, int attributes) {
        return attributes > 0 && roles.contains(slot.role()) && (everyLayer || slot.isFirst());
    }

    @Override
    public MessageLinear create(LinearSlot slot, int in, int out, int attributes, boolean bias, Initializer weightInit,
            Rng rng) {
        if (conditions(slot, attributes)) {
            return new ModeConditionedLinear(mode, in, out, attributes, columns, bias, weightInit, rng);
        }
        return STANDARD.create(slot, in, out, attributes, bias, weightInit, rng);
    }

    @Override
    public String toString() {
        return "ConditioningFactory(" + mode.name().toLowerCase(java.util.Locale.ROOT) + " in " + roles
                + (everyLayer ? ", every layer" : ", first layer")
                + (columns == null ? "" : ", on attribute columns " + java.util.Arrays.toString(columns)) + ")";
    }
}
