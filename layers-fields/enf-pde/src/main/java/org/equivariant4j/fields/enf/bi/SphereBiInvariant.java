package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.SO3;

/**
 * Rotations of the sphere S². Coordinates are unit vectors. A pose is a whole frame, not only a point: two vectors
 * (a, b) ({@code [..., 6]}), made orthonormal by Gram–Schmidt into e1 = a/|a|, e2 (b without its e1 part, normalised)
 * and e3 = e1 × e2. The latent sits at e1 and e2 orients it. This choice (rather than a point on the sphere, which
 * would leave only the geodesic distance) gives the field the position of x in the latent's frame,
 * a(x, p) = (e1·x, e2·x, e3·x): distance from the latent (e1·x is the cosine of the geodesic distance) and bearing
 * around it, the spherical analogue of SE(2)'s relative position. Two vectors instead of a rotation matrix keep every
 * pose valid under unconstrained gradient steps (any non-parallel pair defines a frame, and rotating the pair rotates
 * the frame), so fitting needs no projection back to SO(3).
 *
 * <p>The window uses the chordal squared distance |x − e1|² (2 − 2 cos of the geodesic distance for unit x), smooth
 * everywhere, unlike the arc-cosine. Pairs give the relative rotation R_iᵀR_j (nine numbers). A local velocity is an
 * angular velocity ω in the latent's frame: the frame turns about Ω = ω1 e1 + ω2 e2 + ω3 e3, so da/dt = Ω × a and
 * db/dt = Ω × b.
 */
public final class SphereBiInvariant extends AbstractBiInvariant {

    public SphereBiInvariant() {
        super("sphere", 3, 6, 3, 9, 3);
    }

    /** The orthonormal frames of poses {@code [B, L, 6]} as {@code [B, L, 3, 3]}, rows e1, e2, e3. */
    public static Tensor frames(Tensor poses) {
        Tensor a = poses.narrow(-1, 0, 3);
        Tensor b = poses.narrow(-1, 3, 3);
        Tensor e1 = a.div(a.norm(-1, true));
        Tensor orthogonal = b.sub(e1.mul(e1.mul(b).sum(-1, true)));
        Tensor e2 = orthogonal.div(orthogonal.norm(-1, true));
        return Tensors.stack(-2, e1, e2, cross(e1, e2));
    }

    @Override
    protected Tensor computeBetween(Tensor coordinates, Tensor poses) {
        int batch = poses.size(0);
        int latents = poses.size(1);
        Tensor rows = frames(poses).reshape(batch, latents * 3, 3);
        Tensor projections = rows.matmul(coordinates.transpose(1, 2));           // [B, 3L, Q]
        return projections.reshape(batch, latents, 3, coordinates.size(1)).permute(0, 3, 1, 2);
    }

    @Override
    protected Tensor computeSquaredDistance(Tensor coordinates, Tensor poses) {
        Tensor cosine = component(computeBetween(coordinates, poses), 0);        // e1·x, [B, Q, L]
        return coordinates.pow(2).sum(-1, true).add(1).sub(cosine.mul(2));
    }

    @Override
    protected Tensor computeBetweenPoses(Tensor poses) {
        int batch = poses.size(0);
        int latents = poses.size(1);
        Tensor rows = frames(poses).reshape(batch, latents * 3, 3);
        Tensor products = rows.matmul(rows.transpose(1, 2));                      // [B, 3L, 3L]
        return products.reshape(batch, latents, 3, latents, 3).permute(0, 1, 3, 2, 4).reshape(batch, latents, latents, 9);
    }

    @Override
    protected Tensor computeGlobalVelocity(Tensor poses, Tensor localVelocity) {
        Tensor omega = localVelocity.unsqueeze(2).matmul(frames(poses)).squeeze(2);   // Σ ω_k e_k, [B, L, 3]
        return Tensors.concat(-1, cross(omega, poses.narrow(-1, 0, 3)), cross(omega, poses.narrow(-1, 3, 3)));
    }

    private static Tensor cross(Tensor u, Tensor v) {
        Tensor u0 = component(u, 0);
        Tensor u1 = component(u, 1);
        Tensor u2 = component(u, 2);
        Tensor v0 = component(v, 0);
        Tensor v1 = component(v, 1);
        Tensor v2 = component(v, 2);
        return Tensors.stack(-1, u1.mul(v2).sub(u2.mul(v1)), u2.mul(v0).sub(u0.mul(v2)), u0.mul(v1).sub(u1.mul(v0)));
    }

    @Override
    public PoseMotion sample(Rng rng) {
        return SphereRotation.sample(rng);
    }

    @Override
    public Tensor sampleCoordinates(Rng rng, int count, DType dtype) {
        Tensor g = Tensors.randn(rng, DType.FLOAT64, count, 3);
        return g.div(g.norm(-1, true)).to(dtype);
    }

    /** Haar-random frames: the first two columns of uniformly random rotations. */
    @Override
    public Tensor samplePoses(Rng rng, int count, DType dtype) {
        double[] values = new double[count * 6];
        for (int i = 0; i < count; i++) {
            var r = SO3.group().sample(rng).matrix();
            for (int k = 0; k < 3; k++) {
                values[6 * i + k] = r.get(k, 0);
                values[6 * i + 3 + k] = r.get(k, 1);
            }
        }
        return Tensors.of(values, dtype, count, 6);
    }
}
