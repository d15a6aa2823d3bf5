package org.equivariant4j.backend.nd4j;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentMax;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A quick timing of the kernels against the ND4J ops at the message-passing shape of
 * PERFORMANCE.md ([20000, 64] into 2000 segments), for a developer's own numbers; the official
 * JMH suite lives in {@code benchmarks/}. Not a test. Run with the test classpath, e.g.
 * {@code java -cp <test classpath> org.equivariant4j.backend.nd4j.kernels.ScatterKernelsBench [reps]}.
 * Prints the median and minimum wall time of {@code reps} timed calls after a warm-up, and the
 * process CPU time per call.
 */
public final class ScatterKernelsBench {
    private static final int ROWS = 20_000;
    private static final int COLS = 64;
    private static final int SEGMENTS = 2_000;

    /**
     * CPU time of the whole process (all threads, the JVM's own included), per call: unlike wall
     * time it hardly depends on what else runs on the machine, which on a shared 2-core box is a lot.
     */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private ScatterKernelsBench() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Nd4j.getEnvironment().setMaxThreads(2);
        System.out.printf("ND4J threads %d, kernel parallelism %d, processors %d%n", Nd4j.getEnvironment().maxThreads(),
                KernelThreads.parallelism(), Runtime.getRuntime().availableProcessors());
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Nd4j.getRandom().setSeed(1);
            INDArray x = Nd4j.rand(dtype, ROWS, COLS);
            INDArray g = Nd4j.rand(dtype, SEGMENTS, COLS);
            Random random = new Random(1);
            long[] ids = new long[ROWS];
            for (int i = 0; i < ROWS; i++) {
                ids[i] = random.nextInt(SEGMENTS);
            }
            INDArray index = Nd4j.createFromArray(ids);
            String at = dtype + " ";
            int slow = Math.max(5, reps / 20);
            time(at + "segment sum   ND4J unsorted_segment_sum", slow, () -> Nd4j.exec(new UnsortedSegmentSum(x, index, SEGMENTS))[0]);
            time(at + "segment sum   kernel, 1 thread", reps, () -> SegmentSumKernel.sum(x, 0, index, SEGMENTS, 1));
            time(at + "segment sum   kernel, 2 threads", reps, () -> SegmentSumKernel.sum(x, 0, index, SEGMENTS, 2));
            time(at + "row gather    ND4J Gather", reps, () -> Nd4j.exec(new Gather(g, index, 0))[0]);
            time(at + "row gather    kernel, 1 thread", reps, () -> RowGatherKernel.gather(g, 0, index, 1));
            time(at + "row gather    kernel, 2 threads", reps, () -> RowGatherKernel.gather(g, 0, index, 2));
            time(at + "segment max   ND4J unsorted_segment_max", slow, () -> Nd4j.exec(new UnsortedSegmentMax(x, index, SEGMENTS))[0]);
            time(at + "segment max   kernel, 2 threads", reps, () -> SegmentMaxKernel.maxRows(x, index, SEGMENTS, 2));
            time(at + "allocate [20000,64] (part of every result)", reps, () -> Nd4j.createUninitialized(dtype, ROWS, COLS));
        }
        Tensor x = Tensors.uniform(new Rng(1), -1, 1, DType.FLOAT32, ROWS, COLS);
        long[] ids = new long[ROWS];
        Random random = new Random(2);
        for (int i = 0; i < ROWS; i++) {
            ids[i] = random.nextInt(SEGMENTS);
        }
        Tensor index = Tensors.of(ids, ROWS);
        Tensor upstream = Tensors.uniform(new Rng(2), -1, 1, DType.FLOAT32, SEGMENTS, COLS);
        for (String mode : new String[] {"auto", "nd4j"}) {
            System.setProperty(KernelSelection.PROPERTY, mode);
            time("FLOAT Tensor.segmentSum forward+backward, kernels=" + mode, "nd4j".equals(mode) ? Math.max(5, reps / 20) : reps, () -> {
                Tensor leaf = x.detach().requiresGrad(true);
                leaf.segmentSum(index, SEGMENTS).backward(upstream);
                return leaf.grad();
            });
        }
        System.clearProperty(KernelSelection.PROPERTY);
    }

    /**
     * Times {@code call} twice: as is, and closing each resulting array after the clock stops. Without
     * closing, every result lands in fresh native memory (JavaCPP frees only after a GC), and allocating
     * a [20000, 64] float32 array then costs ~0.5-2 ms by itself; closed, the memory is reused, which
     * is closer to PyTorch's caching allocator and isolates the kernel.
     */
    private static void time(String what, int reps, Supplier<Object> call) {
        for (boolean recycle : new boolean[] {false, true}) {
            for (int i = 0; i < Math.min(reps, 30); i++) {
                finish(call.get(), recycle);
            }
            long[] ns = new long[reps];
            long cpuStart = CPU.getProcessCpuTime();
            for (int i = 0; i < reps; i++) {
                long start = System.nanoTime();
                Object result = call.get();
                ns[i] = System.nanoTime() - start;
                finish(result, recycle);
            }
            long cpu = CPU.getProcessCpuTime() - cpuStart;
            Arrays.sort(ns);
            System.out.printf("%-58s %-8s median %9.1f us   min %9.1f us   cpu %9.1f us/call   (%d reps)%n", what,
                    recycle ? "recycled" : "fresh", ns[reps / 2] / 1e3, ns[0] / 1e3, cpu / 1e3 / reps, reps);
        }
    }

    private static void finish(Object result, boolean recycle) {
        // Only raw results: a Tensor's graph holds more arrays than the one returned.
        if (recycle && result instanceof INDArray array) {
            array.close();
        }
    }
}
