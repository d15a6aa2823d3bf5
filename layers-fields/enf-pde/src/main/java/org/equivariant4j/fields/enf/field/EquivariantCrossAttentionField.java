package org.equivariant4j.fields.enf.field;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.nn.activation.GELU;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.norm.LayerNorm;

/**
 * The equivariant neural field of Knigge et al. (2024): decodes a {@link LatentPointCloud} at any coordinates,
 * f(x) {@code [B, Q, outChannels]}, by multi-head cross-attention from each query x to the L latents, where (x, p_i)
 * enter only through the {@link BiInvariant} a(x, p_i):
 * <ul>
 *   <li>query of x for latent i: a linear map of an embedding of a(x, p_i);</li>
 *   <li>key of latent i: a linear map of its (layer-normalised, stem-projected) context c_i;</li>
 *   <li>value of latent i for x: a linear map of c_i modulated by a second embedding of a(x, p_i)
 *       (v · (1 + γ) + β, FiLM-style) and mixed per head;</li>
 *   <li>logits q·k/√hidden minus d²(x, p_i)/σ², a Gaussian window on the bi-invariant's squared distance, so each
 *       latent describes its neighbourhood; softmax over the latents;</li>
 *   <li>the heads' weighted values, a linear output projection, a feed-forward block, and an output MLP.</li>
 * </ul>
 * Since every path from (x, p) to the output passes through a(x, p) and d²(x, p), f(g·x; g·p, c) = f(x; p, c) for every
 * g the bi-invariant is invariant to (the test of this class). With {@code absolute} positions it is an ordinary neural
 * field with latents, the non-equivariant baseline. All work is batched over B, Q, L and heads.
 *
 * <p>Settings of the reference code for planar heat: 4 latents × 16 context numbers, hidden 64, 2 heads.
 *
 * <pre>{@code
 * EquivariantCrossAttentionField field = EquivariantCrossAttentionField.builder(BiInvariants.load().get("se2"), 16, 1)
 *         .hidden(64).heads(2).window(0.5).rng(new Rng(0)).build();
 * Tensor f = field.forward(coordinates, latents);            // [B, Q, 2] and [B, L, 3] / [B, L, 16] -> [B, Q, 1]
 * }</pre>
 */
public final class EquivariantCrossAttentionField extends Module {
    private final BiInvariant biInvariant;
    private final int contextDim;
    private final int hidden;
    private final int heads;
    private final int outChannels;
    private final double windowSigma;
    private final Linear stem;
    private final LayerNorm contextNorm;
    private final InvariantEmbedding queryEmbedding;
    private final InvariantEmbedding valueEmbedding;
    private final Linear toQuery;
    private final Linear toKey;
    private final Linear toValue;
    private final PointwiseFeedForward valueModulation;
    private final PointwiseFeedForward valueMixer;
    private final Linear headProjection;
    private final PointwiseFeedForward feedForward;
    private final MLP output;

    private EquivariantCrossAttentionField(Builder b) {
        this.biInvariant = b.biInvariant;
        this.contextDim = b.contextDim;
        this.hidden = b.hidden;
        this.heads = b.heads;
        this.outChannels = b.outChannels;
        this.windowSigma = b.windowSigma;
        Rng rng = b.rng;
        int width = heads * hidden;
        int in = biInvariant.dim();
        this.stem = registerModule("stem", new Linear(contextDim, hidden, rng));
        this.contextNorm = registerModule("contextNorm", new LayerNorm(hidden));
        this.queryEmbedding = registerModule("queryEmbedding",
                new InvariantEmbedding(b.embedding, in, hidden, hidden, b.queryScale, rng));
        this.valueEmbedding = registerModule("valueEmbedding",
                new InvariantEmbedding(b.embedding, in, hidden, hidden, b.valueScale, rng));
        this.toQuery = registerModule("toQuery", new Linear(hidden, width, rng));
        this.toKey = registerModule("toKey", new Linear(hidden, width, rng));
        this.toValue = registerModule("toValue", new Linear(hidden, width, rng));
        this.valueModulation = registerModule("valueModulation", new PointwiseFeedForward(hidden, hidden, 2 * width, rng));
        this.valueMixer = registerModule("valueMixer", new PointwiseFeedForward(hidden, hidden, hidden, rng));
        this.headProjection = registerModule("headProjection", new Linear(width, width, rng));
        this.feedForward = registerModule("feedForward", new PointwiseFeedForward(width, width, width, rng));
        this.output = registerModule("output", new MLP(new int[] {width, hidden, hidden, outChannels}, GELU::new, rng));
    }

    /**
     * Options of a field of {@code outChannels} outputs decoding latents with {@code contextDim} numbers per context,
     * seeing positions through {@code biInvariant}. {@link Builder#rng} and a window choice are required.
     */
    public static Builder builder(BiInvariant biInvariant, int contextDim, int outChannels) {
        return new Builder(biInvariant, contextDim, outChannels);
    }

    /**
     * f at {@code coordinates [B, Q, coordinateDim]} for {@code latents} (poses {@code [B, L, poseDim]}, contexts
     * {@code [B, L, contextDim]}): {@code [B, Q, outChannels]}.
     */
    public Tensor forward(Tensor coordinates, LatentPointCloud latents) {
        check(coordinates, latents);
        int batch = coordinates.size(0);
        int queries = coordinates.size(1);
        int count = latents.size();
        int width = heads * hidden;
        Tensor poses = latents.poses();
        Tensor invariants = biInvariant.between(coordinates, poses);                        // [B, Q, L, dim]

        Tensor context = contextNorm.forward(stem.forward(latents.contexts()));            // [B, L, hidden]
        Tensor query = toQuery.forward(queryEmbedding.forward(invariants))
                .reshape(batch, queries, count, heads, hidden);
        Tensor key = toKey.forward(context).reshape(batch, 1, count, heads, hidden);
        Tensor logits = query.mul(key).sum(-1, false).mul(1.0 / Math.sqrt(hidden));       // [B, Q, L, heads]
        if (windowSigma > 0) {
            Tensor window = biInvariant.squaredDistance(coordinates, poses).mul(-1.0 / (windowSigma * windowSigma));
            logits = logits.add(window.unsqueeze(-1));
        }
        Tensor attention = logits.softmax(2).unsqueeze(-1);                                 // [B, Q, L, heads, 1]

        Tensor modulation = valueModulation.forward(valueEmbedding.forward(invariants));   // [B, Q, L, 2 width]
        Tensor scale = modulation.narrow(-1, 0, width).add(1);
        Tensor shift = modulation.narrow(-1, width, width);
        Tensor value = toValue.forward(context).unsqueeze(1).mul(scale).add(shift)          // [B, Q, L, width]
                .reshape(batch, queries, count, heads, hidden);
        value = valueMixer.forward(value);

        Tensor attended = attention.mul(value).sum(2, false).reshape(batch, queries, width);
        Tensor features = feedForward.forward(headProjection.forward(attended)).gelu();
        return output.forward(features);
    }

    private void check(Tensor coordinates, LatentPointCloud latents) {
        Objects.requireNonNull(latents, this + ".forward: latents");
        int cd = biInvariant.coordinateDim();
        if (coordinates.rank() != 3 || coordinates.size(2) != cd || coordinates.size(0) != latents.batchSize()) {
            throw new ShapeMismatchException(this + ".forward: expected coordinates [" + latents.batchSize() + ", Q, " + cd
                    + "] (the latents' batch) but was " + Arrays.toString(coordinates.shape()));
        }
        if (latents.poseDim() != biInvariant.poseDim() || latents.contextDim() != contextDim) {
            throw new ShapeMismatchException(this + ".forward: expected latents with poses [B, L, " + biInvariant.poseDim()
                    + "] and contexts [B, L, " + contextDim + "] but were " + latents);
        }
        if (coordinates.dtype() != latents.poses().dtype()) {
            throw new DTypeMismatchException(this + ".forward: coordinates are " + coordinates.dtype() + " but latents "
                    + latents.poses().dtype());
        }
    }

    public BiInvariant biInvariant() {
        return biInvariant;
    }

    public int contextDim() {
        return contextDim;
    }

    public int hidden() {
        return hidden;
    }

    public int heads() {
        return heads;
    }

    public int outChannels() {
        return outChannels;
    }

    /** σ of the Gaussian window, or 0 for none. */
    public double windowSigma() {
        return windowSigma;
    }

    @Override
    public String toString() {
        return "EquivariantCrossAttentionField(" + biInvariant.id() + ", context " + contextDim + ", hidden " + hidden
                + ", heads " + heads + ", out " + outChannels + (windowSigma > 0 ? ", window σ " + windowSigma : "") + ")";
    }

    /** Collects the options; defaults are the reference's planar-heat settings (hidden 64, 2 heads, Fourier). */
    public static final class Builder {
        private final BiInvariant biInvariant;
        private final int contextDim;
        private final int outChannels;
        private int hidden = 64;
        private int heads = 2;
        private EmbeddingKind embedding = EmbeddingKind.FOURIER;
        private double queryScale = 0.05;
        private double valueScale = 0.01;
        private double windowSigma = Double.NaN;
        private Rng rng;

        private Builder(BiInvariant biInvariant, int contextDim, int outChannels) {
            this.biInvariant = Objects.requireNonNull(biInvariant, "biInvariant");
            this.contextDim = contextDim;
            this.outChannels = outChannels;
        }

        /** Width of the embeddings, of each head, and of the output MLP (default 64). */
        public Builder hidden(int value) {
            this.hidden = value;
            return this;
        }

        /** Attention heads (default 2). */
        public Builder heads(int value) {
            this.heads = value;
            return this;
        }

        /**
         * The lift of the bi-invariants and its scale for the query and the value embedding: the std of the Fourier
         * frequencies (default 0.05 and 0.01, the reference's planar-heat values) or the polynomial degree.
         */
        public Builder embedding(EmbeddingKind kind, double queryScale, double valueScale) {
            this.embedding = Objects.requireNonNull(kind, "kind");
            this.queryScale = queryScale;
            this.valueScale = valueScale;
            return this;
        }

        /** A Gaussian window of width σ (in the bi-invariant's distance units) on the attention logits. */
        public Builder window(double sigma) {
            if (!(sigma > 0) || Double.isInfinite(sigma)) {
                throw new InvalidArgumentException("EquivariantCrossAttentionField: window σ must be positive and finite,"
                        + " got " + sigma + " (noWindow() for none)");
            }
            this.windowSigma = sigma;
            return this;
        }

        /** No window: every latent can be attended to from everywhere. */
        public Builder noWindow() {
            this.windowSigma = 0;
            return this;
        }

        /** The random stream of the initial parameters and the Fourier frequencies. */
        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public EquivariantCrossAttentionField build() {
            if (contextDim <= 0 || outChannels <= 0 || hidden <= 0 || heads <= 0) {
                throw new InvalidArgumentException("EquivariantCrossAttentionField: sizes must be positive, got context "
                        + contextDim + ", out " + outChannels + ", hidden " + hidden + ", heads " + heads);
            }
            if (Double.isNaN(windowSigma)) {
                throw new InvalidArgumentException("EquivariantCrossAttentionField: choose window(sigma) or noWindow()");
            }
            Objects.requireNonNull(rng, "EquivariantCrossAttentionField: rng(...) is required for reproducible parameters");
            return new EquivariantCrossAttentionField(this);
        }
    }
}
