package org.equivariant4j.nn.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Splits a {@link Dataset} into mini-batches, epoch by epoch.
 *
 * <p>With shuffling, the order of epoch {@code e} is a permutation drawn from a stream derived
 * from the loader's seed and {@code e} alone, so any epoch can be replayed (e.g. when resuming)
 * without iterating the ones before it. Batches are requested from the dataset in bulk
 * ({@link Dataset#batch(int[])}) and built lazily as the iteration proceeds.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(dataset).batchSize(64).shuffle(42).dropLast(true).build();
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch batch : loader.epoch(epoch)) { ... }
 * }
 * }</pre>
 */
public final class DataLoader implements Iterable<Batch> {
    /** Odd 64-bit constant (the golden ratio) that spreads epoch numbers over the seed space. */
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private int nextEpoch;

    private DataLoader(Builder b) {
        if (b.batchSize <= 0) {
            throw new InvalidArgumentException("DataLoader: batch size must be positive, got " + b.batchSize);
        }
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.dropLast = b.dropLast;
        if (batchesPerEpoch() == 0) {
            throw new InvalidArgumentException("DataLoader: " + dataset.size() + " examples make no batch of " + batchSize
                    + (dropLast ? " with dropLast" : ""));
        }
    }

    public static Builder builder(Dataset dataset) {
        return new Builder(dataset);
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch: {@code size / batchSize}, rounded down with dropLast, up otherwise. */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The example indices of epoch {@code epoch}, in the order they are served. */
    public int[] order(int epoch) {
        if (epoch < 0) {
            throw new InvalidArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        }
        int n = dataset.size();
        if (!shuffle) {
            int[] identity = new int[n];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        return new Rng(seed + epoch * EPOCH_STRIDE).permutation(n);
    }

    /** The batches of epoch {@code epoch}. */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        int batches = batchesPerEpoch();
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: epoch " + epoch + " has " + batches + " batches");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, order.length);
                next++;
                return dataset.batch(Arrays.copyOfRange(order, from, to));
            }
        };
    }

    /** The batches of the next epoch: 0 on the first call, then 1, 2, ... */
    @Override
    public Iterator<Batch> iterator() {
        return epoch(nextEpoch++).iterator();
    }

    @Override
    public String toString() {
        return "DataLoader(" + dataset.size() + " examples, batch " + batchSize + (shuffle ? ", shuffled with seed " + seed : "")
                + (dropLast ? ", dropLast" : "") + ")";
    }

    /** Options of a {@link DataLoader}; defaults: batch size 32, no shuffling, keep the last partial batch. */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 32;
        private boolean shuffle;
        private long seed;
        private boolean dropLast;

        private Builder(Dataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** Shuffles every epoch with a permutation derived from {@code seed} and the epoch number. */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.seed = seed;
            return this;
        }

        /** Drops the last batch of an epoch when it is smaller than the batch size. */
        public Builder dropLast(boolean value) {
            this.dropLast = value;
            return this;
        }

        public DataLoader build() {
            return new DataLoader(this);
        }
    }
}
