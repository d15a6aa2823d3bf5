package org.equivariant4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times a step by wall clock and by the calling thread's CPU time (the steadier number on a shared machine, with
 * one ND4J thread): a few warm-up runs, then {@code steps} measured ones; medians in milliseconds.
 */
record StepClock(double wallMs, double cpuMs) {

    static StepClock measure(Runnable step, int warmUp, int steps) {
        for (int i = 0; i < warmUp; i++) {
            step.run();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] wall = new double[steps];
        double[] cpu = new double[steps];
        for (int i = 0; i < steps; i++) {
            long w = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            step.run();
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            wall[i] = (System.nanoTime() - w) / 1e6;
        }
        return new StepClock(median(wall), median(cpu));
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
