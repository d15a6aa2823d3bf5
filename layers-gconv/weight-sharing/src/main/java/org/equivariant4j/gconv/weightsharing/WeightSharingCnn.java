package org.equivariant4j.gconv.weightsharing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.layer.Linear;

/**
 * The paper's weight-sharing network: a {@link WeightSharingLifting} layer and {@code layers - 1}
 * {@link WeightSharingGroupConv} layers, each followed by an optional layer norm (the paper's code: every example's
 * activations over all channels and positions to mean 0 and variance 1, no affine parameters) and a ReLU, then a mean
 * (the paper) or a maximum over space, a mean (the paper) or a maximum over the |G| group channels of every field, and a
 * linear read-out. When the matrices are a group's kernel permutations the output is invariant to that group (both
 * pools are unchanged by rotating the grid and permuting the group channels); while they are learned the network is
 * an ordinary CNN whose |G| kernels per field are tied only through the canonical kernel.
 */
public final class WeightSharingCnn extends Module {
    private final WeightSharingLifting lifting;
    private final List<WeightSharingGroupConv> convs = new ArrayList<>();
    private final Linear head;
    private final int channels;
    private final int order;
    private final boolean maxOverSpace;
    private final boolean maxOverGroup;
    private final boolean layerNorm;

    /**
     * @param group        labels the |G| channels of each field (only its order matters while the matrices are learned)
     * @param maxOverSpace pool each group channel by its maximum over space (a detector: "is the pattern anywhere?")
     *                     instead of its mean (the paper's choice); either commutes with rotating the grid
     * @param maxOverGroup pool the |G| group channels of a field by their maximum instead of their mean (the paper's
     *                     choice); either is invariant to permuting them
     */
    public WeightSharingCnn(FiniteGroup group, int inChannels, int channels, int layers, int kernelSize, int classes,
            WeightSharingOptions options, boolean maxOverSpace, boolean maxOverGroup, Rng rng) {
        this(group, inChannels, channels, layers, kernelSize, classes, options, maxOverSpace, maxOverGroup, false, rng);
    }

    /**
     * As above, with {@code layerNorm}: normalise every example's activations after each convolution (the paper's
     * code), which keeps a deep stack trainable without batch statistics.
     */
    public WeightSharingCnn(FiniteGroup group, int inChannels, int channels, int layers, int kernelSize, int classes,
            WeightSharingOptions options, boolean maxOverSpace, boolean maxOverGroup, boolean layerNorm, Rng rng) {
        if (layers < 1) {
            throw new InvalidArgumentException("WeightSharingCnn: needs at least the lifting layer, got " + layers + " layers");
        }
        this.channels = channels;
        this.order = group.order();
        this.maxOverSpace = maxOverSpace;
        this.maxOverGroup = maxOverGroup;
        this.layerNorm = layerNorm;
        this.lifting = registerModule("lift", new WeightSharingLifting(group, inChannels, channels, kernelSize, options, rng.split()));
        for (int i = 1; i < layers; i++) {
            convs.add(registerModule("conv" + i, new WeightSharingGroupConv(group, channels, channels, kernelSize, options,
                    rng.split())));
        }
        this.head = registerModule("head", new Linear(channels, classes, rng.split()));
    }

    /** Logits {@code [N, classes]} for images {@code [N, Cin, H, W]}. */
    public Tensor forward(Tensor images) {
        int[] s = images.shape();
        Tensor fields = features(images);
        int[] f = fields.shape();
        Tensor flat = fields.reshape(s[0], channels, order, f[2] * f[3]);
        Tensor space = maxOverSpace ? flat.max(3, false) : flat.mean(3, false);
        Tensor pooled = maxOverGroup ? space.max(2, false) : space.mean(2, false);
        return head.forward(pooled);
    }

    /**
     * Per-position features pooled over the group channels only, {@code [N, channels, H, W]}: a C4-equivariant scalar
     * field per output field (rotating the input rotates it) when the matrices are the rotations.
     */
    public Tensor groupPooledField(Tensor images) {
        Tensor h = features(images);
        int[] s = h.shape();
        Tensor perGroup = h.reshape(s[0], channels, order, s[2], s[3]);
        return maxOverGroup ? perGroup.max(2, false) : perGroup.mean(2, false);
    }

    /** The lifting layer's output {@code [N, channels·|G|, H, W]} (group index fastest), before any nonlinearity. */
    public Tensor liftedMaps(Tensor images) {
        return lifting.forward(images);
    }

    private Tensor features(Tensor images) {
        Tensor h = activate(lifting.forward(images));
        for (WeightSharingGroupConv conv : convs) {
            h = activate(conv.forward(h));
        }
        return h;
    }

    private Tensor activate(Tensor h) {
        if (!layerNorm) {
            return h.relu();
        }
        int[] s = h.shape();
        Tensor flat = h.reshape(s[0], s[1] * s[2] * s[3]);
        // Per example, over every channel and position: commutes with rotating the grid and permuting group channels.
        Tensor centred = flat.sub(flat.mean(1, true));
        Tensor normed = centred.div(centred.pow(2).mean(1, true).add(1e-5).sqrt());
        return normed.reshape(s).relu();
    }

    /** Whether each convolution is followed by a layer norm. */
    public boolean layerNorm() {
        return layerNorm;
    }

    /**
     * Sets every layer's matrices to the group's permutations of its kernel: the network becomes a regular G-CNN of the
     * same shape (its scores then have zero gradient: Sinkhorn is saturated at a permutation).
     */
    public void tieToGroup() {
        for (WeightSharingConv layer : weightSharingLayers()) {
            layer.setPermutations(layer.groupPermutations());
        }
    }

    public WeightSharingLifting lifting() {
        return lifting;
    }

    /** The lifting layer and the group layers, in order. */
    public List<WeightSharingConv> weightSharingLayers() {
        List<WeightSharingConv> out = new ArrayList<>();
        out.add(lifting);
        out.addAll(convs);
        return Collections.unmodifiableList(out);
    }

    /** {@code normScale Σ norm + entropyScale Σ entropy} over every weight-sharing layer (the paper's regularisers). */
    public Tensor penalty(double normScale, double entropyScale) {
        Tensor total = null;
        for (WeightSharingConv layer : weightSharingLayers()) {
            Tensor p = null;
            if (normScale > 0) {
                p = layer.normPenalty().mul(normScale);
            }
            if (entropyScale > 0) {
                Tensor e = layer.entropyPenalty().mul(entropyScale);
                p = p == null ? e : p.add(e);
            }
            if (p != null) {
                total = total == null ? p : total.add(p);
            }
        }
        return total;
    }
}
