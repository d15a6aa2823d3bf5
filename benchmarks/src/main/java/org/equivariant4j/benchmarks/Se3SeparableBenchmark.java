package org.equivariant4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.se3.RotationGrid;
import org.equivariant4j.gconv.se3.SE3LiftingConv;
import org.equivariant4j.gconv.se3.SE3SeparableConv;
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
 * Issue 7's SE(3) workload: a lifting convolution (1 channel → 4 fields, k = 5) and two separable SE(3)
 * group convolutions (4 → 8 → 8 fields, k = 3) on a 12-rotation uniform grid of SO(3), forward and
 * backward (gradients of all weights), on a [8, 1, 28, 28, 28] volume, stride 1, "same" padding.
 * {@code torch/bench_se3.py} runs the same shapes and op sequence in PyTorch. {@code trainStep} is the same
 * followed by an Adam step (lr 1e-3) over the {@value #PARAMETERS} parameters: the training step of issue 16's
 * side-by-side table (PyTorch: {@code bench_torch.py se3}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class Se3SeparableBenchmark {
    /** Parameters of the three layers, checked at set-up; {@code bench_se3.py} asserts the same number. */
    public static final long PARAMETERS = 2104;

    private Tensor x;
    private SE3LiftingConv lift;
    private SE3SeparableConv first;
    private SE3SeparableConv second;
    private Adam adam;

    @Setup
    public void setUp() {
        BenchSupport.init();
        RotationGrid grid = RotationGrid.uniform(12);
        Rng rng = new Rng(1);
        lift = new SE3LiftingConv(grid, 1, 4, 5, 1, rng);
        first = new SE3SeparableConv(grid, 4, 8, 3, 1, rng);
        second = new SE3SeparableConv(grid, 8, 8, 3, 1, rng);
        x = BenchSupport.det(1, 1.0, 8, 1, 28, 28, 28);
        List<Parameter> parameters = new ArrayList<>(lift.parameters());
        parameters.addAll(first.parameters());
        parameters.addAll(second.parameters());
        long count = parameters.stream().mapToLong(p -> p.value().numel()).sum();
        if (count != PARAMETERS) {
            throw new IllegalStateException("SE(3) layers have " + count + " parameters, the PyTorch side " + PARAMETERS);
        }
        adam = new Adam(parameters, 1e-3);
    }

    @Benchmark
    public double liftAndTwoSeparableFwdBwd() {
        lift.zeroGrad();
        first.zeroGrad();
        second.zeroGrad();
        return forwardBackward();
    }

    /** A training step: zero the gradients, forward, loss, backward, Adam. */
    @Benchmark
    public double trainStep() {
        adam.zeroGrad();
        double loss = forwardBackward();
        adam.step();
        return loss;
    }

    private double forwardBackward() {
        GeometricTensor h = lift.forward(GeometricTensor.of(x, lift.inType()));
        h = first.forward(GeometricTensor.of(h.tensor().relu(), first.inType()));
        h = second.forward(GeometricTensor.of(h.tensor().relu(), second.inType()));
        Tensor loss = h.tensor().pow(2).mean();
        loss.backward();
        return loss.item();
    }
}
