package org.equivariant4j.gconv.se3.data;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.FiniteRotationGroup;

/**
 * The 24 rotations of the cube acting on {@code s³} volumes, read off the framework's own grid action
 * ({@link GeometricTensor#transform}), so augmenting data here and the layers' equivariance agree by
 * construction. Rotating a batch by a random rotation per example is ONE gather.
 */
public final class CubeRotations {
    private final int size;
    private final long[][] source;

    public CubeRotations(int size) {
        this.size = size;
        FiniteRotationGroup o = FiniteRotationGroup.octahedral();
        List<GroupElement> elements = o.elements();
        int voxels = size * size * size;
        double[] index = new double[voxels];
        Arrays.setAll(index, i -> i);
        FieldType type = FieldType.of(Domain.grid(3), Representation.trivial(o));
        GeometricTensor indices = GeometricTensor.of(Tensors.of(index, DType.FLOAT64, 1, 1, size, size, size), type);
        source = new long[elements.size()][];
        for (int k = 0; k < elements.size(); k++) {
            source[k] = indices.transform(elements.get(k)).tensor().toLongArray();
        }
    }

    public int size() {
        return size;
    }

    /** Each volume of {@code [N, C, s, s, s]} turned by its own uniformly drawn cube rotation. */
    public Tensor rotateEachRandomly(Tensor volumes, Rng rng) {
        int n = volumes.size(0);
        int c = volumes.size(1);
        int voxels = size * size * size;
        long[] idx = new long[n * c * voxels];
        for (int e = 0; e < n; e++) {
            long[] s = source[rng.nextInt(source.length)];
            for (int ch = 0; ch < c; ch++) {
                System.arraycopy(s, 0, idx, (e * c + ch) * voxels, voxels);
            }
        }
        Tensor flat = volumes.reshape(n * c, voxels);
        return flat.gather(1, Tensors.of(idx, n * c, voxels)).reshape(volumes.shape());
    }
}
