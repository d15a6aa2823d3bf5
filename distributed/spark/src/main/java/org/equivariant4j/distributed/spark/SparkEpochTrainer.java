package org.equivariant4j.distributed.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.experiment.EpochTrainer;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * Trains the driver's model on Spark, one epoch at a time. Per step (synchronous SGD): the driver's state dict is
 * broadcast as safetensors bytes; each partition's task loads it into its replica and computes the gradient of its
 * share of the batch ({@link ReplicaRound}); {@code treeAggregate} sums the weighted gradients; the driver divides by
 * the examples and its optimiser applies the result. Per round (local SGD): the same broadcast, K local steps in each
 * partition, and the driver sets its parameters to the examples-weighted mean of the partitions'.
 *
 * <p>The driver's model and optimiser stay the truth: a checkpoint of the run saves them as a local run's, and a
 * resumed run continues from them. Which examples a step uses depends only on the seed, epoch, step and partition
 * ({@link PartitionBatches}).
 */
final class SparkEpochTrainer implements EpochTrainer {
    private final JavaSparkContext spark;
    private final ExperimentSource source;
    private final Map<String, String> config;
    private final SparkTrainingOptions options;
    private final Module model;
    private final Optimizer optimizer;
    private final PartitionBatches batches;
    private final int batchSize;
    private final String lossName;
    private final JavaRDD<Integer> partitionIndices;
    private FailureInjection failure = FailureInjection.NONE;
    private long trainingNanos;
    private long steps;

    SparkEpochTrainer(JavaSparkContext spark, ExperimentSource source, Map<String, String> config, SparkTrainingOptions options,
            Module model, Optimizer optimizer, PartitionBatches batches, int batchSize, String lossName) {
        this.spark = spark;
        this.source = source;
        this.config = new LinkedHashMap<>(config);
        this.options = options;
        this.model = model;
        this.optimizer = optimizer;
        this.batches = batches;
        this.batchSize = batchSize;
        this.lossName = lossName;
        List<Integer> indices = new ArrayList<>();
        IntStream.range(0, options.partitions()).forEach(indices::add);
        // One element per partition: the element is the partition index the task trains.
        this.partitionIndices = spark.parallelize(indices, options.partitions());
    }

    /** Injects a task failure (tests of Spark's retry); {@link FailureInjection#NONE} by default. */
    void injectFailure(FailureInjection value) {
        this.failure = value;
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        model.train();
        int total = batches.stepsPerEpoch();
        int stride = options.isLocalSgd() ? options.localSteps() : 1;
        double lossSum = 0;
        int done = 0;
        long start = System.nanoTime();
        while (done < total) {
            int k = Math.min(stride, total - done);
            WeightedVector result = round(epoch, done, options.isLocalSgd() ? k : 0);
            if (options.isLocalSgd()) {
                setParameters(result.mean());
            } else {
                applyGradient(result.mean());
            }
            lossSum += result.meanLoss() * k;
            done += k;
            listener.onStep(new StepProgress(epoch, done, total, Map.of(lossName, result.meanLoss())));
            if (stop.getAsBoolean() && done < total) {
                break;
            }
        }
        trainingNanos += System.nanoTime() - start;
        steps += done;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_" + lossName, done == 0 ? Double.NaN : lossSum / done);
        return new EpochTraining(metrics, done, done == total);
    }

    /** One step or round on every partition: the summed, weighted vectors. */
    private WeightedVector round(int epoch, int firstStep, int localSteps) {
        Broadcast<byte[]> parameters = spark.broadcast(ParameterBytes.encode(model.stateDict()));
        try {
            ReplicaRound work = new ReplicaRound(source, config, parameters, batches, epoch, firstStep, localSteps, failure);
            JavaRDD<WeightedVector> vectors = options.barrier() ? BarrierStage.mapPartitions(partitionIndices, work)
                    : partitionIndices.mapPartitions(work);
            return vectors.treeAggregate(WeightedVector.ZERO, WeightedVector::plus, WeightedVector::plus, options.treeDepth());
        } finally {
            parameters.destroy();
        }
    }

    /** Gives each parameter its slice of {@code gradient} and lets the driver's optimiser step. */
    private void applyGradient(double[] gradient) {
        optimizer.zeroGrad();
        int offset = 0;
        for (Parameter p : model.parameters()) {
            Tensor value = p.value();
            int n = Math.toIntExact(value.numel());
            double[] slice = java.util.Arrays.copyOfRange(gradient, offset, offset + n);
            // Back-propagating the slice from the leaf itself accumulates exactly it into the leaf's gradient.
            value.backward(Tensors.of(slice, value.dtype(), value.shape()));
            offset += n;
        }
        optimizer.step();
    }

    /** Local SGD's averaging: the parameters become the partitions' weighted mean. */
    private void setParameters(double[] values) {
        int offset = 0;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (Parameter p : model.parameters()) {
                Tensor value = p.value();
                int n = Math.toIntExact(value.numel());
                value.assign(Tensors.of(java.util.Arrays.copyOfRange(values, offset, offset + n), value.dtype(), value.shape()));
                offset += n;
            }
        }
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public double millisPerStep() {
        return steps == 0 ? Double.NaN : trainingNanos / 1e6 / steps;
    }

    @Override
    public String toString() {
        return "SparkEpochTrainer(" + options + ", batch " + batchSize + " = " + options.partitions() + " x "
                + batches.batchPerPartition() + ")";
    }
}
