package org.equivariant4j.distributed.spark;

import java.io.Serializable;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * How a run is trained on Spark.
 *
 * @param partitions the data-parallel workers (Spark partitions, one task each per step); the batch size must be a
 *                   multiple of it
 * @param localSteps 0 for synchronous SGD (every step's gradients summed, the driver's optimiser applies them); K &gt;= 1
 *                   for local SGD: each partition takes K steps with its own optimiser from the broadcast parameters,
 *                   then the driver averages the parameters (weighted by examples)
 * @param barrier    run each step's tasks as a barrier stage: all start together or none does (gang scheduling, the
 *                   mode of MPI-style jobs), and one failure retries them all
 * @param treeDepth  depth of {@code treeAggregate}'s reduction tree (2: the driver receives about {@code sqrt(partitions)}
 *                   partial sums)
 */
public record SparkTrainingOptions(int partitions, int localSteps, boolean barrier, int treeDepth) implements Serializable {

    public SparkTrainingOptions {
        if (partitions < 1) {
            throw new InvalidArgumentException("SparkTrainingOptions: partitions must be >= 1, got " + partitions);
        }
        if (localSteps < 0) {
            throw new InvalidArgumentException("SparkTrainingOptions: local steps must be 0 (synchronous SGD) or >= 1 (local"
                    + " SGD), got " + localSteps);
        }
        if (treeDepth < 1) {
            throw new InvalidArgumentException("SparkTrainingOptions: tree depth must be >= 1, got " + treeDepth);
        }
    }

    /** Synchronous SGD over {@code partitions}, tree depth 2, no barrier. */
    public static SparkTrainingOptions synchronous(int partitions) {
        return new SparkTrainingOptions(partitions, 0, false, 2);
    }

    /** Local SGD: {@code k} local steps per round over {@code partitions}, then parameter averaging. */
    public static SparkTrainingOptions localSgd(int partitions, int k) {
        if (k < 1) {
            throw new InvalidArgumentException("SparkTrainingOptions: local SGD needs k >= 1 local steps, got " + k);
        }
        return new SparkTrainingOptions(partitions, k, false, 2);
    }

    /** These options in barrier execution mode. */
    public SparkTrainingOptions withBarrier() {
        return new SparkTrainingOptions(partitions, localSteps, true, treeDepth);
    }

    /** Whether this is local SGD (parameter averaging) rather than synchronous SGD. */
    public boolean isLocalSgd() {
        return localSteps > 0;
    }

    @Override
    public String toString() {
        return (isLocalSgd() ? "local SGD (" + localSteps + " local steps)" : "synchronous SGD") + " on " + partitions
                + " partitions" + (barrier ? ", barrier mode" : "");
    }
}
