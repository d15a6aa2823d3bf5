package org.equivariant4j.ssl.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * SimCLR's normalised-temperature cross entropy. For views {@code z1, z2 [N, D]} the 2N normalised rows are compared
 * by cosine over {@code temperature}; row i's positive is its other view (i ± N) and the 2N - 2 other rows are its
 * negatives; the loss is the mean over all 2N rows of {@code -log softmax} at the positive, self-similarity excluded.
 */
public final class NtXentLoss {
    private final double temperature;

    public NtXentLoss(double temperature) {
        if (!(temperature > 0)) {
            throw new InvalidArgumentException("NtXentLoss: expected a temperature > 0 but was " + temperature);
        }
        this.temperature = temperature;
    }

    public double temperature() {
        return temperature;
    }

    /** The scalar loss of two views (row k of each from the same image). */
    public Tensor compute(Tensor z1, Tensor z2) {
        Cosine.requireMatrix("NtXentLoss", z1);
        if (!Arrays.equals(z1.shape(), z2.shape()) || z1.size(0) < 2) {
            throw new ShapeMismatchException("NtXentLoss: expected two views [N, D] of one shape with N >= 2 (a negative per"
                    + " row) but were " + Arrays.toString(z1.shape()) + " and " + Arrays.toString(z2.shape()));
        }
        int n = z1.size(0);
        Tensor z = Cosine.normalize(Tensors.concat(0, z1, z2));
        Tensor logits = z.matmul(z.transpose(0, 1)).div(temperature);
        double[] eye = new double[4 * n * n];
        long[] positive = new long[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            eye[i * 2 * n + i] = 1;
            positive[i] = (i + n) % (2 * n);
        }
        // -inf would give 0 * inf = NaN in some backward kernels; a large finite value has weight exp(-1e9) = 0 all the same.
        Tensor masked = logits.maskedFill(Tensors.of(eye, DType.FLOAT64, 2 * n, 2 * n).gt(0.5), -1e9);
        Tensor logProbs = masked.logSoftmax(1);
        return logProbs.gather(1, Tensors.of(positive, 2 * n, 1)).mean().neg();
    }

    @Override
    public String toString() {
        return "NtXentLoss(temperature " + temperature + ")";
    }
}
