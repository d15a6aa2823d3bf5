package org.equivariant4j.distributed.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One Spark context for every test class of the module (starting one costs seconds): {@code local[2,2]}, two
 * executor threads and up to two attempts per task, so that an injected task failure is retried (plain
 * {@code local[2]} never retries). Stopped with the JVM.
 */
final class SharedSpark {
    private static JavaSparkContext context;

    private SharedSpark() {
    }

    static synchronized JavaSparkContext get() {
        if (context == null) {
            SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("equivariant4j-distributed-spark-tests")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            context = new JavaSparkContext(conf);
            context.setLogLevel("WARN");
        }
        return context;
    }
}
