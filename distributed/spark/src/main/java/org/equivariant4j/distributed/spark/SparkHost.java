package org.equivariant4j.distributed.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.nn.experiment.DataParallelExperiment;
import org.equivariant4j.nn.experiment.DataParallelHost;
import org.equivariant4j.nn.experiment.DataParallelSettings;

import com.google.auto.service.AutoService;

/**
 * The {@code spark} {@link DataParallelHost}: what {@code eq4j run <id> --spark MASTER} uses. It joins the Spark
 * context already running in the JVM (under {@code spark-submit}, or a test's) or starts one on {@code MASTER}
 * ({@code default}: the master {@code spark-submit} configured), and trains the run there with
 * {@link SparkDataParallel}; the executors find the experiment by its id among their plugins.
 */
@AutoService(DataParallelHost.class)
public final class SparkHost implements DataParallelHost {
    /** The master meaning "whatever spark-submit (or spark-defaults) configured". */
    public static final String DEFAULT_MASTER = "default";
    /**
     * System property listing (class-path style) the jars executors of a cluster need, set by the {@code eq4j}
     * launcher: sent as {@code spark.jars} unless the master is local or spark-submit already set them.
     */
    public static final String JARS_PROPERTY = "eq4j.spark.jars";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session start(DataParallelExperiment experiment, ExperimentConfig config, DataParallelSettings settings) {
        SparkConf conf = new SparkConf().setAppName("eq4j " + experiment.id());
        if (!settings.master().equals(DEFAULT_MASTER)) {
            conf.setMaster(settings.master());
        }
        // Executors of a cluster need our classes; spark-submit ships its application jar, the eq4j launcher names ours.
        String jars = System.getProperty(JARS_PROPERTY, "");
        if (!jars.isBlank() && !conf.contains("spark.jars") && !settings.master().startsWith("local")) {
            conf.set("spark.jars", String.join(",", jars.split(java.io.File.pathSeparator)));
        }
        long before = System.currentTimeMillis();
        SparkContext context;
        try {
            context = SparkContext.getOrCreate(conf);
        } catch (Exception e) { // Scala throws SparkException (checked in Java) undeclared
            throw new InvalidArgumentException("--spark " + settings.master() + ": Spark refused to start (" + e.getMessage()
                    + "); give a master, e.g. --spark local[2] or --spark spark://host:7077 (default needs spark-submit)", e);
        }
        // A context that started before this call was already running (spark-submit's, a test's): joined, not ours to stop.
        boolean joined = context.startTime() < before;
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(context);
        try {
            int partitions = settings.partitions() > 0 ? settings.partitions() : spark.defaultParallelism();
            SparkTrainingOptions options = new SparkTrainingOptions(partitions, settings.localSteps(), settings.barrier(), 2);
            ExperimentRun run = SparkDataParallel.start(spark, ExperimentSource.registered(experiment.id()), config, options);
            String description = "Spark " + spark.master() + " (" + spark.sc().applicationId() + "), " + options;
            return new SparkSession(run, description, joined ? null : spark);
        } catch (RuntimeException e) {
            if (!joined) {
                spark.stop();
            }
            throw e;
        }
    }

    /** A run on Spark; stops the context on close when it started it. */
    private record SparkSession(ExperimentRun run, String description, JavaSparkContext owned) implements Session {
        @Override
        public void close() {
            if (owned != null) {
                owned.stop();
            }
        }
    }
}
