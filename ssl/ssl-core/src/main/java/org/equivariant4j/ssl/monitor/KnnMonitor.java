package org.equivariant4j.ssl.monitor;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.ssl.loss.Cosine;

/**
 * The weighted kNN classifier SSL papers monitor training with (InstDisc's, as in SimCLR/BYOL code bases): a query is
 * compared by cosine similarity with every embedded example of a labelled bank; its {@code k} most similar examples vote
 * for their class with weight {@code exp(similarity / temperature)}; the class with the largest vote wins (ties: the
 * lower class index). Nothing is trained, so the accuracy measures the embedding itself.
 */
public final class KnnMonitor {
    private static final int CHUNK = 256;

    private final int k;
    private final double temperature;

    public KnnMonitor(int k, double temperature) {
        if (k < 1) {
            throw new InvalidArgumentException("KnnMonitor: expected k >= 1 but was " + k);
        }
        if (!(temperature > 0)) {
            throw new InvalidArgumentException("KnnMonitor: expected a temperature > 0 but was " + temperature);
        }
        this.k = k;
        this.temperature = temperature;
    }

    /**
     * Accuracy of {@code encoder}'s features ({@code [N, D]}) on {@code queries}, with {@code bank} as the labelled
     * memory; the encoder runs in eval mode without a graph and is put back into training mode afterwards.
     */
    public double accuracy(UnaryModule encoder, TensorDataset bank, TensorDataset queries) {
        boolean training = encoder.isTraining();
        encoder.eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return accuracy(embed(encoder, bank.features()), bank.labels(), embed(encoder, queries.features()),
                    queries.labels());
        } finally {
            if (training) {
                encoder.train();
            }
        }
    }

    /** Accuracy of the kNN vote for {@code queries} {@code [Q, D]} against the labelled {@code bank} {@code [M, D]}. */
    public double accuracy(Tensor bank, Tensor bankLabels, Tensor queries, Tensor queryLabels) {
        long[] predicted = predict(bank, bankLabels, queries);
        long[] truth = queryLabels.toLongArray();
        if (truth.length != predicted.length) {
            throw new ShapeMismatchException("KnnMonitor: expected one label per query (" + predicted.length + ") but was "
                    + truth.length);
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) correct / truth.length;
    }

    /** The predicted class of every query row. */
    public long[] predict(Tensor bank, Tensor bankLabels, Tensor queries) {
        if (bank.rank() != 2 || queries.rank() != 2 || bank.size(1) != queries.size(1)) {
            throw new ShapeMismatchException("KnnMonitor: expected bank [M, D] and queries [Q, D] but were "
                    + Arrays.toString(bank.shape()) + " and " + Arrays.toString(queries.shape()));
        }
        long[] labels = bankLabels.toLongArray();
        if (labels.length != bank.size(0)) {
            throw new ShapeMismatchException("KnnMonitor: expected one label per bank row (" + bank.size(0) + ") but was "
                    + labels.length);
        }
        int classes = (int) Arrays.stream(labels).max().orElse(0) + 1;
        int m = bank.size(0);
        int neighbours = Math.min(k, m);
        Tensor memory = Cosine.normalize(bank).transpose(0, 1);
        int q = queries.size(0);
        long[] out = new long[q];
        for (int start = 0; start < q; start += CHUNK) {
            int rows = Math.min(CHUNK, q - start);
            double[] sim = Cosine.normalize(queries.narrow(0, start, rows)).matmul(memory).toDoubleArray();
            for (int r = 0; r < rows; r++) {
                out[start + r] = vote(sim, r * m, m, neighbours, labels, classes);
            }
        }
        return out;
    }

    private long vote(double[] sim, int offset, int m, int neighbours, long[] labels, int classes) {
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        // Most similar first; equal similarities by bank index, so the vote is deterministic.
        Arrays.sort(order, (a, b) -> sim[offset + a] != sim[offset + b] ? Double.compare(sim[offset + b], sim[offset + a])
                : Integer.compare(a, b));
        double[] votes = new double[classes];
        for (int j = 0; j < neighbours; j++) {
            int idx = order[j];
            votes[(int) labels[idx]] += Math.exp(sim[offset + idx] / temperature);
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    private static Tensor embed(UnaryModule encoder, Tensor images) {
        int n = images.size(0);
        Tensor[] parts = new Tensor[(n + CHUNK - 1) / CHUNK];
        for (int i = 0; i < parts.length; i++) {
            int rows = Math.min(CHUNK, n - i * CHUNK);
            parts[i] = encoder.forward(images.narrow(0, i * CHUNK, rows));
        }
        return parts.length == 1 ? parts[0] : Tensors.concat(0, parts);
    }

    @Override
    public String toString() {
        return "KnnMonitor(k " + k + ", temperature " + temperature + ")";
    }
}
