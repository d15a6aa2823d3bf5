package org.equivariant4j.distributed.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.optim.SGD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synchronous data-parallel SGD on 2 partitions of batch b equals single-process SGD on batch 2b (the union of the
 * partitions' batches at every step), parameter for parameter, to {@value #TOLERANCE}; in float64 with no
 * batch-dependent layer.
 *
 * <p>Why {@value #TOLERANCE}: the two computations add the same float64 terms in a different order (two partial
 * means, then their weighted sum, against one mean over 2b), which moves each parameter by a few ulps per step,
 * ~1e-16 relative; over 8 steps that stays below 1e-14. A trainer that forgets to normalise the summed gradient
 * (twice the step) or loses one partition's gradient is off by 1e-3 or more after the same steps: the controls
 * below compute both and must be far outside the bound.
 */
class SynchronousEquivalenceTest {
    private static final double TOLERANCE = 1e-9;
    private static final int PARTITIONS = 2;
    private static final int PER_PARTITION = 4;
    private static ExperimentConfig config;

    @BeforeAll
    static void configure() {
        config = config(PARTITIONS);
    }

    /** The toy's config for {@code partitions} partitions of {@value #PER_PARTITION} examples per step. */
    private static ExperimentConfig config(int partitions) {
        return ExperimentConfig.resolve(new ToyRegressionExperiment(), Map.of("batch-size",
                Integer.toString(partitions * PER_PARTITION), "train-size", "64", "lr", "0.2", "seed", "5"));
    }

    private static double[] singleProcess(int steps, double learningRateFactor, boolean dropSecondPartition) {
        return singleProcess(config, PARTITIONS, steps, learningRateFactor, dropSecondPartition);
    }

    /**
     * Single-process SGD from the same initial parameters on the union of the partitions' batches at each step (or
     * without the second partition's), at the learning rate times {@code learningRateFactor}.
     */
    private static double[] singleProcess(ExperimentConfig c, int partitions, int steps, double learningRateFactor,
            boolean dropSecondPartition) {
        ToyRegressionExperiment.Replica all = new ToyRegressionExperiment.Replica(c, 1.0);
        Module model = all.model();
        model.loadStateDict(ToyRegressionExperiment.model(c).stateDict());
        SGD sgd = new SGD(model.parameters(), c.doubleValue("lr") * learningRateFactor);
        PartitionBatches batches = new PartitionBatches(64, partitions, partitions * PER_PARTITION, 5);
        for (int s = 0; s < steps; s++) {
            int step = s;
            int[] union = java.util.stream.IntStream.range(0, partitions).filter(p -> !(dropSecondPartition && p == 1))
                    .flatMap(p -> java.util.Arrays.stream(batches.batch(0, step, p))).toArray();
            sgd.zeroGrad();
            Tensor loss = all.loss(union, null);
            loss.backward();
            sgd.step();
        }
        return ReplicaRound.flatten(model, false);
    }

    static double[] trainOnSpark(Class<? extends ToyRegressionExperiment> experiment, SparkTrainingOptions options,
            FailureInjection failure) {
        return trainOnSpark(experiment, config, options, failure);
    }

    private static double[] trainOnSpark(Class<? extends ToyRegressionExperiment> experiment, ExperimentConfig c,
            SparkTrainingOptions options, FailureInjection failure) {
        ExperimentRun run = SparkDataParallel.start(SharedSpark.get(), ExperimentSource.ofClass(experiment), c, options,
                failure);
        run.trainEpoch(0, StepListener.NONE, () -> false);
        return ReplicaRound.flatten(run.model(), false);
    }

    static double maxAbsDifference(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        return java.util.stream.IntStream.range(0, a.length).mapToDouble(i -> Math.abs(a[i] - b[i])).max().orElse(0);
    }

    @Test
    void twoPartitionsOfBatchBGiveTheParametersOfOneProcessWithBatch2B() {
        double[] spark = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.synchronous(PARTITIONS),
                FailureInjection.NONE);
        int steps = new PartitionBatches(64, PARTITIONS, PARTITIONS * PER_PARTITION, 5).stepsPerEpoch();
        assertThat(steps).as("steps of the epoch").isEqualTo(8);
        double[] single = singleProcess(steps, 1.0, false);
        double[] initial = ReplicaRound.flatten(ToyRegressionExperiment.model(config), false);
        assertThat(maxAbsDifference(single, initial)).as("the parameters moved").isGreaterThan(1e-2);
        assertThat(maxAbsDifference(spark, single)).as("data-parallel vs single-process parameters").isLessThanOrEqualTo(TOLERANCE);

        // Negative controls: what a trainer that sums without normalising, or drops a partition, would reach.
        double unnormalised = maxAbsDifference(spark, singleProcess(steps, PARTITIONS, false));
        double dropped = maxAbsDifference(spark, singleProcess(steps, 1.0, true));
        System.out.printf("SynchronousEquivalenceTest: max |data-parallel - single process| %.3g; unnormalised sum %.3g;"
                + " one partition dropped %.3g%n", maxAbsDifference(spark, single), unnormalised, dropped);
        assertThat(unnormalised).as("unnormalised sum").isGreaterThan(1e3 * TOLERANCE);
        assertThat(dropped).as("one partition dropped").isGreaterThan(1e3 * TOLERANCE);
    }

    @Test
    void threePartitionsOfUnequalShardsMatchOneProcessToo() {
        // 64 examples over 3 partitions: shards of 22, 21 and 21; 5 steps of 3 x 4. The sums run in another order.
        ExperimentConfig three = config(3);
        double[] spark = trainOnSpark(ToyRegressionExperiment.class, three, SparkTrainingOptions.synchronous(3),
                FailureInjection.NONE);
        double[] single = singleProcess(three, 3, 5, 1.0, false);
        assertThat(maxAbsDifference(spark, single)).as("3 partitions vs single process").isLessThanOrEqualTo(TOLERANCE);
        assertThat(maxAbsDifference(spark, singleProcess(three, 3, 5, 1.0, true))).as("partition 1 dropped")
                .isGreaterThan(1e3 * TOLERANCE);
    }

    @Test
    void aTrainerFedABrokenPartitionFailsTheBound() {
        double[] spark = trainOnSpark(LosesPartitionOne.class, SparkTrainingOptions.synchronous(PARTITIONS), FailureInjection.NONE);
        assertThat(maxAbsDifference(spark, singleProcess(8, 1.0, false))).isGreaterThan(1e3 * TOLERANCE);
    }

    @Test
    void aTaskThatFailsOnceAndIsRetriedGivesTheSameParameters() {
        double[] clean = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.synchronous(PARTITIONS),
                FailureInjection.NONE);
        FailureInjection failure = new FailureInjection(0, 3, 1);
        double[] retried = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.synchronous(PARTITIONS), failure);
        assertThat(failure.wasThrown()).as("the injected failure happened").isTrue();
        assertThat(retried).as("parameters after a retried task").containsExactly(clean);
    }

    @Test
    void localSgdWithOneLocalStepOfPlainSgdIsSynchronousSgd() {
        // With plain SGD and K = 1, averaging the partitions' p - lr g_i is p - lr mean(g_i): the synchronous step.
        // This checks local SGD's weighted parameter average against the gradient path to rounding.
        double[] synchronous = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.synchronous(PARTITIONS),
                FailureInjection.NONE);
        double[] local = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.localSgd(PARTITIONS, 1),
                FailureInjection.NONE);
        double[] initial = ReplicaRound.flatten(ToyRegressionExperiment.model(config), false);
        assertThat(maxAbsDifference(local, synchronous)).as("local SGD (K = 1) vs synchronous").isLessThanOrEqualTo(TOLERANCE);
        assertThat(maxAbsDifference(local, initial)).as("the parameters moved").isGreaterThan(1e-2);
    }

    @Test
    void barrierModeGivesTheSameParameters() {
        double[] plain = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.synchronous(PARTITIONS),
                FailureInjection.NONE);
        double[] barrier = trainOnSpark(ToyRegressionExperiment.class, SparkTrainingOptions.synchronous(PARTITIONS).withBarrier(),
                FailureInjection.NONE);
        assertThat(barrier).containsExactly(plain);
    }

    /** Partition 1's gradient is lost (its loss counts zero), as when a trainer drops a partition's result. */
    static final class LosesPartitionOne extends ToyRegressionExperiment {
        @Override
        double lossScale(int partition) {
            return partition == 1 ? 0.0 : 1.0;
        }
    }
}
