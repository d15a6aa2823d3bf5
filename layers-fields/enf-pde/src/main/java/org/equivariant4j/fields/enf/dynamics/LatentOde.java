package org.equivariant4j.fields.enf.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.layer.ModuleDict;

/**
 * The vector field of the latent dynamics: {@code (dp/dt, dc/dt) = F(p, c)} on a batch of latent point clouds with
 * poses p [B, L, poseDim] and contexts c [B, L, contextDim], as an {@link OdeState} of those two tensors.
 *
 * <p>F is a message-passing network over the fully connected latents. Its edge features are an MLP embedding of the
 * pose-pair bi-invariants {@link BiInvariant#betweenPoses}, its node features start from the contexts; after the
 * message layers, a readout gives dc/dt and a velocity in each latent's own frame, which
 * {@link BiInvariant#globalVelocity} turns into dp/dt. The network sees poses only through invariants and the last map
 * is the bi-invariant's equivariant one, so for a group element g acting on poses, F(g p, c) = (g_* dp/dt, dc/dt):
 * the flow commutes with the group, and a rollout from a moved initial condition is the moved rollout. With the
 * {@code absolute} bi-invariant (no symmetry) the same network is the non-equivariant baseline.
 *
 * <p>The readout starts small ({@code readoutScale} times PyTorch's default), as the reference code starts its
 * readout near zero: an untrained ODE then nearly holds the fitted latents still instead of scattering them.
 */
public final class LatentOde extends Module implements VectorField {

    /** Widths of the network: message-passing layers of {@code hidden} channels (the reference: 3 x 64). */
    public record Sizes(int hidden, int layers, double readoutScale) {
        public Sizes {
            if (hidden < 1 || layers < 1 || !(readoutScale > 0)) {
                throw new InvalidArgumentException(String.format(Locale.ROOT, "LatentOde: needs hidden >= 1, layers >= 1"
                        + " and readoutScale > 0, got %d, %d, %s", hidden, layers, readoutScale));
            }
        }

        /** The reference code's ODE: 3 layers of 64, readout at a tenth of the default scale. */
        public static Sizes reference() {
            return new Sizes(64, 3, 0.1);
        }
    }

    private final BiInvariant invariant;
    private final int contextDim;
    private final Linear embedContext;
    private final Linear embedEdge;
    private final Linear embedEdgeOut;
    private final List<MessageLayer> layers = new ArrayList<>();
    private final Linear contextRate;
    private final Linear localVelocity;

    public LatentOde(BiInvariant invariant, int contextDim, Sizes sizes, DType dtype, Rng rng) {
        if (contextDim < 1) {
            throw new InvalidArgumentException("LatentOde: contextDim must be >= 1, got " + contextDim);
        }
        this.invariant = invariant;
        this.contextDim = contextDim;
        int h = sizes.hidden();
        this.embedContext = registerModule("embed_context", Linear.builder(contextDim, h).dtype(dtype).rng(rng).build());
        this.embedEdge = registerModule("embed_edge", Linear.builder(invariant.pairDim(), h).dtype(dtype).rng(rng).build());
        this.embedEdgeOut = registerModule("embed_edge_out", Linear.builder(h, h).dtype(dtype).rng(rng).build());
        ModuleDict stack = registerModule("layers", new ModuleDict());
        for (int i = 0; i < sizes.layers(); i++) {
            layers.add(stack.put(Integer.toString(i), new MessageLayer(h, dtype, rng)));
        }
        LinearDefault base = new LinearDefault();
        double scale = sizes.readoutScale();
        this.contextRate = registerModule("context_rate", Linear.builder(h, contextDim).dtype(dtype)
                .weightInit((shape, fan, dt, r) -> base.sample(shape, fan, dt, r).mul(scale)).rng(rng).build());
        this.localVelocity = registerModule("local_velocity", Linear.builder(h, invariant.tangentDim()).dtype(dtype)
                .weightInit((shape, fan, dt, r) -> base.sample(shape, fan, dt, r).mul(scale)).rng(rng).build());
    }

    /** The bi-invariant the network sees the poses through. */
    public BiInvariant invariant() {
        return invariant;
    }

    /** The width of each latent's context vector. */
    public int contextDim() {
        return contextDim;
    }

    /** {@code (dp/dt, dc/dt)} for {@code state = (poses [B, L, poseDim], contexts [B, L, contextDim])}. */
    @Override
    public OdeState derivative(OdeState state) {
        if (state.arity() != 2) {
            throw new ShapeMismatchException("LatentOde: expected a state (poses, contexts) but got " + state);
        }
        Tensor poses = state.part(0);
        Tensor contexts = state.part(1);
        int[] p = poses.shape();
        int[] c = contexts.shape();
        if (p.length != 3 || p[2] != invariant.poseDim() || c.length != 3 || c[2] != contextDim || p[0] != c[0]
                || p[1] != c[1]) {
            throw new ShapeMismatchException("LatentOde (" + invariant.id() + "): expected poses [B, L, "
                    + invariant.poseDim() + "] and contexts [B, L, " + contextDim + "] but got " + Arrays.toString(p)
                    + " and " + Arrays.toString(c));
        }
        Tensor edges = embedEdgeOut.forward(embedEdge.forward(invariant.betweenPoses(poses)).silu());
        Tensor h = embedContext.forward(contexts);
        for (MessageLayer layer : layers) {
            h = layer.forward(h, edges);
        }
        Tensor dp = invariant.globalVelocity(poses, localVelocity.forward(h));
        return OdeState.of(dp, contextRate.forward(h));
    }

    @Override
    public String toString() {
        return "LatentOde(" + invariant.id() + ", context " + contextDim + ", " + layers.size() + " layers)";
    }
}
