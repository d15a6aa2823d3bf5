package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
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
 * One training step of a C4 G-CNN on 28x28 images (digit-sized), batch 64: {@code layers-gconv/regular}'s
 * {@link GroupCnn} over C4 with 4 regular fields (16 channels at 28x28, the {@code [64,16,28,28]} maps of
 * issue 16) — lifting conv 5x5, batch norm, ReLU, 2x2 max pool, group conv 3x3, batch norm, ReLU, 2x2 max pool,
 * group conv 3x3 to 8 fields, batch norm, ReLU, max over the group, mean over space, linear to 10 classes
 * ({@value #PARAMETERS} parameters) — then cross-entropy, backward and Adam (lr 1e-3). The counterpart is
 * {@code torch/bench_gcnn.py} (same architecture, asserts the same parameter count).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class GcnnTrainStepBenchmark {
    /** Images per batch. */
    public static final int BATCH = 64;
    /** Image side. */
    public static final int SIZE = 28;
    /** Regular C4 fields of the first two layers (the last has twice as many). */
    public static final int FIELDS = 4;
    /** Classes of the read-out. */
    public static final int CLASSES = 10;
    /** Parameters of the model, checked at set-up; {@code bench_gcnn.py} asserts the same number. */
    public static final long PARAMETERS = 1966;

    private GroupCnn model;
    private Adam adam;
    private CrossEntropyLoss loss;
    private Tensor x;
    private Tensor y;

    @Setup
    public void setUp() {
        BenchSupport.init();
        model = new GroupCnn(CyclicGroup.of(4), SIZE, FIELDS, CLASSES, new Rng(0));
        if (model.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("C4 G-CNN has " + model.parameterCount() + " parameters, the PyTorch side "
                    + PARAMETERS);
        }
        adam = new Adam(model.parameters(), 1e-3);
        loss = new CrossEntropyLoss();
        x = BenchSupport.det(1, 1.0, BATCH, SIZE * SIZE);
        y = BenchSupport.labels(5, CLASSES, BATCH);
    }

    /** Zero the gradients, forward (batch norm in training mode), cross-entropy, backward, Adam. */
    @Benchmark
    public Tensor trainStep() {
        adam.zeroGrad();
        Tensor l = loss.compute(model.forward(x), y);
        l.backward();
        adam.step();
        return l;
    }
}
