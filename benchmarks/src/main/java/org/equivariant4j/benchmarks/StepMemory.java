package org.equivariant4j.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import org.bytedeco.javacpp.Pointer;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.layer.MLP;

/**
 * Native memory per steady-state training step: how many bytes of fresh native buffers a step
 * allocates (the backend's buffer-factory count), how many it takes from the buffer pool instead,
 * how many it gives back, and the minor page faults it causes (fresh pages touched), averaged over
 * {@code steps} steps after {@code warmup} steps, with the collections (and their time) in that window. Run it with the pool on (default) and off
 * ({@code -Dequivariant4j.pool=false}) to compare. Workloads: {@code mlp} (the MLP step of
 * {@link MlpTrainStepBenchmark}) and {@code egnn} (the EGNN N-body step of {@link EgnnTrainStepBenchmark}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.equivariant4j.benchmarks.StepMemory mlp|egnn [warmup] [steps]}
 */
public final class StepMemory {
    private StepMemory() {
    }

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "mlp";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        BenchSupport.init();
        PoolCounterReader.snapshot();
        DoubleSupplier step = switch (workload) {
            case "mlp" -> mlpStep();
            case "egnn" -> egnnStep();
            default -> throw new IllegalArgumentException("workload: mlp or egnn, not " + workload);
        };
        for (int i = 0; i < warmup; i++) {
            step.getAsDouble();
        }
        long[] c0 = PoolCounterReader.snapshot();
        long faults0 = ProcessCounters.minorFaults();
        long rss0 = ProcessCounters.residentBytes();
        long gcs0 = collections();
        long gcMs0 = collectionMillis();
        long t0 = System.nanoTime();
        double loss = 0;
        for (int i = 0; i < steps; i++) {
            loss = step.getAsDouble();
        }
        double ms = (System.nanoTime() - t0) / 1e6 / steps;
        long[] c1 = PoolCounterReader.snapshot();
        long faults1 = ProcessCounters.minorFaults();
        long rss1 = ProcessCounters.residentBytes();
        System.out.printf(Locale.ROOT, "| %s | pool %s | %d+%d | %.3f | %.1f | %.3f | %.3f | %.3f | %.0f | %.0f -> %.0f | %.1f | %.1f | %d | %.2f | %.2f | %.4g |%n",
                workload, System.getProperty("equivariant4j.pool", "true").equals("false") ? "off" : "on", warmup, steps,
                (c1[1] - c0[1]) / 1e6 / steps, (double) (c1[0] - c0[0]) / steps, (c1[3] - c0[3]) / 1e6 / steps,
                (c1[5] - c0[5]) / 1e6 / steps, (c1[7] - c0[7]) / 1e6 / steps, (double) (faults1 - faults0) / steps, rss0 / 1e6,
                rss1 / 1e6, c1[8] / 1e6,
                Pointer.totalBytes() / 1e6, collections() - gcs0, (double) (collectionMillis() - gcMs0) / steps, ms, loss);
    }

    /** Header of the table {@link #main} prints one row of. */
    static String header() {
        return "| workload | pool | warm-up+measured steps | fresh MB/step | fresh buffers/step | reused MB/step | given back MB/step"
                + " | returned by GC MB/step | minor faults/step | RSS MB (start -> end) | pool holds MB | JavaCPP totalBytes MB | GCs | GC ms/step | ms/step | last loss |";
    }

    private static DoubleSupplier mlpStep() {
        MLP model = MlpTrainStepBenchmark.newModel(new Rng(0));
        Adam adam = new Adam(model.parameters(), MlpTrainStepBenchmark.LR);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor x = BenchSupport.det(1, 1.0, MlpTrainStepBenchmark.BATCH, MlpTrainStepBenchmark.WIDTH);
        Tensor y = BenchSupport.labels(5, MlpTrainStepBenchmark.CLASSES, MlpTrainStepBenchmark.BATCH);
        return () -> MlpTrainStepBenchmark.trainStep(model, adam, loss, x, y).item();
    }

    private static DoubleSupplier egnnStep() {
        EgnnTrainStepBenchmark bench = new EgnnTrainStepBenchmark();
        bench.setUp();
        return bench::trainStep;
    }

    private static long collectionMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
