package org.equivariant4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The EGNN training step of {@link EgnnTrainStepBenchmark} timed by wall clock and by the main thread's
 * CPU time. On a shared, overloaded machine the CPU time (with one ND4J thread) is the steadier number:
 * run {@code OMP_NUM_THREADS=1 java -Dbench.threads=1 -cp benchmarks.jar org.equivariant4j.benchmarks.EgnnStepTimer [steps]}.
 */
public final class EgnnStepTimer {

    private EgnnStepTimer() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        EgnnTrainStepBenchmark bench = new EgnnTrainStepBenchmark();
        bench.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Math.max(10, steps / 5); i++) {
            bench.trainStep();
        }
        double[] wall = new double[steps];
        double[] cpu = new double[steps];
        for (int i = 0; i < steps; i++) {
            long w = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            bench.trainStep();
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            wall[i] = (System.nanoTime() - w) / 1e6;
        }
        System.out.printf(Locale.ROOT, "EGNN train step, %d steps: wall median %.1f ms (min %.1f), main-thread CPU median %.1f ms"
                + " (min %.1f), load average %.2f%n", steps, median(wall), Arrays.stream(wall).min().orElse(0), median(cpu),
                Arrays.stream(cpu).min().orElse(0), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
