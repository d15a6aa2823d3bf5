package org.equivariant4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds the process CPU time per operation to every iteration's result, beside JMH's wall
 * time: {@code java -jar benchmarks.jar -prof org.equivariant4j.benchmarks.CpuTimeProfiler}. The secondary
 * metric is called {@value #METRIC} (ms/op) and lands in JMH's JSON under {@code secondaryMetrics}.
 *
 * <p>Process CPU time, not the benchmark thread's: ND4J's OpenMP workers, BLAS threads, the garbage collector,
 * the JIT and JavaCPP's deallocator thread all work for the benchmark, and PyTorch's side
 * ({@code time.process_time()}) counts its worker threads the same way. On a machine other work keeps busy the
 * CPU time a call consumes stays close to its quiet-machine cost while wall time measures the scheduler; on a
 * quiet machine at two threads, CPU above wall time shows how much of the step ran in parallel (and how much
 * was spin-waiting: OpenMP barriers count as CPU).
 *
 * <p>The window is JMH's iteration as the profiler sees it (its {@code beforeIteration} to
 * {@code afterIteration}), divided by the operations JMH measured in it: it includes the harness's few
 * microseconds per iteration, nothing per operation.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The name of the secondary metric. */
    public static final String METRIC = "·cpu";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "process CPU time per operation (ms/op), all threads of the benchmark JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long used = os.getProcessCpuTime() - start;
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(new ScalarResult(METRIC, used / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    }
}
