package org.equivariant4j.nn.experiment;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * How a {@link DataParallelHost} trains a run.
 *
 * @param master     where to run: the host's address of a cluster (Spark: {@code local[2]}, {@code spark://host:7077},
 *                   or {@code default} for the one {@code spark-submit} configured)
 * @param partitions data-parallel workers; 0 lets the host choose (Spark: its default parallelism)
 * @param localSteps 0 for synchronous SGD, K &gt;= 1 for local SGD with K local steps between parameter averages
 * @param barrier    run each step's tasks together or not at all (gang scheduling)
 */
public record DataParallelSettings(String master, int partitions, int localSteps, boolean barrier) {

    public DataParallelSettings {
        if (master == null || master.isBlank()) {
            throw new InvalidArgumentException("DataParallelSettings: the master is empty; give a cluster address");
        }
        if (partitions < 0 || localSteps < 0) {
            throw new InvalidArgumentException("DataParallelSettings: partitions and local steps must be >= 0, got "
                    + partitions + " and " + localSteps);
        }
    }
}
