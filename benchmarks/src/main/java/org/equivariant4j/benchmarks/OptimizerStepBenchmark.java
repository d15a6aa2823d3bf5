package org.equivariant4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.groups.EuclideanGroup;
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
 * One {@code Adam.step()} alone, on fixed gradients: over the MLP step's 134,154 parameters in 6 tensors and over
 * the EGNN step's 134,020 in 62 tensors. The pair separates the per-element cost of the update from its per-tensor
 * cost (what "one pass over all parameters" would save). Run with the CPU profiler:
 * {@code java -jar benchmarks.jar OptimizerStepBenchmark -prof org.equivariant4j.benchmarks.CpuTimeProfiler}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Thread)
public class OptimizerStepBenchmark {
    private Adam mlp;
    private Adam egnn;

    @Setup
    public void setUp() {
        BenchSupport.init();
        mlp = withGradients(MlpTrainStepBenchmark.newModel(new Rng(0)).parameters());
        egnn = withGradients(new EgnnNBodyModel(EuclideanGroup.full(3), 64, 4, new Rng(1)).module().parameters());
    }

    /** Adam over the parameters, each given the gradient of sum(p^2) (kept: Adam never clears it). */
    private static Adam withGradients(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            Tensor v = p.value();
            v.mul(v).sum().backward();
        }
        return new Adam(parameters, 1e-3);
    }

    @Benchmark
    public void adamMlpSixTensors() {
        mlp.step();
    }

    @Benchmark
    public void adamEgnnSixtyTwoTensors() {
        egnn.step();
    }
}
