package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * One training step of a 3-layer MLP (256 -> 256 -> 256 -> 10, ReLU), batch 256: forward,
 * cross-entropy, backward, Adam. The framework's version uses the {@code nn} module; the baseline
 * is the same step written by hand in raw ND4J ({@link RawNd4jMlp}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class MlpTrainStepBenchmark {
    /** Input features and hidden width. */
    public static final int WIDTH = 256;
    /** Rows per batch. */
    public static final int BATCH = 256;
    /** Output classes. */
    public static final int CLASSES = 10;
    /** Adam's learning rate (PyTorch's default). */
    public static final double LR = 1e-3;
    /** Parameters of the MLP, checked at set-up; {@code bench_torch.py} asserts the same number. */
    public static final long PARAMETERS = 134_154;

    private MLP model;
    private Adam adam;
    private CrossEntropyLoss loss;
    private Tensor x;
    private Tensor y;
    private RawNd4jMlp raw;
    private INDArray rawX;
    private INDArray rawTarget;

    /** A fixed deterministic batch and freshly initialised models. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        model = newModel(new Rng(0));
        if (model.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("MLP has " + model.parameterCount() + " parameters, the PyTorch side " + PARAMETERS);
        }
        adam = new Adam(model.parameters(), LR);
        loss = new CrossEntropyLoss();
        x = BenchSupport.det(1, 1.0, BATCH, WIDTH);
        y = BenchSupport.labels(5, CLASSES, BATCH);
        raw = new RawNd4jMlp(WIDTH, WIDTH, CLASSES, LR);
        rawX = Nd4j.create(BenchSupport.detValues(1, 1.0, BATCH, WIDTH), new long[] {BATCH, WIDTH}, 'c');
        rawTarget = RawNd4jMlp.oneHot(BenchSupport.labels(5, CLASSES, BATCH).toLongArray(), CLASSES);
    }

    /** The benchmarked architecture: 256 -> 256 -> 256 -> 10 with ReLU, PyTorch's default initialisation. */
    public static MLP newModel(Rng rng) {
        return new MLP(new int[] {WIDTH, WIDTH, WIDTH, CLASSES}, ReLU::new, rng);
    }

    /** One step as a user writes it: zero the gradients, forward, loss, backward, Adam. */
    public static Tensor trainStep(MLP model, Adam adam, CrossEntropyLoss loss, Tensor x, Tensor y) {
        adam.zeroGrad();
        Tensor l = loss.compute(model.forward(x), y);
        l.backward();
        adam.step();
        return l;
    }

    /** Through the framework: {@code nn} layers, loss and optimiser on {@code Tensor}. */
    @Benchmark
    public Tensor trainStepTensor() {
        return trainStep(model, adam, loss, x, y);
    }

    /** The baseline: hand-written forward/backward and ND4J's fused Adam. */
    @Benchmark
    public double trainStepNd4j() {
        return raw.step(rawX, rawTarget);
    }
}
