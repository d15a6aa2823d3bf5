package org.equivariant4j.ssl.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class KnnMonitorTest {

    @Test
    void aHandMadeVoteWhereWeightsBeatCounts() {
        // Bank: one very close example of class 1, two far-ish ones of class 0; query along (1, 0).
        Tensor bank = Tensors.of(new double[] {1, 0.05, 0.2, 1, 0.2, -1}, DType.FLOAT64, 3, 2);
        Tensor labels = Tensors.of(new long[] {1, 0, 0}, 3);
        Tensor query = Tensors.of(new double[] {1, 0}, DType.FLOAT64, 1, 2);
        // k = 3, temperature 0.1: class 1 weight e^(0.9988/0.1) = 21,760 beats 2 e^(0.196/0.1) = 14.2
        assertThat(new KnnMonitor(3, 0.1).predict(bank, labels, query)).containsExactly(1);
        // temperature 100: weights ~ equal, the two class-0 neighbours win
        assertThat(new KnnMonitor(3, 100).predict(bank, labels, query)).containsExactly(0);
        // k = 1: the nearest alone
        assertThat(new KnnMonitor(1, 100).predict(bank, labels, query)).containsExactly(1);
    }

    @Test
    void separatedClustersAreClassifiedPerfectlyAndShuffledLabelsAtChance() {
        Rng rng = new Rng(5);
        int n = 200;
        Tensor centres = Tensors.randn(rng, DType.FLOAT64, 4, 8).mul(3);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
        }
        Tensor labels = Tensors.of(y, n);
        Tensor points = centres.indexSelect(0, labels).add(Tensors.randn(rng, DType.FLOAT64, n, 8).mul(0.3));
        KnnMonitor knn = new KnnMonitor(10, 0.1);
        Tensor bank = points.narrow(0, 0, 100);
        Tensor queries = points.narrow(0, 100, 100);
        assertThat(knn.accuracy(bank, labels.narrow(0, 0, 100), queries, labels.narrow(0, 100, 100))).isEqualTo(1.0);
        long[] shuffled = new long[100];
        int[] perm = new Rng(9).permutation(100);
        for (int i = 0; i < 100; i++) {
            shuffled[i] = y[perm[i]];
        }
        double chance = knn.accuracy(bank, Tensors.of(shuffled, 100), queries, labels.narrow(0, 100, 100));
        assertThat(chance).isLessThan(0.5);
    }

    @Test
    void embeddingNormsAreTheMeanRowNorm() {
        Tensor z = Tensors.of(new double[] {3, 4, 0, 1}, DType.FLOAT64, 2, 2);
        assertThat(EmbeddingNorms.mean(z)).isCloseTo(3, within(1e-12));
    }
}
