package org.equivariant4j.nn.equivariant;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The domain-independent view the blocks compute in. Every layout of {@link Domain} keeps the channels
 * on axis 1 ({@code [N, C]} vectors, {@code [P, C]} points, {@code [N, C, S...]} grids), so a block that
 * acts on channels only (at each position) works on all three; this class builds its output field and
 * broadcasts per-channel values.
 */
final class Fields {

    private Fields() {
    }

    /** {@code values} as a field of {@code type}, on the input's domain (keeping a point cloud's positions). */
    static GeometricTensor output(GeometricTensor input, Tensor values, FieldType type) {
        return input.type().domain() instanceof Domain.Points
                ? GeometricTensor.ofPoints(values, input.positions(), type)
                : GeometricTensor.of(values, type);
    }

    /** A per-channel vector {@code [C]} shaped to broadcast against a tensor of rank {@code rank}: {@code [1, C, 1...]}. */
    static Tensor perChannel(Tensor vector, int rank) {
        if (rank == 2) {
            return vector; // [C] already broadcasts against [N, C]
        }
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, 1);
        shape[1] = vector.size(0);
        return vector.reshape(shape);
    }

    /** The dimensions other than the channel axis: batch (or points) and space. */
    static int[] nonChannelDims(int rank) {
        int[] dims = new int[rank - 1];
        dims[0] = 0;
        for (int d = 2; d < rank; d++) {
            dims[d - 1] = d;
        }
        return dims;
    }

    /** Blocks that act per position keep the domain: refuse a pair of types on different domains. */
    static void requireSameDomain(String layer, FieldType in, FieldType out) {
        if (!in.domain().equals(out.domain())) {
            throw new FieldTypeMismatchException(layer + ": input type " + in + " and output type " + out
                    + " live on different domains (" + in.domain() + ", " + out.domain() + "); this layer mixes channels"
                    + " at each position and keeps the domain");
        }
    }
}
