package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.optim.SGD;
import org.equivariant4j.ssl.augment.TwoViews;
import org.equivariant4j.ssl.cutinit.SmallCnn;
import org.equivariant4j.ssl.method.MlpHead;
import org.equivariant4j.ssl.method.SimClr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SimCLR training step as the {@code ssl-simclr} experiment runs it (issue 18): the experiment's backbone
 * ({@code SmallCnn}, width 8: three conv-BN-ReLU blocks to 32 features) and projector (32 → 32 → 64), NT-Xent at
 * temperature 0.5 over two views of a batch of 256 16×16 images, backward, SGD (lr 0.3, momentum 0.9, weight decay
 * 1e-6). The two views are fixed deterministic inputs (the augmentation is not in the step), the same values as
 * {@code torch/bench_simclr.py} computes on; both sides check the parameter count (9,112).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class SimClrStepBenchmark {
    static final int PARAMETERS = 9_112;
    private SimClr method;
    private SGD sgd;
    private TwoViews views;

    @Setup
    public void setUp() {
        BenchSupport.init();
        Rng rng = new Rng(1);
        SmallCnn backbone = new SmallCnn(1, 8, rng);
        method = new SimClr(backbone, new MlpHead(32, 32, 64, false, rng), 0.5, UnaryOperator.identity());
        if (method.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("SimClrStepBenchmark: " + method.parameterCount() + " parameters, the PyTorch side"
                    + " has " + PARAMETERS);
        }
        sgd = SGD.builder(method.parameters()).learningRate(0.3).momentum(0.9).weightDecay(1e-6).build();
        views = new TwoViews(BenchSupport.det(1, 1.0, 256, 1, 16, 16), BenchSupport.det(2, 1.0, 256, 1, 16, 16));
    }

    @Benchmark
    public double trainStep() {
        sgd.zeroGrad();
        Tensor loss = method.loss(views);
        loss.backward();
        sgd.step();
        return loss.item();
    }
}
