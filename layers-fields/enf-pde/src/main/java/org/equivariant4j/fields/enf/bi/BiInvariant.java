package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * A bi-invariant of a group G acting on a domain: a function a(x, p) of a domain coordinate x and a latent's pose p
 * with a(g·x, g·p) = a(x, p) for every g in G. An equivariant neural field that sees (x, p) only through such a
 * function decodes a field that moves with its latents: moving every pose by g moves the decoded field by g.
 *
 * <p>Coordinates are {@code [B, Q, coordinateDim]} (B fields, Q query points each) and poses {@code [B, L, poseDim]}
 * (L latents per field); every method works on whole batches. Implementations are stateless values, found by id
 * through {@link BiInvariants} (contributed by a {@link BiInvariantProvider}). Their inputs are checked: a wrong
 * rank, a wrong last dimension, different batch sizes or dtypes are refused with an exception of
 * {@code org.equivariant4j.core.error} naming the method and the expected and actual shapes.
 *
 * <p>The test of every implementation: {@link #between}, {@link #squaredDistance} and {@link #betweenPoses} are
 * unchanged when x and every p move together by a {@link #sample sampled} motion (the absolute-position baseline is
 * the exception, by design), and {@link #globalVelocity} commutes with the motion.
 */
public interface BiInvariant {

    /** The registry id, e.g. {@code "se2"}. */
    String id();

    /** Numbers per domain coordinate x (2 on the plane and the torus, 3 on the sphere as unit vectors). */
    int coordinateDim();

    /** Numbers per pose p (e.g. 2 for a position, 3 for (x, y, θ)). */
    int poseDim();

    /** Components of a(x, p). */
    int dim();

    /** a(x, p) for every query and latent: {@code [B, Q, coordinateDim]} and {@code [B, L, poseDim]} give {@code [B, Q, L, dim]}. */
    Tensor between(Tensor coordinates, Tensor poses);

    /**
     * An invariant squared distance between x and the latent's position, {@code [B, Q, L]}, for the attention's
     * Gaussian window (logits minus d²/σ²). It behaves like the Euclidean squared distance near the latent.
     */
    Tensor squaredDistance(Tensor coordinates, Tensor poses);

    /** Components of a pose-pose bi-invariant. */
    int pairDim();

    /**
     * Bi-invariants of every ordered pair of poses, {@code [B, L, L, pairDim]}: entry (i, j) describes p_j as seen
     * from p_i (edge attributes of a message-passing network on the latents).
     */
    Tensor betweenPoses(Tensor poses);

    /** Numbers of a velocity expressed in a latent's own frame. */
    int tangentDim();

    /**
     * The time derivative of each pose, {@code [B, L, poseDim]}, for a velocity {@code [B, L, tangentDim]} expressed
     * in each latent's own frame. The local velocity is an invariant quantity (what a network of invariants can
     * predict); the result moves with the poses: for a motion g, {@code globalVelocity(g·p, u)} is the derivative of
     * {@code g·p(t)} where {@code p(t)} moves with {@code globalVelocity(p, u)}.
     */
    Tensor globalVelocity(Tensor poses, Tensor localVelocity);

    /** A random element of this bi-invariant's group (for the absolute-position baseline: a plane motion). */
    PoseMotion sample(Rng rng);

    /** {@code count} random coordinates of the domain, {@code [count, coordinateDim]}, for tests and initialisation. */
    Tensor sampleCoordinates(Rng rng, int count, DType dtype);

    /** {@code count} random poses spread over the domain, {@code [count, poseDim]}, for tests and initialisation. */
    Tensor samplePoses(Rng rng, int count, DType dtype);
}
