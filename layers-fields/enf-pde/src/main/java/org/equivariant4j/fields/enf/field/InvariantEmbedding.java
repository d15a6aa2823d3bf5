package org.equivariant4j.fields.enf.field;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.layer.RandomFourierFeatures;

/**
 * Embeds bi-invariants {@code [..., in]} into {@code [..., out]} features: a fixed lift (random Fourier features or
 * monomials, see {@link EmbeddingKind}) followed by a two-layer MLP (hidden width, ReLU). Applied to a(x, p) it stays
 * a function of the bi-invariant only, so everything built on it keeps the invariance.
 */
public final class InvariantEmbedding extends UnaryModule {
    private final int inFeatures;
    private final UnaryModule lift;
    private final int liftWidth;
    private final MLP mlp;

    /**
     * @param kind   the lift
     * @param in     numbers per bi-invariant
     * @param hidden width of the lift (Fourier: {@code hidden / 2} frequencies, so {@code hidden} must be even) and of
     *               the MLP's hidden layer
     * @param out    output width
     * @param scale  Fourier: std of the frequencies (per unit of the bi-invariant); polynomial: the degree (an integer)
     */
    public InvariantEmbedding(EmbeddingKind kind, int in, int hidden, int out, double scale, Rng rng) {
        if (in <= 0 || hidden <= 0 || out <= 0) {
            throw new InvalidArgumentException("InvariantEmbedding: sizes must be positive, got in " + in + ", hidden "
                    + hidden + ", out " + out);
        }
        this.inFeatures = in;
        switch (kind) {
            case FOURIER -> {
                if (hidden % 2 != 0) {
                    throw new InvalidArgumentException("InvariantEmbedding: a Fourier lift needs an even hidden width"
                            + " (cos and sin of hidden/2 frequencies), got " + hidden);
                }
                RandomFourierFeatures fourier = new RandomFourierFeatures(in, hidden / 2, scale, rng);
                this.liftWidth = fourier.outFeatures();
                this.lift = registerModule("lift", fourier);
            }
            case POLYNOMIAL -> {
                if (scale < 1 || scale != Math.rint(scale)) {
                    throw new InvalidArgumentException("InvariantEmbedding: a polynomial lift needs an integer degree"
                            + " >= 1 as its scale, got " + scale);
                }
                PolynomialFeatures polynomial = new PolynomialFeatures(in, (int) scale);
                this.liftWidth = polynomial.outFeatures();
                this.lift = registerModule("lift", polynomial);
            }
            default -> throw new InvalidArgumentException("InvariantEmbedding: unknown kind " + kind);
        }
        this.mlp = registerModule("mlp", new MLP(new int[] {liftWidth, hidden, out}, ReLU::new, rng));
    }

    public int outFeatures() {
        return mlp.widths()[2];
    }

    @Override
    public Tensor forward(Tensor invariants) {
        int[] shape = invariants.shape();
        if (shape.length == 0 || shape[shape.length - 1] != inFeatures) {
            throw new ShapeMismatchException(this + ": expected bi-invariants [..., " + inFeatures + "] but was "
                    + Arrays.toString(shape));
        }
        // The Fourier lift takes rows [N, in]: every leading dimension goes through it at once.
        Tensor lifted = lift.forward(invariants.reshape(-1, inFeatures));
        int[] outShape = shape.clone();
        outShape[shape.length - 1] = outFeatures();
        return mlp.forward(lifted).reshape(outShape);
    }

    @Override
    public String toString() {
        return "InvariantEmbedding(" + lift + " -> " + outFeatures() + ")";
    }
}
