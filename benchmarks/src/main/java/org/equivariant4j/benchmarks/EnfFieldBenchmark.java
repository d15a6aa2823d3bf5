package org.equivariant4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.bi.Se2BiInvariant;
import org.equivariant4j.fields.enf.field.EquivariantCrossAttentionField;
import org.equivariant4j.fields.enf.field.LatentPointCloud;
import org.equivariant4j.fields.enf.fit.MetaAutoDecoder;
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
 * The ENF workloads of issue #22, side by side with {@code torch/bench_enf.py}: the equivariant cross-attention field
 * of {@code layers-fields/enf-pde} (SE(2) bi-invariant, 16 latents × 16 context numbers, hidden 64, 2 heads, Fourier
 * embeddings, Gaussian window, 1 output channel; {@value #PARAMETERS} parameters) on one field of 4,096 query points.
 * <ul>
 *   <li>{@code decode4096FwdBwd}: decode, loss mean(f²), backward to the parameters and the latents;</li>
 *   <li>{@code innerFitStep}: one inner step of auto-decoding: the per-field MSE against fixed targets, its gradient
 *       with respect to poses and contexts ({@code Tensor.grad}, no graph kept) and the SGD update.</li>
 * </ul>
 * Inputs are {@link BenchSupport#det} fills shared with the Python side.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
@State(Scope.Thread)
public class EnfFieldBenchmark {
    static final long PARAMETERS = 134_465;
    static final int QUERIES = 4096;
    static final int LATENTS = 16;
    static final int CONTEXT = 16;

    private EquivariantCrossAttentionField field;
    private Tensor coordinates;
    private Tensor targets;
    private Tensor poses;
    private Tensor contexts;
    private Tensor poseRates;
    private Tensor contextRates;

    @Setup
    public void setUp() {
        BenchSupport.init();
        field = EquivariantCrossAttentionField.builder(new Se2BiInvariant(), CONTEXT, 1).hidden(64).heads(2).window(0.5)
                .rng(new Rng(1)).build();
        if (field.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("EnfFieldBenchmark: the field has " + field.parameterCount()
                    + " parameters, the Python side " + PARAMETERS + ": the two models differ");
        }
        coordinates = BenchSupport.det(1, 1.0, 1, QUERIES, 2);
        targets = BenchSupport.det(2, 1.0, 1, QUERIES, 1);
        poses = BenchSupport.det(3, 1.0, 1, LATENTS, 3).requiresGrad(true);
        contexts = BenchSupport.det(4, 1.0, 1, LATENTS, CONTEXT).requiresGrad(true);
        poseRates = BenchSupport.det(5, 1.0, 3).abs();
        contextRates = BenchSupport.det(6, 5.0, CONTEXT).abs();
    }

    @Benchmark
    public Tensor decode4096FwdBwd() {
        field.zeroGrad();
        poses.zeroGrad();
        contexts.zeroGrad();
        Tensor loss = field.forward(coordinates, new LatentPointCloud(poses, contexts)).pow(2).mean();
        loss.backward();
        return contexts.grad();
    }

    @Benchmark
    public Tensor innerFitStep() {
        LatentPointCloud latents = new LatentPointCloud(poses, contexts);
        Tensor loss = MetaAutoDecoder.innerLoss(field, coordinates, targets, latents);
        List<Tensor> g = Tensor.grad(List.of(loss), List.of(poses, contexts), false);
        Tensor nextPoses = poses.detach().sub(poseRates.mul(g.get(0)));
        return contexts.detach().sub(contextRates.mul(g.get(1))).add(nextPoses.sum());
    }
}
