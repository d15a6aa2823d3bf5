package org.equivariant4j.graph.nbody.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.nbody.NBodyBatch;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.nn.experiment.EpochTrainer;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * Trains an {@link NBodyModel} with the reference protocol: Adam, MSE on the predicted positions,
 * shuffled mini-batches with the last incomplete batch dropped, the data order a function of the seed
 * and the epoch. A training set smaller than one batch is not dropped whole (which would train on
 * nothing): it is one short batch per epoch, as PyTorch's {@code DataLoader} gives without
 * {@code drop_last}. {@link #meanSquaredError} evaluates a split in batches (all samples, weighted by size).
 */
public final class NBodyTrainer implements EpochTrainer {
    private final NBodyModel model;
    private final NBodyExamples train;
    private final int batchSize;
    private final long seed;
    private final Optimizer optimizer;
    private final MseLoss loss = new MseLoss();
    private long trainingNanos;
    private long steps;

    public NBodyTrainer(NBodyModel model, NBodyExamples train, int batchSize, double learningRate, double weightDecay,
            long seed) {
        if (batchSize < 1) {
            throw new InvalidOptionException("batch-size", "NBodyTrainer: the batch size must be at least 1, got " + batchSize);
        }
        if (train.size() < 1) {
            throw new InvalidOptionException("train-size", "NBodyTrainer: the training set is empty");
        }
        this.model = model;
        this.train = train;
        this.batchSize = Math.min(batchSize, train.size());
        this.seed = seed;
        this.optimizer = adam(model, learningRate, weightDecay);
    }

    /** The protocol's optimiser of {@code model}: Adam with L2 weight decay, as {@code torch.optim.Adam}. */
    static Optimizer adam(NBodyModel model, double learningRate, double weightDecay) {
        return Adam.builder(model.module().parameters()).learningRate(learningRate).weightDecay(weightDecay).build();
    }

    /** Samples per optimisation step: the batch size asked for, or the whole training set when that is smaller. */
    @Override
    public int batchSize() {
        return batchSize;
    }

    /** Optimisation steps of one epoch. */
    public int stepsPerEpoch() {
        return train.size() / batchSize;
    }

    /** One epoch; reports the mean training MSE. */
    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        model.module().train();
        int[] order = new Rng(seed * 1_000_003L + epoch).permutation(train.size());
        int total = stepsPerEpoch();
        double sum = 0;
        int done = 0;
        long start = System.nanoTime();
        for (int s = 0; s < total; s++) {
            double value = step(train.batch(Arrays.copyOfRange(order, s * batchSize, (s + 1) * batchSize)));
            sum += value;
            done++;
            listener.onStep(new StepProgress(epoch, s + 1, total, Map.of("mse", value)));
            if (stop.getAsBoolean() && s + 1 < total) {
                break;
            }
        }
        trainingNanos += System.nanoTime() - start;
        steps += done;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_mse", done == 0 ? Double.NaN : sum / done);
        return new EpochTraining(metrics, done, done == total);
    }

    /** The optimiser, whose state dict a resumed run restores. */
    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    /** One optimisation step on {@code batch}; returns its loss. */
    public double step(NBodyBatch batch) {
        optimizer.zeroGrad();
        Tensor l = loss.compute(model.predict(batch.graph()), batch.targets());
        l.backward();
        optimizer.step();
        return l.item();
    }

    /** Mean wall time per training step so far, in milliseconds (data batching included). */
    @Override
    public double millisPerStep() {
        return steps == 0 ? Double.NaN : trainingNanos / 1e6 / steps;
    }

    /** MSE of {@code model} on every sample of {@code examples}, in batches of {@code batchSize}, without gradients. */
    public static double meanSquaredError(NBodyModel model, NBodyExamples examples, int batchSize) {
        model.module().eval();
        double sum = 0;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int start = 0; start < examples.size(); start += batchSize) {
                int end = Math.min(examples.size(), start + batchSize);
                int[] idx = new int[end - start];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = start + i;
                }
                NBodyBatch b = examples.batch(idx);
                Tensor d = model.predict(b.graph()).sub(b.targets());
                sum += d.mul(d).sum().item();
            }
        }
        model.module().train();
        return sum / (examples.size() * (double) examples.particles() * 3);
    }
}
