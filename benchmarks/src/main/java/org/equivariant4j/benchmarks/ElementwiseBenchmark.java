package org.equivariant4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
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
 * Element-wise ops and batch normalisation, small and large, forward only, inputs without gradient
 * (no graph recorded): what issue 16's element-wise targets name.
 * <ul>
 *   <li>small: {@code add}, {@code mul} and {@code relu} on [32,64] (per-call cost decides);</li>
 *   <li>large: {@code relu} and a per-channel broadcast {@code add} ([64,16,28,28] + [1,16,1,1]) on
 *       the activations of a C4 G-CNN layer on 28x28 digits, and {@code EquivariantBatchNorm}'s
 *       training-mode forward over 4 regular C4 fields there (memory bandwidth decides).</li>
 * </ul>
 * PyTorch's side ({@code torch/bench_torch.py}, workload {@code elementwise}) runs the same ops; its
 * batch norm is {@code F.batch_norm} on the [64, 4, 4·28·28] view, which shares one mean and
 * variance per field exactly as ours does (and as escnn's {@code InnerBatchNorm} computes it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class ElementwiseBenchmark {
    private Tensor a;
    private Tensor b;
    private Tensor big;
    private Tensor perChannel;
    private INDArray rawBig;
    private GeometricTensor bnInput;
    private EquivariantBatchNorm batchNorm;

    /** Deterministic inputs, the same values as the PyTorch side's. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        a = BenchSupport.det(1, 1.0, 32, 64);
        b = BenchSupport.det(2, 1.0, 32, 64);
        big = BenchSupport.det(1, 1.0, 64, 16, 28, 28);
        perChannel = BenchSupport.det(2, 1.0, 1, 16, 1, 1);
        rawBig = big.unwrap(INDArray.class).dup();
        Representation regular = Representation.regular(CyclicGroup.of(4));
        FieldType fields = FieldType.of(Domain.grid(2), Representation.directSum(List.of(regular, regular, regular, regular)));
        batchNorm = new EquivariantBatchNorm(fields);
        batchNorm.train();
        bnInput = GeometricTensor.of(big, fields);
    }

    @Benchmark
    public Tensor addSmall() {
        return a.add(b);
    }

    @Benchmark
    public Tensor mulSmall() {
        return a.mul(b);
    }

    @Benchmark
    public Tensor reluSmall() {
        return a.relu();
    }

    @Benchmark
    public Tensor reluLarge() {
        return big.relu();
    }

    /** The baseline: ND4J's own ReLU into a new array. */
    @Benchmark
    public INDArray reluLargeNd4j() {
        return Transforms.relu(rawBig, true);
    }

    @Benchmark
    public Tensor addPerChannelLarge() {
        return big.add(perChannel);
    }

    @Benchmark
    public GeometricTensor batchNormForwardLarge() {
        return batchNorm.forward(bnInput);
    }
}
