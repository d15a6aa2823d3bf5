package org.equivariant4j.benchmarks;

import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.graph.nbody.training.NBodyTrainer;
import org.equivariant4j.graph.nbody.NBodyBatch;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodySplit;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
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
 * One EGNN training step of the N-body experiment: a batch of 100 five-body fully connected graphs
 * (2,000 edges), the reference model (embedding, 4 velocity-variant EGNN layers, hidden 64, 134,020
 * parameters), MSE on the positions, backward, Adam. {@code trainStep} reuses one batch (the PyTorch
 * script's setting); {@code trainStepWithBatching} also builds the batch's graph from the examples, as
 * training does. The counterpart is {@code torch/bench_egnn_step.py}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=2G"})
@State(Scope.Thread)
public class EgnnTrainStepBenchmark {
    /** Graphs per batch. */
    public static final int BATCH = 100;
    /** Parameters of the model, checked at set-up; {@code bench_egnn_step.py} asserts the same number. */
    public static final long PARAMETERS = 134_020;

    private NBodyTrainer trainer;
    private NBodyExamples examples;
    private NBodyBatch batch;
    private int[] indices;

    /** 100 simulated trajectories (fixed seed), the model and Adam (lr 5e-4) as in the experiment. */
    @Setup
    public void setUp() {
        BenchSupport.init();
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyConfig config = NBodyConfig.reference();
        NBodySplit split = NBodySplit.simulate(config, 43, 0, BATCH);
        examples = new NBodyExamples(split, NBodyTask.reference(), config, e3, DType.FLOAT32);
        EgnnNBodyModel model = new EgnnNBodyModel(e3, 64, 4, new Rng(1));
        if (model.parameterCount() != PARAMETERS) {
            throw new IllegalStateException("EGNN has " + model.parameterCount() + " parameters, the PyTorch side " + PARAMETERS);
        }
        trainer = new NBodyTrainer(model, examples, BATCH, 5e-4, 1e-12, 1);
        indices = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            indices[i] = i;
        }
        batch = examples.batch(indices);
    }

    /** Forward, loss, backward, Adam on a fixed batch. */
    @Benchmark
    public double trainStep() {
        return trainer.step(batch);
    }

    /** The same with the batch's graph built from the examples first (index selects, edge attributes). */
    @Benchmark
    public double trainStepWithBatching() {
        return trainer.step(examples.batch(indices));
    }
}
