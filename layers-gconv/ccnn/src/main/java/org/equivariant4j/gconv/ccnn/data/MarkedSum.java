package org.equivariant4j.gconv.ccnn.data;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * A long-range sequence classification task in the spirit of the adding problem (Hochreiter and
 * Schmidhuber 1997): channel 0 holds {@code length} values drawn from U(-1, 1), channel 1 marks
 * two of them with a 1; the label is whether the two marked values sum to more than zero. Both
 * marks lie in the first half of the sequence, so a causal model read at the last step must carry
 * what it saw over at least {@code length / 2} steps: a model whose receptive field is shorter
 * sees no marked value and is at chance (50 %). Seeded: the same arguments give the same set.
 * Features {@code [n, 2, length]} FLOAT32, labels INT64 {@code [n]}, balanced in expectation.
 */
public final class MarkedSum {
    private MarkedSum() {
    }

    public static TensorDataset generate(int n, int length, Rng rng) {
        if (n < 1 || length < 4) {
            throw new InvalidArgumentException("MarkedSum: need n >= 1 and length >= 4, got " + n + ", " + length);
        }
        float[] x = new float[n * 2 * length];
        long[] labels = new long[n];
        int half = length / 2;
        for (int i = 0; i < n; i++) {
            int base = i * 2 * length;
            for (int t = 0; t < length; t++) {
                x[base + t] = (float) rng.nextDouble(-1, 1);
            }
            int first = rng.nextInt(half);
            int second = rng.nextInt(half - 1);
            second = second >= first ? second + 1 : second;
            x[base + length + first] = 1;
            x[base + length + second] = 1;
            labels[i] = x[base + first] + x[base + second] > 0 ? 1 : 0;
        }
        return new TensorDataset(Tensors.of(x, n, 2, length).to(DType.FLOAT32), Tensors.of(labels, n));
    }
}
