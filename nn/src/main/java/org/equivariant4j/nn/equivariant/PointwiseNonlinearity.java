package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Tensor;

/**
 * An elementwise function (ReLU, ELU, ...) applied to every channel. It is equivariant exactly when every
 * ρ(g) is a permutation matrix ({@link Representation#supportsPointwise()}: trivial, regular and quotient
 * representations and their sums), because then applying the function and permuting the channels
 * commute. Any other field type is refused at construction, naming the offending summand and the block to
 * use instead: {@link NormNonlinearity} for orthogonal summands, {@link GatedNonlinearity} for any.
 * Input and output types are the same.
 */
public final class PointwiseNonlinearity extends EquivariantLayer {
    private final String function;
    private final UnaryOperator<Tensor> operator;

    /**
     * Applies {@code operator} to every entry; {@code function} names it in {@link #toString()} and errors.
     * The operator must act entry by entry (no mixing across entries), or the layer is not equivariant.
     *
     * @throws FieldTypeMismatchException if some summand of the type is not a permutation representation
     */
    public PointwiseNonlinearity(FieldType type, String function, UnaryOperator<Tensor> operator) {
        super(type, type);
        this.function = Objects.requireNonNull(function, "function");
        this.operator = Objects.requireNonNull(operator, "operator");
        requirePointwise(type, "PointwiseNonlinearity(" + function + ")");
    }

    /** ReLU on every channel. */
    public static PointwiseNonlinearity relu(FieldType type) {
        return new PointwiseNonlinearity(type, "relu", Tensor::relu);
    }

    /** ELU with alpha 1 on every channel. */
    public static PointwiseNonlinearity elu(FieldType type) {
        return elu(type, 1.0);
    }

    /** ELU with the given alpha on every channel. */
    public static PointwiseNonlinearity elu(FieldType type, double alpha) {
        return new PointwiseNonlinearity(type, "elu(" + alpha + ")", t -> t.elu(alpha));
    }

    /** Leaky ReLU with the given negative slope on every channel. */
    public static PointwiseNonlinearity leakyRelu(FieldType type, double slope) {
        return new PointwiseNonlinearity(type, "leakyRelu(" + slope + ")", t -> t.leakyRelu(slope));
    }

    /** tanh on every channel. */
    public static PointwiseNonlinearity tanh(FieldType type) {
        return new PointwiseNonlinearity(type, "tanh", Tensor::tanh);
    }

    /** GELU on every channel. */
    public static PointwiseNonlinearity gelu(FieldType type) {
        return new PointwiseNonlinearity(type, "gelu", Tensor::gelu);
    }

    /**
     * Refuses a field type with a summand whose matrices are not permutations, naming the summand, why, and
     * the nonlinearity that works for it. Shared by the blocks that act entry by entry.
     */
    static void requirePointwise(FieldType type, String layer) {
        List<Representation> refused = new ArrayList<>();
        for (Representation field : FieldLayout.fieldsOf(type.representation())) {
            if (!field.supportsPointwise() && !refused.contains(field)) {
                refused.add(field);
            }
        }
        if (refused.isEmpty()) {
            return;
        }
        Representation first = refused.get(0);
        boolean orthogonal = refused.stream().allMatch(Representation::isOrthogonal);
        String names = String.join(", ", refused.stream().map(Representation::toString).toList());
        throw new FieldTypeMismatchException(layer + ": the field type " + type + " has the summand" + (refused.size() > 1 ? "s " : " ")
                + names + ", whose matrices are not permutations (supportsPointwise() is false), so a function applied"
                + " channel by channel would not commute with the group. Use "
                + (orthogonal ? "NormNonlinearity (it acts on each summand's norm, which " + first.name()
                        + " preserves) or GatedNonlinearity (sigmoid gates from extra trivial fields)"
                        : "GatedNonlinearity (sigmoid gates from extra trivial fields; " + first.name()
                        + " is not orthogonal, so NormNonlinearity does not apply)")
                + ", or map to regular fields first with EquivariantLinear");
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        return Fields.output(input, operator.apply(input.tensor()), outType());
    }

    /** {@code "PointwiseNonlinearity(relu on 4x regular)"}. */
    @Override
    public String toString() {
        return "PointwiseNonlinearity(" + function + " on " + inType().representation().name() + ")";
    }
}
