package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A nonlinearity on the norm of each field: every summand x of the field type is rescaled by a function of
 * its norm, keeping its direction. For an orthogonal representation |ρ(g) x| = |x|, so the scale is
 * invariant and the layer equivariant, for any orthogonal summand (irreps of any dimension, regular, ...).
 * Each field has a learnable bias b, initialised to zero:
 * <ul>
 *   <li>{@link Kind#RELU}: {@code relu(|x| + b) x / |x|} (starts as the identity; a negative b learns to
 *       zero out weak fields);</li>
 *   <li>{@link Kind#SIGMOID}: {@code sigmoid(|x| + b) x}.</li>
 * </ul>
 * |x| is computed as {@code sqrt(|x|² + 1e-12)} so a zero field has a finite gradient. Non-orthogonal
 * summands are refused at construction, naming them. Input and output types are the same.
 */
public final class NormNonlinearity extends EquivariantLayer {
    /** Guards the division by the norm and the gradient of sqrt at a zero field. */
    private static final double EPS = 1e-12;

    /** The function of the norm. */
    public enum Kind {
        /** {@code relu(|x| + b) x / |x|}. */
        RELU,
        /** {@code sigmoid(|x| + b) x}. */
        SIGMOID
    }

    private final Kind kind;
    private final FieldLayout layout;
    private final Parameter bias;
    /** [F, C]: 1 where channel c belongs to field f. Sums squares per field and spreads scales back. */
    private final double[] membership;

    /** A norm ReLU on every field of {@code type}. */
    public NormNonlinearity(FieldType type) {
        this(type, Kind.RELU);
    }

    /**
     * A norm nonlinearity of the given kind on every field of {@code type}.
     *
     * @throws FieldTypeMismatchException if a summand is not orthogonal
     */
    public NormNonlinearity(FieldType type, Kind kind) {
        super(type, type);
        this.kind = kind;
        this.layout = FieldLayout.of(type.representation());
        List<String> refused = new ArrayList<>();
        for (Representation field : layout.types()) {
            if (!field.isOrthogonal()) {
                refused.add(field.toString());
            }
        }
        if (!refused.isEmpty()) {
            throw new FieldTypeMismatchException("NormNonlinearity: the field type " + type + " has the non-orthogonal summand(s) "
                    + String.join(", ", refused) + ", whose matrices do not preserve the norm, so a function of the norm"
                    + " is not invariant. Use GatedNonlinearity, or an orthogonal change of basis of the representation");
        }
        int f = layout.fieldCount();
        int c = layout.channels();
        this.membership = new double[f * c];
        for (int field = 0; field < f; field++) {
            for (int k = 0; k < layout.fields().get(field).dimension(); k++) {
                membership[field * c + layout.offset(field) + k] = 1.0;
            }
        }
        this.bias = registerParameter("bias", Tensors.zeros(f));
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        int[] s = x.shape();
        int f = layout.fieldCount();
        int c = layout.channels();
        Tensor members = Tensors.of(membership, x.dtype(), f, c);
        Tensor flat = x.reshape(s[0], c, -1);
        // Per-field squared norms [N, F, S] by one matmul with the membership matrix.
        Tensor norms = members.matmul(flat.mul(flat)).add(EPS).sqrt();
        Tensor b = bias.value().reshape(1, f, 1);
        Tensor scale = kind == Kind.RELU ? norms.add(b).relu().div(norms) : norms.add(b).sigmoid();
        // Back to channels: [C, F] @ [N, F, S] -> [N, C, S].
        Tensor perChannel = members.transpose(0, 1).matmul(scale);
        return Fields.output(input, flat.mul(perChannel).reshape(s), outType());
    }

    /** {@code "NormNonlinearity(RELU on 2x irrep(1))"}. */
    @Override
    public String toString() {
        return "NormNonlinearity(" + kind + " on " + inType().representation().name() + ")";
    }
}
