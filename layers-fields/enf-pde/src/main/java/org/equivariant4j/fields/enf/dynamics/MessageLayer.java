package org.equivariant4j.fields.enf.dynamics;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.layer.Linear;

/**
 * One round of fully connected message passing over the L latents of each cloud: the message from j to i is
 * {@code phi(h_i, h_j, e_ij)}, with the edge features {@code e_ij} an embedding of pose-pair bi-invariants, messages are
 * averaged over j, and {@code h_i} is updated residually from itself and the average. Everything it sees is invariant,
 * so its output is. The first layer of {@code phi} on the concatenation is computed as a sum of three linear maps,
 * broadcast over the pair axes, so no [B, L, L, 3H] tensor is built. Batched over [B, L, L]: no loop over edges.
 */
final class MessageLayer extends Module {
    private final Linear self;
    private final Linear other;
    private final Linear edge;
    private final Linear message;
    private final Linear update;
    private final Linear updateOut;

    MessageLayer(int hidden, DType dtype, Rng rng) {
        this.self = registerModule("self", Linear.builder(hidden, hidden).dtype(dtype).rng(rng).build());
        this.other = registerModule("other", Linear.builder(hidden, hidden).bias(false).dtype(dtype).rng(rng).build());
        this.edge = registerModule("edge", Linear.builder(hidden, hidden).bias(false).dtype(dtype).rng(rng).build());
        this.message = registerModule("message", Linear.builder(hidden, hidden).dtype(dtype).rng(rng).build());
        this.update = registerModule("update", Linear.builder(2 * hidden, hidden).dtype(dtype).rng(rng).build());
        this.updateOut = registerModule("update_out", Linear.builder(hidden, hidden).dtype(dtype).rng(rng).build());
    }

    /**
     * @param h     node features [B, L, H]
     * @param edges edge features [B, L, L, H], {@code edges[b, i, j]} for the pair (i receives, j sends)
     * @return the updated node features [B, L, H]
     */
    Tensor forward(Tensor h, Tensor edges) {
        Tensor pre = self.forward(h).unsqueeze(2).add(other.forward(h).unsqueeze(1)).add(edge.forward(edges));
        Tensor aggregated = message.forward(pre.silu()).mean(2, false);
        Tensor delta = updateOut.forward(update.forward(Tensors.concat(-1, h, aggregated)).silu());
        return h.add(delta);
    }
}
