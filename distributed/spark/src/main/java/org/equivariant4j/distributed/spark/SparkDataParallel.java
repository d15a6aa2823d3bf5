package org.equivariant4j.distributed.spark;

import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.nn.experiment.DataParallelExperiment;

/**
 * Starts a {@link DataParallelExperiment}'s run whose epochs train on Spark; evaluation, results and checkpoints stay
 * on the driver as in a local run.
 *
 * <pre>{@code
 * JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("nbody"));
 * ExperimentSource source = ExperimentSource.registered("nbody-egnn");
 * ExperimentConfig config = ExperimentConfig.resolve(source.experiment(), Map.of("epochs", "5"));
 * ExperimentRun run = SparkDataParallel.start(spark, source, config, SparkTrainingOptions.synchronous(2));
 * for (int epoch = 0; epoch < 5; epoch++) {
 *     run.trainEpoch(epoch, StepListener.NONE, () -> false);
 *     System.out.println(run.evaluate());
 * }
 * }</pre>
 */
public final class SparkDataParallel {
    private SparkDataParallel() {
    }

    /**
     * The driver's run of {@code config}, its epochs trained on {@code spark} as {@code options} say. An option whose
     * value is a URI of a Hadoop-compatible file system ({@code hdfs://...}, {@code s3a://...}, {@code file:/...}) is
     * shipped to the driver and every executor, which read their local copies (a dataset, a cache folder).
     *
     * @param source how the executors find the experiment (the driver uses it too)
     */
    public static ExperimentRun start(JavaSparkContext spark, ExperimentSource source, ExperimentConfig config,
            SparkTrainingOptions options) {
        return start(spark, source, config, options, FailureInjection.NONE);
    }

    /** {@link #start} with a task failure injected once (to show that Spark's retry changes nothing). */
    static ExperimentRun start(JavaSparkContext spark, ExperimentSource source, ExperimentConfig config,
            SparkTrainingOptions options, FailureInjection failure) {
        DataParallelExperiment experiment = source.experiment();
        Map<String, String> text = ShippedFiles.ship(spark, config.asText());
        ExperimentConfig local = ExperimentConfig.resolve(experiment, ShippedFiles.localise(text));
        return experiment.start(local, (model, optimizer, examples, batchSize, seed, lossName) -> {
            SparkEpochTrainer trainer = new SparkEpochTrainer(spark, source, text, options, model, optimizer,
                    new PartitionBatches(examples, options.partitions(), batchSize, seed), batchSize, lossName);
            trainer.injectFailure(failure);
            return trainer;
        });
    }
}
