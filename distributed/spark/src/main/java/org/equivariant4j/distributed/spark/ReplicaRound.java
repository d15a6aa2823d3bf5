package org.equivariant4j.distributed.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.experiment.TrainingReplica;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * The work of one partition in one step (synchronous SGD) or round (local SGD), run by a Spark task on an executor:
 * take the partition's replica, load the broadcast parameters into it, then either compute the gradient of the
 * partition's batch ({@code localSteps == 0}) or take {@code localSteps} steps with a fresh optimiser; return the
 * gradient or the new parameters, flat and weighted by the examples used. Everything it does is a function of its
 * fields and the partition index, so a task that Spark retries returns the same vector.
 */
final class ReplicaRound implements FlatMapFunction<Iterator<Integer>, WeightedVector> {
    private static final long serialVersionUID = 1L;

    private final ExperimentSource source;
    private final Map<String, String> config;
    private final Broadcast<byte[]> parameters;
    private final PartitionBatches batches;
    private final int epoch;
    private final int firstStep;
    private final int localSteps;
    private final FailureInjection failure;

    /**
     * @param config     the run's options as text (option name to canonical text): the replica is rebuilt from it
     * @param parameters the driver's state dict as safetensors bytes
     * @param localSteps 0: one gradient at {@code firstStep}; k &gt;= 1: k local steps from {@code firstStep}
     * @param failure    a failure to inject (tests of Spark's retry), or {@link FailureInjection#NONE}
     */
    ReplicaRound(ExperimentSource source, Map<String, String> config, Broadcast<byte[]> parameters, PartitionBatches batches,
            int epoch, int firstStep, int localSteps, FailureInjection failure) {
        this.source = source;
        this.config = config;
        this.parameters = parameters;
        this.batches = batches;
        this.epoch = epoch;
        this.firstStep = firstStep;
        this.localSteps = localSteps;
        this.failure = failure;
    }

    @Override
    public Iterator<WeightedVector> call(Iterator<Integer> partitionIndices) {
        List<WeightedVector> out = new ArrayList<>(1);
        while (partitionIndices.hasNext()) {
            int p = partitionIndices.next();
            TrainingReplica replica = ReplicaCache.get(source, config, p, batches.partitions());
            synchronized (replica) {
                out.add(localSteps == 0 ? gradient(replica, p) : localSgd(replica, p));
            }
        }
        return out.iterator();
    }

    private WeightedVector gradient(TrainingReplica replica, int p) {
        Module model = load(replica);
        int[] examples = batches.batch(epoch, firstStep, p);
        model.zeroGrad();
        Tensor loss = replica.loss(examples, batches.lossRng(epoch, firstStep, p));
        loss.backward();
        double value = loss.item();
        failure.maybeFail(epoch, firstStep, p);
        double[] flat = flatten(model, true);
        scale(flat, examples.length);
        return new WeightedVector(flat, examples.length, value * examples.length);
    }

    private WeightedVector localSgd(TrainingReplica replica, int p) {
        Module model = load(replica);
        Optimizer optimizer = replica.optimizer();
        double lossSum = 0;
        int weight = batches.batchPerPartition();
        for (int k = 0; k < localSteps; k++) {
            int step = firstStep + k;
            optimizer.zeroGrad();
            Tensor loss = replica.loss(batches.batch(epoch, step, p), batches.lossRng(epoch, step, p));
            loss.backward();
            optimizer.step();
            lossSum += loss.item();
            failure.maybeFail(epoch, step, p);
        }
        double[] flat = flatten(model, false);
        scale(flat, weight);
        return new WeightedVector(flat, weight, lossSum / localSteps * weight);
    }

    private Module load(TrainingReplica replica) {
        Module model = replica.model();
        model.loadStateDict(ParameterBytes.decode(parameters.value()));
        model.train();
        return model;
    }

    /** The model's gradients (a parameter the loss did not reach counts zero) or values, concatenated in parameter order. */
    static double[] flatten(Module model, boolean gradients) {
        List<Parameter> params = model.parameters();
        long total = model.parameterCount();
        double[] flat = new double[Math.toIntExact(total)];
        int offset = 0;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (Parameter p : params) {
                int n = Math.toIntExact(p.value().numel());
                Tensor t = gradients ? p.grad() : p.value();
                if (t != null) {
                    System.arraycopy(t.toDoubleArray(), 0, flat, offset, n);
                }
                offset += n;
            }
        }
        return flat;
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }
}
