package org.equivariant4j.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The JMH benchmarks timed by CPU time instead of wall time, for a machine that other work keeps
 * busy: there, wall time measures the scheduler (and ND4J's OpenMP barriers turn a stolen core
 * into millisecond stalls), while the CPU time a call consumes stays close to what it costs on a
 * quiet machine. Run it with one thread on both sides (no barrier spinning is counted then);
 * {@code torch/bench_torch.py} with {@code BENCH_CLOCK=cpu} measures PyTorch the same way.
 *
 * <p>For each {@code @Benchmark} method of the named class (each {@code @Param} field at its first
 * value, then setup, as JMH would): warm-up
 * iterations, then measurement iterations, each time-boxed by process CPU time and giving CPU
 * time per call. Prints a JSON array in JMH's result format (score = mean over iterations), so
 * {@code torch/side_by_side_table.py} reads it like a JMH result file.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.equivariant4j.benchmarks.CpuTimeRun Class [warmup iterations
 * measured iterations seconds-per-iteration]}
 */
public final class CpuTimeRun {

    private CpuTimeRun() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(CpuTimeRun.class.getPackageName() + "." + args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 2.0;
        // Only the result goes to stdout: libraries print there (SameDiff announces every op it differentiates).
        PrintStream result = System.out;
        System.setOut(System.err);
        Object state = type.getConstructor().newInstance();
        for (Field f : type.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null) {
                // The first declared value, as a JMH run without -p overrides uses for a single value.
                String v = p.value()[0];
                f.set(state, f.getType() == int.class ? Integer.valueOf(v) : f.getType() == long.class ? Long.valueOf(v)
                        : f.getType() == double.class ? Double.valueOf(v) : v);
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(Setup.class)) {
                m.invoke(state);
            }
        }
        List<Method> benchmarks = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) {
                benchmarks.add(m);
            }
        }
        benchmarks.sort((a, b) -> a.getName().compareTo(b.getName()));
        List<String> records = new ArrayList<>();
        for (Method m : benchmarks) {
            for (int i = 0; i < warmup; i++) {
                iteration(state, m, seconds);
            }
            double[] perCall = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                perCall[i] = iteration(state, m, seconds);
            }
            double mean = Arrays.stream(perCall).average().orElseThrow();
            StringBuilder raw = new StringBuilder();
            for (double v : perCall) {
                raw.append(raw.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", v * 1e3));
            }
            records.add(String.format(Locale.ROOT, "{\"benchmark\": \"%s.%s\", \"mode\": \"cpu\", \"primaryMetric\": "
                    + "{\"score\": %.6f, \"scoreUnit\": \"ms/op\", \"rawData\": [[%s]]}}", type.getName(), m.getName(),
                    mean * 1e3, raw));
            System.err.printf(Locale.ROOT, "%s.%s: %.4f ms CPU per call%n", type.getSimpleName(), m.getName(), mean * 1e3);
        }
        result.println("[" + String.join(",\n", records) + "]");
    }

    /** Process CPU seconds per call over one iteration of about {@code seconds} of CPU time. */
    private static double iteration(Object state, Method m, double seconds) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long budget = (long) (seconds * 1e9);
        long start = os.getProcessCpuTime();
        long calls = 0;
        long used;
        do {
            m.invoke(state);
            calls++;
            used = os.getProcessCpuTime() - start;
        } while (used < budget);
        return used / 1e9 / calls;
    }
}
