package org.equivariant4j.gconv.se3;

import java.util.Optional;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Instance normalisation of SE(3) fields: each field of each example is shifted and scaled to zero mean and
 * unit variance over all its positions and rotations, then given a learned scale and shift (one per field).
 * The statistics of a field are invariant when the volume is rotated (positions and rotations are only
 * permuted), so the layer is equivariant; unlike batch norm it has no running statistics, so training and
 * evaluation compute the same function — batch norm's running averages lagged far behind the fast-moving
 * statistics of separable group convolutions in our runs and broke evaluation.
 */
public final class FieldNorm extends EquivariantLayer {
    private static final double EPS = 1e-5;

    private final RotationGrid grid;
    private final int fields;
    private final Parameter weight;
    private final Parameter bias;

    public FieldNorm(RotationGrid grid, int fields) {
        super(grid.fieldType(fields), grid.fieldType(fields));
        this.grid = grid;
        this.fields = fields;
        this.weight = registerParameter("weight", Tensors.ones(fields));
        this.bias = registerParameter("bias", Tensors.zeros(fields));
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        int[] shape = x.shape();
        Tensor flat = x.reshape(shape[0], fields, -1);
        Tensor centred = flat.sub(flat.mean(2, true));
        Tensor std = centred.mul(centred).mean(2, true).add(EPS).sqrt();
        Tensor out = centred.div(std).mul(weight.value().reshape(1, fields, 1)).add(bias.value().reshape(1, fields, 1));
        return GeometricTensor.of(out.reshape(shape), outType());
    }

    /** Linear statistics commute with the interpolated action only approximately on a uniform grid. */
    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return Tolerances.of(grid);
    }

    @Override
    public String toString() {
        return "FieldNorm(" + fields + " fields on " + grid.name() + ")";
    }
}
