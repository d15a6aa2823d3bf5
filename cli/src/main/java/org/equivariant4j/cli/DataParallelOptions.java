package org.equivariant4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.nn.experiment.DataParallelExperiment;
import org.equivariant4j.nn.experiment.DataParallelHost;
import org.equivariant4j.nn.experiment.DataParallelSettings;

import picocli.CommandLine.Option;

/**
 * {@code eq4j run}'s data-parallel flags: {@code --spark MASTER} trains the run's epochs on Apache Spark through the
 * {@code spark} {@link DataParallelHost} (module {@code equivariant4j-distributed-spark}, which the {@code eq4j}
 * launcher puts on the class path with Spark's jars when it sees {@code --spark}); evaluation, metrics, plots and
 * checkpoints stay on this JVM, the driver, as in a local run.
 */
final class DataParallelOptions {
    static final String HOST = "spark";

    @Option(names = "--spark", paramLabel = "MASTER", description = "Train data-parallel on Spark: local[2], spark://host:7077,"
            + " or default (the master spark-submit configured).")
    private String master;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0", description = "With --spark: data-parallel"
            + " workers (the batch size must be a multiple; default: Spark's default parallelism).")
    private int partitions;

    @Option(names = "--local-steps", paramLabel = "K", defaultValue = "0", description = "With --spark: local SGD, K"
            + " steps on each worker between parameter averages (default 0: synchronous SGD).")
    private int localSteps;

    @Option(names = "--barrier", description = "With --spark: run each step's tasks as a barrier stage (all at once).")
    private boolean barrier;

    /**
     * Whether the run is data-parallel.
     *
     * @throws Equivariant4jException when a data-parallel flag is given without {@code --spark} (it would be ignored)
     */
    boolean enabled() {
        if (master == null && (partitions != 0 || localSteps != 0 || barrier)) {
            throw new Equivariant4jException("--partitions, --local-steps and --barrier apply to a data-parallel run only;"
                    + " add --spark MASTER (e.g. --spark local[2]) or drop them");
        }
        return master != null;
    }

    /**
     * Starts {@code experiment}'s run on the cluster.
     *
     * @throws Equivariant4jException when the experiment cannot be trained data-parallel, or no host is on the class
     *         path, saying what to do instead
     */
    DataParallelHost.Session start(Experiment experiment, ExperimentConfig config) {
        return host().start(check(experiment), config, new DataParallelSettings(master, partitions, localSteps, barrier));
    }

    /**
     * Refuses what cannot run before any data is generated or folder claimed: an experiment that is not data-parallel,
     * negative counts, no host on the class path.
     */
    DataParallelExperiment check(Experiment experiment) {
        if (!(experiment instanceof DataParallelExperiment dp)) {
            throw new Equivariant4jException("experiment '" + experiment.id() + "' cannot be trained data-parallel (it does"
                    + " not implement DataParallelExperiment); run it without --spark");
        }
        if (partitions < 0 || localSteps < 0) {
            throw new Equivariant4jException("--partitions and --local-steps must be >= 0, got " + partitions + " and "
                    + localSteps);
        }
        host();
        return dp;
    }

    private static DataParallelHost host() {
        List<String> found = new ArrayList<>();
        for (DataParallelHost h : ServiceLoader.load(DataParallelHost.class)) {
            if (h.name().equals(HOST)) {
                return h;
            }
            found.add(h.name());
        }
        throw new Equivariant4jException("--spark: no Spark host on the class path (found " + (found.isEmpty() ? "none" : found)
                + "); run through the eq4j launcher, which adds equivariant4j-distributed-spark and Spark's jars when it sees"
                + " --spark, or put them on the class path yourself (see distributed/spark/README.md)");
    }
}
