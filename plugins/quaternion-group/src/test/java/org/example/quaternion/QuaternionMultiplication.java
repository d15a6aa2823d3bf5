package org.example.quaternion;

import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A custom layer for Q8, written by a third party: features in the irrep H ≅ R^4 multiplied by a learnable
 * quaternion w. Q8 acts on H by left multiplication, x ↦ q x, so multiplying on the <b>right</b>,
 * x ↦ x w, is equivariant by associativity alone: (q x) w = q (x w). These maps form the 4-dimensional
 * End(H) of a quaternionic irrep (see the README), where an irrep of real type would allow only scalars.
 * Multiplying on the <b>left</b>, x ↦ w x, is not equivariant (w q x ≠ q w x, Q8 is not commutative): the
 * tutorial's negative control.
 */
final class QuaternionMultiplication extends EquivariantLayer {
    /** Which side w multiplies the features from. */
    enum Side { LEFT, RIGHT }

    private static final Representation H = QuaternionGroup.Q8.irrep("H");
    private static final FieldType TYPE = FieldType.of(Domain.vectors(), H);
    private static final List<String> UNITS = List.of("1", "i", "j", "k");

    private final Side side;
    /** [4, 16]: row k is the 4 x 4 matrix (row-major) of multiplying by the unit e_k on {@code side}. */
    private final Tensor units;
    private final Parameter w;

    QuaternionMultiplication(Side side, long seed) {
        super(TYPE, TYPE);
        this.side = side;
        double[] m = new double[4 * 16];
        for (int k = 0; k < 4; k++) {
            for (int c = 0; c < 4; c++) {
                // H's matrix of e_a has column b = e_a e_b, so column c of "times e_k" is read off either matrix.
                var byUnit = H.matrix(QuaternionGroup.Q8.element(UNITS.get(side == Side.LEFT ? k : c), false));
                for (int row = 0; row < 4; row++) {
                    m[k * 16 + row * 4 + c] = byUnit.get(row, side == Side.LEFT ? c : k);
                }
            }
        }
        this.units = Tensors.of(m, DType.FLOAT64, 4, 16);
        this.w = registerParameter("w", Tensors.randn(new Rng(seed), 4));
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor(); // [N, 4]
        // The matrix of multiplying by w = Σ_k w_k e_k, built from the parameter so that gradients reach w.
        Tensor times = w.value().reshape(1, 4).matmul(units.to(x.dtype())).reshape(4, 4);
        return input.withTensor(x.matmul(times.transpose(0, 1)));
    }

    @Override
    public String toString() {
        return "QuaternionMultiplication(" + side + ", H -> H)";
    }
}
