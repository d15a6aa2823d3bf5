package org.equivariant4j.nn.experiment;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;

/**
 * A cluster engine that trains {@link DataParallelExperiment}s, found through {@link java.util.ServiceLoader} so that
 * the {@code eq4j} command needs no cluster library to compile or to run locally: {@code eq4j run <id> --spark
 * local[2]} looks for the host named {@code spark} (module {@code equivariant4j-distributed-spark}).
 */
public interface DataParallelHost {

    /** The host's name, e.g. {@code "spark"}. */
    String name();

    /**
     * Connects to the cluster and starts the run of {@code config} on it (the driver's side, see
     * {@link DataParallelExperiment#start(ExperimentConfig, DataParallelTraining)}).
     */
    Session start(DataParallelExperiment experiment, ExperimentConfig config, DataParallelSettings settings);

    /** A started data-parallel run and its connection to the cluster, released by {@link #close()}. */
    interface Session extends AutoCloseable {

        /** The run, trained and evaluated as a local one. */
        ExperimentRun run();

        /** One line for logs: the cluster and how it trains, e.g. {@code "Spark local[2], synchronous SGD on 2 partitions"}. */
        String description();

        /** Releases the cluster connection this session opened (one it found open stays open). */
        @Override
        void close();
    }
}
