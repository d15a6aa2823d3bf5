package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward pass frees intermediate gradients early ({@link GradientBuffers}); nothing anyone can
 * still read may be among them. Graphs mixing views (reshape, permute, transpose, narrow),
 * pass-through gradients (add, identity casts), inputs used several times and every op family are
 * run with the early frees on and off: the gradients must be identical, every tensor the caller
 * kept (intermediate results, the seed, leaves' gradients) must read the same values afterwards,
 * and a second backward over the same graph must give the same gradients again.
 */
class GradientBuffersTest {
    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(GradientBuffers.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(GradientBuffers.PROPERTY);
        } else {
            System.setProperty(GradientBuffers.PROPERTY, saved);
        }
    }

    /** A graph of the inputs that records every intermediate result it makes in {@code kept}. */
    private interface Graph {
        Tensor build(Tensor[] in, List<Tensor> kept);
    }

    private static final Graph VIEWS_AND_PASS_THROUGH = (in, kept) -> {
        Tensor x = in[0];
        Tensor w = in[1];
        Tensor r = keep(kept, x.reshape(4, 6));
        Tensor t = keep(kept, r.transpose(0, 1));
        Tensor p = keep(kept, t.permute(1, 0));
        Tensor n = keep(kept, p.narrow(1, 1, 4));
        Tensor same = keep(kept, n.to(DType.FLOAT64));
        Tensor twice = keep(kept, same.add(same));
        Tensor lin = keep(kept, x.reshape(4, 6).matmul(w.transpose(0, 1)));
        return keep(kept, twice.sum(1, false).add(lin.relu().sum(1, false)).mul(x.reshape(4, 6).mean(1, false)).sum());
    };

    private static final Graph SOFTMAX_INDEX_AND_SEGMENTS = (in, kept) -> {
        Tensor x = in[0].reshape(6, 4);
        Tensor ids = Tensors.of(new long[] {0, 2, 2, 1, 0, 2}, 6);
        Tensor seg = keep(kept, x.segmentSum(ids, 3));
        Tensor gathered = keep(kept, seg.indexSelect(0, Tensors.of(new long[] {2, 2, 0, 1}, 4)));
        Tensor ls = keep(kept, gathered.logSoftmax(1));
        Tensor sm = keep(kept, x.softmax(0));
        Tensor lse = keep(kept, x.logSumExp(1, true));
        Tensor padded = keep(kept, x.pad(new int[] {1, 2}, PadMode.CONSTANT, 0.0));
        return keep(kept, ls.sum().add(sm.mul(sm).sum()).add(lse.sum()).add(padded.silu().sum()));
    };

    private static final Graph CONVOLUTION = (in, kept) -> {
        Tensor img = keep(kept, in[0].reshape(1, 1, 4, 6));
        Tensor k = keep(kept, in[1].narrow(0, 0, 2).narrow(1, 0, 4).reshape(2, 1, 2, 2));
        Tensor y = keep(kept, img.conv(k, null, ConvSpec.of(2).withPadding(1)));
        return keep(kept, y.tanh().mul(y).sum());
    };

    private static Tensor keep(List<Tensor> kept, Tensor t) {
        kept.add(t);
        return t;
    }

    @Test
    void viewsAndPassThroughGradients() {
        assertSameWithAndWithoutEarlyFrees(VIEWS_AND_PASS_THROUGH);
    }

    @Test
    void softmaxIndexingAndSegments() {
        assertSameWithAndWithoutEarlyFrees(SOFTMAX_INDEX_AND_SEGMENTS);
    }

    @Test
    void convolution() {
        assertSameWithAndWithoutEarlyFrees(CONVOLUTION);
    }

    @Test
    void aCallersSeedAndANonScalarRootSurviveTheirBackward() {
        Tensor x = Tensors.randn(new Rng(5), DType.FLOAT64, 3, 4).requiresGrad(true);
        Tensor y = x.mul(2.0).reshape(4, 3).transpose(0, 1);
        Tensor seed = Tensors.randn(new Rng(6), DType.FLOAT64, 3, 4);
        double[] seedValues = seed.toDoubleArray();
        double[] yValues = y.toDoubleArray();
        y.backward(seed);
        y.backward(seed);
        assertThat(seed.toDoubleArray()).containsExactly(seedValues);
        assertThat(y.toDoubleArray()).containsExactly(yValues);
        double[] once = expectedReshapeTransposeGradient(seedValues);
        double[] g = x.grad().toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            assertThat(g[i]).isEqualTo(2 * once[i]);
        }
    }

    /** d/dx of sum(seed * (2x).reshape(4, 3).transpose(0, 1)): 2 * seed laid out back through the views. */
    private static double[] expectedReshapeTransposeGradient(double[] seed) {
        double[] out = new double[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                // y[i][j] = r[j][i] = 2 x.flat[j * 3 + i]
                out[j * 3 + i] = 2 * seed[i * 4 + j];
            }
        }
        return out;
    }

    @Test
    void anAdoptedLeafGradientKeepsAccumulatingAndIsNotAnotherTensorsMemory() {
        Tensor x = Tensors.randn(new Rng(7), DType.FLOAT64, 5).requiresGrad(true);
        Tensor y = x.mul(3.0);
        y.sum().backward();
        Tensor first = x.grad();
        assertThat(first.toDoubleArray()).containsOnly(3.0);
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsOnly(6.0);
        assertThat(y.toDoubleArray()).containsExactly(x.mul(3.0).toDoubleArray());
    }

    private static void assertSameWithAndWithoutEarlyFrees(Graph graph) {
        Result off = run(graph, "false");
        Result on = run(graph, "true");
        assertThat(on.grads).hasSameSizeAs(off.grads);
        for (int i = 0; i < off.grads.size(); i++) {
            assertThat(on.grads.get(i)).as("gradient of input %d", i).containsExactly(off.grads.get(i));
            assertThat(on.secondGrads.get(i)).as("gradient of input %d after a second backward", i)
                    .containsExactly(off.secondGrads.get(i));
        }
        for (int i = 0; i < off.keptAfter.size(); i++) {
            assertThat(on.keptAfter.get(i)).as("kept tensor %d after both backward passes", i).containsExactly(on.keptBefore.get(i));
        }
    }

    private record Result(List<double[]> grads, List<double[]> secondGrads, List<double[]> keptBefore, List<double[]> keptAfter) {
    }

    private static Result run(Graph graph, String free) {
        System.setProperty(GradientBuffers.PROPERTY, free);
        Rng rng = new Rng(42);
        Tensor[] in = {Tensors.randn(rng, DType.FLOAT64, 24).requiresGrad(true),
            Tensors.randn(rng, DType.FLOAT64, 5, 6).requiresGrad(true)};
        List<Tensor> kept = new ArrayList<>();
        Tensor loss = graph.build(in, kept);
        List<double[]> before = values(kept, Tensor::toDoubleArray);
        loss.backward();
        List<double[]> grads = new ArrayList<>();
        List<Tensor> gradTensors = new ArrayList<>();
        for (Tensor t : in) {
            Tensor g = t.grad();
            gradTensors.add(g);
            grads.add(g == null ? new double[0] : g.toDoubleArray());
        }
        for (Tensor t : in) {
            t.zeroGrad();
        }
        // The same graph again: its saved values must all still be there.
        loss.backward();
        List<double[]> second = new ArrayList<>();
        for (Tensor t : in) {
            second.add(t.grad() == null ? new double[0] : t.grad().toDoubleArray());
        }
        // The first pass's gradients, still held by the caller, are untouched by the second.
        for (int i = 0; i < in.length; i++) {
            if (gradTensors.get(i) != null) {
                assertThat(gradTensors.get(i).toDoubleArray()).as("held gradient %d", i).containsExactly(grads.get(i));
            }
        }
        List<double[]> after = values(kept, Tensor::toDoubleArray);
        return new Result(grads, second, before, after);
    }

    private static List<double[]> values(List<Tensor> ts, Function<Tensor, double[]> f) {
        List<double[]> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(f.apply(t));
        }
        return out;
    }

    /**
     * The pass really frees: with the early frees on, an intermediate gradient's buffer is closed or
     * given back to the {@link BufferPool} (where the pass's next allocation of its size may already
     * have taken it) after backward.
     */
    @Test
    void intermediateGradientsAreFreedWhenOn() {
        System.setProperty(GradientBuffers.PROPERTY, "true");
        Tensor x = Tensors.randn(new Rng(9), DType.FLOAT64, 8, 8).requiresGrad(true);
        Tensor h = x.tanh();
        List<INDArray> seen = new ArrayList<>();
        Nd4jTensor in = (Nd4jTensor) h;
        // An identity op that remembers the gradient it is handed (and passes it through).
        Tensor spy = Nd4jTensor.record("spy", in.value(), g -> {
            seen.add(g);
            return new INDArray[] {g};
        }, (g, y) -> new Nd4jTensor[] {g}, in);
        long recycled = BufferPool.process().counters().count(PoolCounters.Event.GIVEN_BACK);
        spy.exp().sum().backward();
        assertThat(seen).isNotEmpty();
        boolean pooled = BufferPool.process().enabled() && BufferPool.process().counters().count(PoolCounters.Event.GIVEN_BACK) > recycled;
        assertThat(seen.get(0).wasClosed() || pooled).as("the gradient reaching tanh's output").isTrue();
        assertThat(x.grad().toDoubleArray()).doesNotContain(Double.NaN);
    }
}
