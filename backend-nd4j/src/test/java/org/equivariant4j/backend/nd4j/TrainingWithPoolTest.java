package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Training reads and writes the same numbers with the pool on and off: a small MLP (matmul, bias,
 * ReLU, log-softmax, label pick, mean; a second branch through tanh and a reshape view) trained by
 * SGD for some steps ends with bit-identical parameters and losses, and with the pool on, buffers
 * really were reused (else the comparison would prove nothing). The surefire configuration
 * poisons every returned buffer (NaN), so a buffer reused while a tensor still reads it would change
 * the numbers; the last test shows that it does.
 */
class TrainingWithPoolTest {
    private static final int STEPS = 25;

    @AfterEach
    void poolOnAgain() {
        BufferPool.process().enabled(true);
    }

    private record Run(List<float[]> params, List<Float> losses) {
    }

    private static Run train(boolean pool) {
        BufferPool.process().enabled(pool);
        Rng rng = new Rng(3);
        Tensor w1 = Tensors.randn(rng, DType.FLOAT32, 16, 12).mul(0.3).requiresGrad(true);
        Tensor b1 = Tensors.zeros(DType.FLOAT32, 12).requiresGrad(true);
        Tensor w2 = Tensors.randn(rng, DType.FLOAT32, 12, 5).mul(0.3).requiresGrad(true);
        Tensor x = Tensors.randn(rng, DType.FLOAT32, 32, 16);
        long[] labels = new long[32];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7L + 3) % 5;
        }
        long[] offsets = new long[32];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i * 5L + labels[i];
        }
        Tensor pick = Tensors.of(offsets, 32);
        List<Tensor> params = List.of(w1, b1, w2);
        List<Float> losses = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            Tensor h = x.matmul(w1).add(b1).relu();
            Tensor side = h.reshape(32, 3, 4).tanh().sum(2, false).mean();
            Tensor logits = h.matmul(w2);
            Tensor nll = logits.logSoftmax(1).reshape(160).indexSelect(0, pick).mean().neg();
            Tensor loss = nll.add(side.mul(0.1));
            loss.backward();
            losses.add((float) loss.item());
            for (Tensor p : params) {
                Nd4jUpdateKernels.INSTANCE.scaleAdd(p, 1.0, p.grad(), -0.1);
                p.zeroGrad();
            }
        }
        List<float[]> out = new ArrayList<>();
        for (Tensor p : params) {
            out.add(p.toFloatArray());
        }
        return new Run(out, losses);
    }

    @Test
    void parametersAndLossesAreBitIdenticalWithThePoolOnAndOff() {
        long reused = BufferPool.process().counters().count(PoolCounters.Event.REUSED);
        Run on = train(true);
        long reusedDuringOn = BufferPool.process().counters().count(PoolCounters.Event.REUSED) - reused;
        Run off = train(false);
        assertThat(reusedDuringOn).as("buffers served from the pool while training with it on").isGreaterThan(STEPS);
        assertThat(on.losses()).containsExactlyElementsOf(off.losses());
        assertThat(on.losses().get(STEPS - 1)).as("it trains").isLessThan(on.losses().get(0));
        for (int i = 0; i < off.params().size(); i++) {
            assertThat(on.params().get(i)).as("parameter %d", i).containsExactly(off.params().get(i));
        }
    }

    /**
     * The negative control: give back a buffer that a graph value still uses, and the gradient is spoiled. How it
     * shows depends on who takes the block next: the poison (NaN) when nobody does before the read, or another
     * array's values when a later allocation of the same size class takes it first (here the backward of {@code sum}
     * spreads its gradient into a fresh [4, 6] array, the block just given back). Either way the gradient is not the
     * one a run without the misuse computes.
     */
    @Test
    void aBufferGivenBackWhileAValueReadsItIsCaught() {
        BufferPool.process().enabled(true);
        BufferPool.process().poison(true);
        float[] correct = gradientOfSquares(false);
        float[] spoiled = gradientOfSquares(true);
        assertThat(spoiled).isNotEqualTo(correct);
    }

    /** d/dw of sum((x w)²) for seeded x and w; {@code releaseH}: wrongly give h's memory back before the backward. */
    private static float[] gradientOfSquares(boolean releaseH) {
        Rng rng = new Rng(5);
        Tensor w = Tensors.randn(rng, DType.FLOAT32, 6, 6).requiresGrad(true);
        Tensor x = Tensors.randn(rng, DType.FLOAT32, 4, 6);
        Tensor h = x.matmul(w);
        Tensor loss = h.mul(h).sum();
        if (releaseH) {
            // mul's backward reads its inputs: an owner that wrongly gives h's memory back spoils the gradient.
            BufferPool.release(((Nd4jTensor) h).value().data());
        }
        loss.backward();
        return w.grad().toFloatArray();
    }
}
