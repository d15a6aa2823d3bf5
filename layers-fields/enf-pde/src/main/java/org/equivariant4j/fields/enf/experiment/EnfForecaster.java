package org.equivariant4j.fields.enf.experiment;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.dynamics.LatentOde;
import org.equivariant4j.fields.enf.dynamics.OdeMethod;
import org.equivariant4j.fields.enf.dynamics.OdeState;
import org.equivariant4j.fields.enf.field.EmbeddingKind;
import org.equivariant4j.fields.enf.field.EquivariantCrossAttentionField;
import org.equivariant4j.fields.enf.field.LatentPointCloud;
import org.equivariant4j.fields.enf.fit.LatentInitialisation;
import org.equivariant4j.fields.enf.fit.MetaAutoDecoder;
import org.equivariant4j.fields.enf.fit.MetaGradient;

/**
 * The ENF forecaster of one bi-invariant: a cross-attention neural field, the learned start and step sizes of its
 * meta-learned auto-decoder, and a {@link LatentOde}. A forecast fits the latents of the initial condition from its
 * observed points (a few inner gradient steps), rolls them out with the ODE one frame interval at a time (time in
 * frames: the interval is 1), and decodes every frame at any coordinates.
 */
public final class EnfForecaster extends Module {

    /**
     * The sizes and settings of a forecaster (the reference's planar heat: 4 latents x 16, hidden 64, 2 heads). The
     * frequencies are the std of the random Fourier features of the query and value embeddings, in model coordinates
     * (the plane scaled to [-1, 1]²).
     */
    public record Sizes(int latents, int contextDim, int hidden, int heads, double queryFrequency,
            double valueFrequency, double windowSigma, int innerSteps,
            double poseLearningRate, double contextLearningRate, LatentOde.Sizes ode, OdeMethod method, int substeps) {
    }

    private final BiInvariant invariant;
    private final EquivariantCrossAttentionField field;
    private final LatentInitialisation initialisation;
    private final LatentOde ode;
    private final MetaAutoDecoder fitter;
    private final Sizes sizes;

    public EnfForecaster(BiInvariant invariant, Sizes sizes, Rng rng) {
        this.invariant = invariant;
        this.sizes = sizes;
        this.field = registerModule("field", EquivariantCrossAttentionField.builder(invariant, sizes.contextDim(), 1)
                .hidden(sizes.hidden()).heads(sizes.heads())
                .embedding(EmbeddingKind.FOURIER, sizes.queryFrequency(), sizes.valueFrequency())
                .window(sizes.windowSigma()).rng(rng).build());
        this.initialisation = registerModule("initialisation", new LatentInitialisation(invariant, sizes.latents(),
                sizes.contextDim(), sizes.poseLearningRate(), sizes.contextLearningRate(), rng));
        this.ode = registerModule("ode", new LatentOde(invariant, sizes.contextDim(), sizes.ode(), DType.FLOAT32, rng));
        this.fitter = new MetaAutoDecoder(field, initialisation, sizes.innerSteps(), MetaGradient.SECOND_ORDER);
    }

    public BiInvariant invariant() {
        return invariant;
    }

    public EquivariantCrossAttentionField field() {
        return field;
    }

    public LatentInitialisation initialisation() {
        return initialisation;
    }

    public LatentOde ode() {
        return ode;
    }

    public Sizes sizes() {
        return sizes;
    }

    /**
     * The latents of the fields observed as {@code values [B, Q, 1]} at {@code coordinates [B, Q, d]}: connected to the
     * field and the initialisation (second order) when gradients are enabled, detached when they are not.
     */
    public LatentPointCloud fit(Tensor coordinates, Tensor values) {
        return fitter.fit(coordinates, values);
    }

    /** The latents at frames {@code 0 .. frames} (frames + 1 clouds, the first {@code initial}). */
    public List<LatentPointCloud> rollout(LatentPointCloud initial, int frames) {
        List<OdeState> path = sizes.method().rollout(ode, OdeState.of(initial.poses(), initial.contexts()), frames, 1.0,
                sizes.substeps());
        List<LatentPointCloud> out = new ArrayList<>(path.size());
        for (OdeState s : path) {
            out.add(new LatentPointCloud(s.part(0), s.part(1)));
        }
        return out;
    }

    /**
     * Every cloud of {@code frames} decoded at its own coordinates in one pass: {@code coordinates [T, B, Q, d]}, frame
     * t's latents {@code [B, L, ...]}; the result is {@code [T, B, Q]}.
     */
    public Tensor decode(List<LatentPointCloud> frames, Tensor coordinates) {
        int t = frames.size();
        int b = frames.get(0).batchSize();
        Tensor poses = Tensors.stack(0, frames.stream().map(LatentPointCloud::poses).toList());
        Tensor contexts = Tensors.stack(0, frames.stream().map(LatentPointCloud::contexts).toList());
        LatentPointCloud all = new LatentPointCloud(poses.reshape(t * b, poses.size(2), poses.size(3)),
                contexts.reshape(t * b, contexts.size(2), contexts.size(3)));
        int q = coordinates.size(2);
        Tensor flat = coordinates.reshape(t * b, q, coordinates.size(3));
        return field.forward(flat, all).reshape(t, b, q);
    }

    /** The mean squared reconstruction error of {@code values [B, Q, 1]} by the given latents. */
    public Tensor reconstructionLoss(Tensor coordinates, Tensor values, LatentPointCloud latents) {
        return MetaAutoDecoder.reconstructionLoss(field, coordinates, values, latents);
    }

    @Override
    public String toString() {
        return "EnfForecaster(" + invariant.id() + ", " + sizes.latents() + " latents x " + sizes.contextDim() + ")";
    }
}
