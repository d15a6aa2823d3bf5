package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Rigid motions of the plane, SE(2), with oriented latents (PONITA-style bi-invariants): a pose is (x, y, θ) and
 * a(x, p) = R(−θ)(x − p_xy), where x lies in the latent's own frame. That is all SE(2) leaves of a point and an oriented
 * pose (two numbers: distance and bearing), so it is the complete invariant. Pairs give p_j in the frame of p_i:
 * R(−θ_i)(p_j − p_i) and the relative orientation as (cos, sin)(θ_j − θ_i). A local velocity (u, v, ω) is a
 * velocity (u, v) in the latent's frame and an angular speed ω: dp/dt = (R(θ)(u, v), ω).
 */
public final class Se2BiInvariant extends PlanarBiInvariant {

    public Se2BiInvariant() {
        super("se2", 3, 2, 4, 3);
    }

    @Override
    protected Tensor computeBetween(Tensor coordinates, Tensor poses) {
        Tensor d = differences(coordinates, positions(poses));
        Tensor theta = component(poses, 2).unsqueeze(1);
        return rotateBack(d, theta.cos(), theta.sin());
    }

    @Override
    protected Tensor computeBetweenPoses(Tensor poses) {
        // Entry (i, j): p_j − p_i, seen from p_i (θ_i varies along dimension 1).
        Tensor d = differences(positions(poses), positions(poses)).neg();
        Tensor theta = component(poses, 2);
        Tensor thetaI = theta.unsqueeze(2);
        Tensor relative = theta.unsqueeze(1).sub(thetaI);
        Tensor inFrame = rotateBack(d, thetaI.cos(), thetaI.sin());
        return Tensors.concat(-1, inFrame, Tensors.stack(-1, relative.cos(), relative.sin()));
    }

    @Override
    protected Tensor computeGlobalVelocity(Tensor poses, Tensor localVelocity) {
        Tensor theta = component(poses, 2);
        Tensor c = theta.cos();
        Tensor s = theta.sin();
        Tensor u = component(localVelocity, 0);
        Tensor v = component(localVelocity, 1);
        return Tensors.stack(-1, c.mul(u).sub(s.mul(v)), s.mul(u).add(c.mul(v)), component(localVelocity, 2));
    }

    /** R(−θ) d for vectors {@code d [..., 2]} and the cosine and sine of θ broadcast to {@code d}'s leading shape. */
    private static Tensor rotateBack(Tensor d, Tensor cos, Tensor sin) {
        Tensor dx = component(d, 0);
        Tensor dy = component(d, 1);
        return Tensors.stack(-1, cos.mul(dx).add(sin.mul(dy)), cos.mul(dy).sub(sin.mul(dx)));
    }

    @Override
    public PoseMotion sample(Rng rng) {
        return PlaneMotion.sampleRigid(rng);
    }

    @Override
    public Tensor samplePoses(Rng rng, int count, DType dtype) {
        Tensor positions = sampleCoordinates(rng, count, dtype);
        return Tensors.concat(-1, positions, Tensors.uniform(rng, -Math.PI, Math.PI, dtype, count, 1));
    }
}
