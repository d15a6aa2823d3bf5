package org.equivariant4j.benchmarks;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The MLP training step written by hand in raw ND4J: the floor the framework's version could
 * reach on this engine. Forward with {@code Nd4j.gemm}, softmax cross-entropy, the backward
 * derived by hand, and ND4J's own fused Adam updater (DL4J's) applied in place.
 *
 * <p>Layers: in -> hidden (ReLU) -> hidden (ReLU) -> classes, weights stored [in, out].
 */
public final class RawNd4jMlp {
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final AdamUpdater[] weightUpdaters;
    private final AdamUpdater[] biasUpdaters;
    private int iteration;

    /** Deterministic weights scaled by 1/sqrt(fan-in), zero biases, Adam with learning rate {@code lr}. */
    public RawNd4jMlp(int in, int hidden, int classes, double lr) {
        int[][] dims = {{in, hidden}, {hidden, hidden}, {hidden, classes}};
        weights = new INDArray[3];
        biases = new INDArray[3];
        weightUpdaters = new AdamUpdater[3];
        biasUpdaters = new AdamUpdater[3];
        for (int l = 0; l < 3; l++) {
            int fanIn = dims[l][0];
            weights[l] = Nd4j.create(BenchSupport.detValues(20 + l, 1.0 / Math.sqrt(fanIn), dims[l]), new long[] {fanIn, dims[l][1]}, 'c');
            biases[l] = Nd4j.zeros(Nd4j.dataType(), 1, dims[l][1]);
            weightUpdaters[l] = updater(lr, weights[l]);
            biasUpdaters[l] = updater(lr, biases[l]);
        }
    }

    private static AdamUpdater updater(double lr, INDArray param) {
        AdamUpdater u = new AdamUpdater(new Adam(lr));
        // Adam keeps two moments per entry, m then v, in one state array.
        INDArray state = Nd4j.zeros(param.dataType(), 1, 2 * param.length());
        u.setStateViewArray(state, param.shape(), 'c', true);
        return u;
    }

    /** Labels as the one-hot [B, classes] matrix {@link #step} takes. */
    public static INDArray oneHot(long[] labels, int classes) {
        INDArray out = Nd4j.zeros(Nd4j.dataType(), labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            out.putScalar(i, labels[i], 1.0);
        }
        return out;
    }

    /** One step on a batch {@code x} [B, in] with one-hot labels {@code target} [B, classes]; returns the mean loss. */
    public double step(INDArray x, INDArray target) {
        // ---- forward, keeping the activations the backward needs
        INDArray z1 = linear(x, 0);
        INDArray h1 = Transforms.relu(z1, true);
        INDArray z2 = linear(h1, 1);
        INDArray h2 = Transforms.relu(z2, true);
        INDArray logits = linear(h2, 2);
        // ---- softmax cross-entropy; d(loss)/d(logits) = (softmax - onehot) / B
        // (log-softmax, not log(softmax): a probability that underflows to 0 would give 0 * -inf = NaN)
        INDArray logProbs = Nd4j.exec(new LogSoftMax(logits, 1))[0];
        int batch = (int) x.size(0);
        double loss = -logProbs.mul(target).sumNumber().doubleValue() / batch;
        INDArray dz = Transforms.exp(logProbs, false).subi(target).divi(batch);
        // ---- backward, layer by layer; ReLU passes the gradient where its output is positive
        INDArray[] activations = {x, h1, h2};
        INDArray[] gradW = new INDArray[3];
        INDArray[] gradB = new INDArray[3];
        for (int l = 2; l >= 0; l--) {
            gradW[l] = gemm(activations[l], dz, true, false);
            gradB[l] = dz.sum(true, 0);
            if (l > 0) {
                INDArray dh = gemm(dz, weights[l], false, true);
                dz = dh.muli(activations[l].gt(0).castTo(dh.dataType()));
            }
        }
        // ---- Adam, in place: the updater turns the gradient into the update
        iteration++;
        for (int l = 0; l < 3; l++) {
            weightUpdaters[l].applyUpdater(gradW[l], iteration, 0);
            weights[l].subi(gradW[l]);
            biasUpdaters[l].applyUpdater(gradB[l], iteration, 0);
            biases[l].subi(gradB[l]);
        }
        return loss;
    }

    private INDArray linear(INDArray in, int layer) {
        return gemm(in, weights[layer], false, false).addiRowVector(biases[layer]);
    }

    private static INDArray gemm(INDArray a, INDArray b, boolean transA, boolean transB) {
        long m = transA ? a.size(1) : a.size(0);
        long n = transB ? b.size(0) : b.size(1);
        INDArray out = Nd4j.createUninitialized(a.dataType(), new long[] {m, n}, 'c');
        return Nd4j.gemm(a, b, out, transA, transB, 1.0, 0.0);
    }
}
