package org.equivariant4j.distributed.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.nn.experiment.DataParallelExperiment;

/**
 * Wall time of a synchronous data-parallel training step against the number of partitions, in Spark local mode, at a
 * fixed global batch; and the same step trained locally (no Spark) and the cost of the parameter broadcast's
 * safetensors encoding. Not a unit test: run it by hand ({@code distributed/spark/bench.sh}, see the module README),
 * on a quiet machine, and say the load.
 *
 * <p>Arguments: {@code [experiment-id] [master] [partitions,...] [measured-steps] [option=value ...]}; defaults
 * {@code nbody-egnn local[2] 1,2,4 20}, the experiment's own options otherwise.
 */
public final class StepTimeBenchmark {
    private static final int WARMUP = 5;

    private StepTimeBenchmark() {
    }

    public static void main(String[] args) {
        String id = args.length > 0 ? args[0] : "nbody-egnn";
        String master = args.length > 1 ? args[1] : "local[2]";
        String[] partitionList = (args.length > 2 ? args[2] : "1,2,4").split(",");
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        ExperimentSource source = ExperimentSource.registered(id);
        DataParallelExperiment experiment = source.experiment();
        ExperimentConfig config = ExperimentConfig.resolve(experiment, options);

        List<String> rows = new ArrayList<>();
        ExperimentRun local = experiment.start(config);
        rows.add(row("local (no Spark)", stepMillis(local, measured), local));
        String codec = codecCost(local);

        SparkConf conf = new SparkConf().setMaster(master).setAppName("eq4j step-time benchmark").set("spark.ui.enabled", "false");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            for (String p : partitionList) {
                int partitions = Integer.parseInt(p.trim());
                ExperimentRun run = SparkDataParallel.start(spark, source, config, SparkTrainingOptions.synchronous(partitions));
                rows.add(row("Spark " + master + ", " + partitions + " partition(s)", stepMillis(run, measured), run));
            }
        }
        System.out.printf(Locale.ROOT, "%s, %s, %d measured steps after %d warm-up; %s%n", id, config.asText(), measured,
                WARMUP, codec);
        System.out.println("| trainer | ms/step (median) | ms/step (min) | parameters |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /**
     * The safetensors encoding of the state dict (driver, once per step) and its decoding (each task): bytes, and the
     * median CPU time of each over 20 calls after 5 warm-up calls (the first pays for class loading and JIT).
     */
    private static String codecCost(ExperimentRun run) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int warmup = 5;
        int repeats = 20;
        double[] encode = new double[repeats];
        double[] decode = new double[repeats];
        byte[] bytes = new byte[0];
        for (int r = -warmup; r < repeats; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            bytes = ParameterBytes.encode(run.model().stateDict());
            long c1 = cpu.getCurrentThreadCpuTime();
            ParameterBytes.decode(bytes);
            long c2 = cpu.getCurrentThreadCpuTime();
            if (r >= 0) {
                encode[r] = (c1 - c0) / 1e6;
                decode[r] = (c2 - c1) / 1e6;
            }
        }
        java.util.Arrays.sort(encode);
        java.util.Arrays.sort(decode);
        return String.format(Locale.ROOT, "safetensors bytes of the state dict: %,d; median CPU time: encode %.2f ms, decode"
                + " %.2f ms", bytes.length, encode[repeats / 2], decode[repeats / 2]);
    }

    /** Per-step wall times (ms) of {@code measured} steps after the warm-up, from the step listener's timestamps. */
    private static double[] stepMillis(ExperimentRun run, int measured) {
        List<Long> stamps = new ArrayList<>();
        int total = WARMUP + measured;
        stamps.add(System.nanoTime());
        StepListener listener = step -> stamps.add(System.nanoTime());
        for (int epoch = 0; stamps.size() <= total; epoch++) {
            run.trainEpoch(epoch, listener, () -> stamps.size() > total);
        }
        double[] out = new double[measured];
        for (int i = 0; i < measured; i++) {
            out[i] = (stamps.get(WARMUP + i + 1) - stamps.get(WARMUP + i)) / 1e6;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static String row(String trainer, double[] sortedMillis, ExperimentRun run) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,d |", trainer, sortedMillis[sortedMillis.length / 2],
                sortedMillis[0], run.model().parameterCount());
    }
}
