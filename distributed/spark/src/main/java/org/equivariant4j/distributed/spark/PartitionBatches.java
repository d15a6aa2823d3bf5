package org.equivariant4j.distributed.spark;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Which training examples partition {@code p} of {@code P} uses at each step: it owns the examples {@code i} with
 * {@code i mod P == p} (as {@link org.equivariant4j.nn.experiment.TrainingReplica} documents), shuffles them each
 * epoch with a stream seeded by (seed, epoch, p) and takes consecutive slices of {@code batchPerPartition}. Every
 * partition runs the same number of steps per epoch (the smallest partition's full batches; the rest is dropped, as
 * the local trainers drop the last partial batch). A function of its arguments only: a retried task, or a resumed
 * run, uses the same examples.
 */
final class PartitionBatches implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int examples;
    private final int partitions;
    private final int batchPerPartition;
    private final long seed;

    /**
     * @throws InvalidArgumentException when the batch does not divide among the partitions, or a partition has
     *         fewer examples than its share of one batch
     */
    PartitionBatches(int examples, int partitions, int batchSize, long seed) {
        if (partitions < 1) {
            throw new InvalidArgumentException("data-parallel training: need at least 1 partition, got " + partitions);
        }
        if (batchSize % partitions != 0) {
            throw new InvalidArgumentException("data-parallel training: the batch size " + batchSize
                    + " does not divide among " + partitions + " partitions; choose a multiple of " + partitions);
        }
        this.examples = examples;
        this.partitions = partitions;
        this.batchPerPartition = batchSize / partitions;
        this.seed = seed;
        if (owned(partitions - 1) < batchPerPartition) {
            throw new InvalidArgumentException("data-parallel training: " + examples + " training examples over "
                    + partitions + " partitions leave " + owned(partitions - 1) + " for the smallest, fewer than its share "
                    + batchPerPartition + " of a batch of " + batchSize);
        }
    }

    int partitions() {
        return partitions;
    }

    int batchPerPartition() {
        return batchPerPartition;
    }

    /** Examples partition {@code p} owns. */
    int owned(int p) {
        return (examples - p + partitions - 1) / partitions;
    }

    /** Steps of one epoch, the same for every partition. */
    int stepsPerEpoch() {
        return owned(partitions - 1) / batchPerPartition;
    }

    /** The examples (indices into the whole training set) of partition {@code p} at {@code step} of {@code epoch}. */
    int[] batch(int epoch, int step, int p) {
        int[] order = new Rng(mix(seed, epoch, p)).permutation(owned(p));
        int[] out = Arrays.copyOfRange(order, step * batchPerPartition, (step + 1) * batchPerPartition);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * partitions + p;
        }
        return out;
    }

    /** The random stream of partition {@code p}'s loss at {@code step} of {@code epoch} (dropout, augmentation). */
    Rng lossRng(int epoch, int step, int p) {
        return new Rng(mix(mix(seed, epoch, step), p, -1));
    }

    /** A well-mixed seed of (seed, a, b): distinct streams for distinct epochs, steps and partitions. */
    static long mix(long seed, long a, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + (a + 1) * 0xBF58476D1CE4E5B9L + (b + 1) * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
