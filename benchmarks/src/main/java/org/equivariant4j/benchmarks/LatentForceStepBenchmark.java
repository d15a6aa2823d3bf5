package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.latentforce.model.ForceModel;
import org.equivariant4j.fields.latentforce.model.LatentForceModel;
import org.equivariant4j.fields.latentforce.model.TransitionBatch;
import org.equivariant4j.fields.latentforce.model.Transitions;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.Optimizer;
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
 * One training step of the latent-force-field model (Aether, {@code layers-fields/latent-force-fields}) in the
 * {@code lff-electrostatic} setting: 100 state-to-state examples of the 2D electrostatic system (five charges, fully
 * connected: 500 particles, 2,000 edges), the neural field (32 random Fourier features, MLP 65-32-32-2, SiLU) plus
 * the N-body EGNN interactions (hidden 64, 4 layers), the integrator step, MSE of next positions plus MSE of next
 * velocities, backward, Adam (lr 0.003, the README's main row). 137,254 parameters. The counterpart is
 * {@code torch/bench_lff.py}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G"})
@State(Scope.Thread)
public class LatentForceStepBenchmark {
    /** Systems (state-to-state examples) per batch. */
    public static final int BATCH = 100;
    /** Parameters of the model, checked at set-up; {@code bench_lff.py} asserts the same number. */
    public static final long PARAMETERS = 137_254;

    private LatentForceModel model;
    private Optimizer adam;
    private TransitionBatch batch;

    /** Three simulated trajectories (data seed 7, the experiment's) give the 100 examples; model seed 1. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        FieldSystem system = FieldSystem.electrostatic();
        EuclideanGroup e2 = EuclideanGroup.full(2);
        Transitions transitions = new Transitions(FieldDataset.generate(system, 7, 3, 0, 1).train(), e2, DType.FLOAT32);
        model = new LatentForceModel(ForceModel.AETHER, e2, 2, system.frameInterval(),
                new LatentForceModel.Sizes(64, 4, 32, 32, 0.3), new Rng(1));
        if (model.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("the Aether model has " + model.parameterCount() + " parameters, the PyTorch side "
                    + PARAMETERS);
        }
        adam = Adam.builder(model.parameters()).learningRate(0.003).build();
        int[] indices = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            indices[i] = i;
        }
        batch = transitions.batch(indices);
    }

    /** Forward (field + interactions + integrator), loss, backward, Adam on a fixed batch. */
    @Benchmark
    public double trainStep() {
        adam.zeroGrad();
        Tensor loss = model.loss(batch);
        loss.backward();
        adam.step();
        return loss.item();
    }
}
