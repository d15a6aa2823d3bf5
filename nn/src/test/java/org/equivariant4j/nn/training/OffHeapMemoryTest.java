package org.equivariant4j.nn.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Pointer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.data.Batch;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.loss.Loss;
import org.equivariant4j.nn.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long training run must not accumulate memory. ND4J frees an array's native buffer only after
 * the garbage collector finds its Java object unreachable, so anything the framework kept alive by
 * mistake (graphs, gradients, optimiser state, batches) would pin native memory for good.
 *
 * <p>Runs {@value #STEPS} Adam steps of an MLP {@code [32, 64, 64, 10]} on batches of 64 served by
 * a shuffled {@link DataLoader}, and compares memory after a {@value #WARMUP}-step warm-up with
 * memory at the end, each time after full collections that let ND4J's deallocator thread free
 * whatever became unreachable:
 * <ul>
 * <li>the Java heap left after collection: every native buffer hangs off a Java object, so a
 * framework-level leak shows here first and exactly (the test's main assertion);</li>
 * <li>resident memory as JavaCPP reports it ({@link Pointer#physicalBytes()}). ND4J's CPU buffers
 * bypass JavaCPP's own byte accounting ({@link Pointer#totalBytes()} stays near 0), so resident
 * memory is the only native measure; it includes free memory that glibc keeps instead of returning
 * to the system, which varies by a few hundred MB between identical runs, hence a coarse bound;</li>
 * <li>the peak resident memory during the run, which JavaCPP bounds by
 * {@code org.bytedeco.javacpp.maxphysicalbytes} (set to 1 GB for this module's tests in its pom):
 * above it JavaCPP forces a collection, and would throw an OutOfMemoryError if memory could not be
 * reclaimed. Without the setting the bound is twice {@code maxbytes}, 12 GB with the project's 6G,
 * and resident memory of this very run climbs to several GB before a collection happens.</li>
 * </ul>
 * Width and batch are 64 rather than 256 so that 5,000 steps fit well within a minute on two
 * shared cores (per-op overhead, not arithmetic, dominates at these sizes).
 */
class OffHeapMemoryTest {
    private static final Logger LOG = LoggerFactory.getLogger(OffHeapMemoryTest.class);
    static final int WIDTH = 64;
    static final int BATCH = 64;
    static final int STEPS = 5000;
    static final int WARMUP = 1000;
    private static final long MB = 1024 * 1024;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void memoryStaysBoundedOverFiveThousandTrainingSteps() {
        Rng rng = new Rng(11);
        int examples = 64 * BATCH;
        long[] labels = new long[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = rng.nextInt(10);
        }
        TensorDataset data = new TensorDataset(Tensors.randn(rng, DType.FLOAT32, examples, 32), Tensors.of(labels, examples));
        DataLoader loader = DataLoader.builder(data).batchSize(BATCH).shuffle(5).dropLast(true).build();
        MLP model = new MLP(new int[] {32, WIDTH, WIDTH, 10}, ReLU::new, new Rng(12));
        Adam adam = new Adam(model.parameters(), 1e-3);
        Loss loss = new CrossEntropyLoss();

        long start = System.nanoTime();
        long startCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Snapshot warm = null;
        long peak = 0;
        double lastLoss = Double.NaN;
        int step = 0;
        for (int epoch = 0; step < STEPS; epoch++) {
            for (Batch batch : loader.epoch(epoch)) {
                if (step == STEPS) {
                    break;
                }
                adam.zeroGrad();
                Tensor l = loss.compute(model.forward(batch.features()), batch.labels());
                l.backward();
                adam.step();
                step++;
                if (step > WARMUP && step % 50 == 0) {
                    peak = Math.max(peak, Pointer.physicalBytes());
                }
                if (step == WARMUP) {
                    warm = Snapshot.take();
                    LOG.info("after {} warm-up steps: {}", WARMUP, warm);
                }
                if (step == STEPS) {
                    lastLoss = l.item();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time of this thread next to wall time: on shared cores the two differ by the time spent waiting for a core.
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startCpu) / 1e9;
        Snapshot end = Snapshot.take();
        long residentGrowth = end.physical - warm.physical;
        long heapGrowth = end.heapAfterGc - warm.heapAfterGc;
        LOG.info("after {} steps (MLP [32, {}, {}, 10], batch {}; {} s wall, {} s CPU of the training thread, {} ms/step; loss {}): {}",
                STEPS, WIDTH, WIDTH, BATCH, String.format("%.1f", seconds), String.format("%.1f", cpuSeconds),
                String.format("%.2f", seconds * 1000 / STEPS), String.format("%.4f", lastLoss), end);
        LOG.info("growth from step {} to {}: heap after GC {} MB, resident {} MB; peak resident after warm-up {} MB (JavaCPP cap {} MB)",
                WARMUP, STEPS, heapGrowth / MB, residentGrowth / MB, peak / MB, Pointer.maxPhysicalBytes() / MB);

        assertThat(heapGrowth).as("Java heap retained after collection, growth from step %d to %d (bytes)", WARMUP, STEPS)
                .isLessThan(16 * MB);
        assertThat(residentGrowth).as("resident memory after collection, growth from step %d to %d (bytes)", WARMUP, STEPS)
                .isLessThan(512 * MB);
        assertThat(peak).as("peak resident memory after warm-up (bytes)").isLessThanOrEqualTo(Pointer.maxPhysicalBytes() + 64 * MB);
    }

    /**
     * Memory once everything unreachable is gone: full collections, each followed by a pause for
     * ND4J's deallocator thread to free the native buffers the collection released, until the
     * heap stops shrinking (at most ~5 s).
     */
    private record Snapshot(long physical, long total, long heapAfterGc) {
        static Snapshot take() {
            long previous = Long.MAX_VALUE;
            for (int round = 0; round < 20; round++) {
                System.gc();
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (previous - used < MB) {
                    break;
                }
                previous = used;
            }
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Snapshot(Pointer.physicalBytes(), Pointer.totalBytes(), heap.getUsed());
        }

        @Override
        public String toString() {
            return "resident (JavaCPP physicalBytes) " + physical / MB + " MB, JavaCPP totalBytes " + total / MB
                    + " MB, Java heap after GC " + heapAfterGc / MB + " MB";
        }
    }
}
