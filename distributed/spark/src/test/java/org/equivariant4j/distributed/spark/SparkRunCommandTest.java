package org.equivariant4j.distributed.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkFiles;
import org.equivariant4j.cli.Eq4j;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eq4j run nbody-egnn --spark ...} end to end, in this JVM (it joins the tests' Spark context): the run writes
 * the folder of a local run (config, metrics, plot, checkpoint, results), and a run stopped after epoch 1 and resumed
 * from its checkpoint (a driver restart) ends with exactly the tensors of the uninterrupted run: parameters, Adam's
 * moments and step counts, and the run's bookkeeping.
 */
class SparkRunCommandTest {
    @TempDir
    static Path cache;

    @BeforeAll
    static void startSpark() {
        SharedSpark.get();
    }

    private static String[] args(Path out, int epochs, String... extra) {
        List<String> a = new ArrayList<>(List.of("run", "nbody-egnn", "--spark", "local[2]", "--partitions", "2",
                "--epochs", Integer.toString(epochs), "--batch-size", "10", "-o", "hidden=8", "-o", "layers=1",
                "-o", "train-size=40", "-o", "valid-size=8", "-o", "test-size=8", "-o", "eval-every=1",
                "-o", "cache-dir=" + cache, "--progress", "none", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static String run(String... args) {
        StringWriter log = new StringWriter();
        PrintWriter writer = new PrintWriter(log, true);
        int code = Eq4j.commandLine().setOut(writer).setErr(writer).execute(args);
        assertThat(code).as("exit code; output:%n%s", log).isZero();
        return log.toString();
    }

    @Test
    void aDataFolderGivenAsAUriIsShippedToTheDriverAndExecutors(@TempDir Path dir) throws Exception {
        // A read-only data folder, as on a shared file system: the N-body cache of this config, made beforehand.
        Path data = Files.createDirectories(dir.resolve("nbody-data"));
        NBodyDataset.load(NBodyConfig.reference(), 43, 40, 8, 8, data);
        Path out = dir.resolve("shipped");
        String printed = run(args(out, 1, "-o", "cache-dir=" + data.toUri()));
        assertThat(printed).contains("test MSE at best valid");
        // The copy Spark fetched (the driver's and, in local mode, the executors') holds the same cache file.
        try (var original = Files.list(data); var copy = Files.list(Path.of(SparkFiles.get("nbody-data")))) {
            assertThat(copy.map(p -> p.getFileName().toString()).toList())
                    .isEqualTo(original.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aResumedSparkRunEndsWithTheTensorsOfTheUninterruptedOne(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        String printed = run(args(whole, 2));
        assertThat(printed).contains("cluster  Spark", "synchronous SGD on 2 partitions", "test MSE at best valid");
        for (String file : List.of("config.json", "metrics.csv", "metrics.json", "learning-curves.png",
                "checkpoint.safetensors", "results.md")) {
            assertThat(whole.resolve(file)).as(file).exists();
        }
        assertThat(Files.readAllLines(whole.resolve("metrics.csv"))).hasSize(3);

        Path resumed = dir.resolve("resumed");
        run(args(resumed, 1));
        run("run", "nbody-egnn", "--spark", "local[2]", "--partitions", "2", "--resume",
                resumed.resolve("checkpoint.safetensors").toString(), "--epochs", "2", "--progress", "none", "--out",
                resumed.toString());

        Map<String, Tensor> expected = Safetensors.load(whole.resolve("checkpoint.safetensors"));
        Map<String, Tensor> actual = Safetensors.load(resumed.resolve("checkpoint.safetensors"));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(expected).containsKey("training/adam.state.0.exp_avg");
        for (String name : expected.keySet()) {
            assertThat(actual.get(name).toDoubleArray()).as(name).containsExactly(expected.get(name).toDoubleArray());
        }
    }
}
