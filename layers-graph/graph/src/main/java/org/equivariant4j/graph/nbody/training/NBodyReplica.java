package org.equivariant4j.graph.nbody.training;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.nbody.NBodyBatch;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.nn.experiment.TrainingReplica;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.optim.Optimizer;

/** A data-parallel worker's copy of an {@link NBodyExperiment}: the model, the training split and the protocol's loss. */
final class NBodyReplica implements TrainingReplica {
    private final NBodyModel model;
    private final NBodyExamples train;
    private final double learningRate;
    private final double weightDecay;
    private final MseLoss loss = new MseLoss();

    NBodyReplica(NBodyModel model, NBodyExamples train, double learningRate, double weightDecay) {
        this.model = model;
        this.train = train;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    @Override
    public Module model() {
        return model.module();
    }

    /** The MSE of the predicted positions of {@code examples}, as the local trainer's step (no randomness). */
    @Override
    public Tensor loss(int[] examples, Rng rng) {
        NBodyBatch batch = train.batch(examples);
        return loss.compute(model.predict(batch.graph()), batch.targets());
    }

    @Override
    public Optimizer optimizer() {
        return NBodyTrainer.adam(model, learningRate, weightDecay);
    }
}
