package org.equivariant4j.fields.latentforce.model;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Local canonical frames of 2D particles from their velocities (LoCS, Kofinas et al. 2021): particle i's first axis
 * points along its velocity, the second is the first turned by +90°. A vector expressed in these axes is invariant
 * under rotations and translations of the whole system, and a vector given in them is turned back into global
 * coordinates by the same axes, so a network that reads and writes local coordinates is rotation-equivariant.
 *
 * <p><b>Zero velocity.</b> The direction of a zero velocity is undefined, and {@code v / |v|} is 0/0 there. The rule
 * here: the axes are {@code e1 = v / sqrt(|v|² + ε²)} and {@code e2 = R(90°) e1}, i.e. the LoCS axes scaled by
 * {@code |v| / sqrt(|v|² + ε²)}. For speeds well above ε (10⁻³; the systems' speeds are of order 0.1-1) that factor
 * is 1 to within {@code ε² / (2|v|²)}; as the speed goes to zero the axes shrink smoothly to zero, so a particle at
 * rest sees its neighbours at local coordinates 0 and anything given in its frame maps back to the zero vector. The
 * map stays a smooth function of the velocity (finite values and gradients everywhere) and exactly equivariant,
 * since the scale is itself invariant; what it gives up is information: a particle at rest receives no
 * frame-dependent output (its interaction acceleration is zero), where a frame from some other vector would be an
 * arbitrary choice that breaks the symmetry. In 3D one vector does not fix a frame (the roll about it is free);
 * these frames are 2D only.
 */
public final class LocalFrames {
    /** The speed below which the axes shrink (see the class comment). */
    public static final double EPSILON = 1e-3;

    private final Tensor first;
    private final Tensor second;

    private LocalFrames(Tensor first, Tensor second) {
        this.first = first;
        this.second = second;
    }

    /** The frames of particles with velocities {@code [N, 2]}. */
    public static LocalFrames of(Tensor velocities) {
        if (velocities.rank() != 2 || velocities.size(1) != 2) {
            throw new ShapeMismatchException("LocalFrames: expected velocities [N, 2] (the frames are 2D only), got "
                    + Arrays.toString(velocities.shape()));
        }
        Tensor first = velocities.mul(velocities.mul(velocities).sum(1, true).add(EPSILON * EPSILON).pow(-0.5));
        Tensor second = Tensors.concat(1, first.narrow(1, 1, 1).neg(), first.narrow(1, 0, 1));
        return new LocalFrames(first, second);
    }

    /** The frames of the rows {@code index} (e.g. each edge's receiver). */
    public LocalFrames select(Tensor index) {
        return new LocalFrames(first.indexSelect(0, index), second.indexSelect(0, index));
    }

    /** Vectors {@code [N, 2]} in global coordinates, row i expressed in frame i: {@code [w·e1, w·e2]}. */
    public Tensor toLocal(Tensor vectors) {
        requireRows(vectors);
        return Tensors.concat(1, vectors.mul(first).sum(1, true), vectors.mul(second).sum(1, true));
    }

    /** Local coordinates {@code [N, 2]} given in frame i, back in global coordinates: {@code l0 e1 + l1 e2}. */
    public Tensor toGlobal(Tensor local) {
        requireRows(local);
        return first.mul(local.narrow(1, 0, 1)).add(second.mul(local.narrow(1, 1, 1)));
    }

    private void requireRows(Tensor t) {
        if (t.rank() != 2 || t.size(1) != 2 || t.size(0) != first.size(0)) {
            throw new ShapeMismatchException("LocalFrames: expected [" + first.size(0) + ", 2] vectors for as many frames, got "
                    + Arrays.toString(t.shape()));
        }
    }
}
