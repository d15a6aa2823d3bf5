package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import org.equivariant4j.cli.experiments.TwoSpiralsExperiment;
import org.equivariant4j.cli.run.OutputFolder;
import org.equivariant4j.cli.run.RunCheckpoint;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code eq4j run} end to end, in this JVM: a seconds-long two-spirals run, then every file of its
 * output folder checked for what a user (or a script) reads from it, and a resume from its checkpoint.
 */
class RunCommandEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TINY = List.of("-o", "train-size=64", "-o", "test-size=64", "-o", "hidden=8",
            "--batch-size", "16", "--progress", "none");

    @TempDir
    static Path tmp;

    private static Path dir;
    private static Cli first;

    @BeforeAll
    static void runTwoEpochs() {
        dir = tmp.resolve("spirals");
        first = run("run", "two-spirals", "--epochs", "2", "--out", dir.toString());
    }

    private static Cli run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(TINY);
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void printsTheSetUpEpochsAndTheResultTable() {
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.out()).contains("eq4j run two-spirals", "epochs=2", "two spirals {train=64, test=64}")
                .contains("Two spirals: MLP 2-8-8-2").contains("wrote " + dir.toAbsolutePath());
    }

    @Test
    void writesMetricsAsCsvAndJsonWithOneRowPerEpoch() throws IOException {
        List<String> csv = Files.readAllLines(dir.resolve(OutputFolder.METRICS_CSV));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("epoch,seconds,train_loss,test_acc");
        assertThat(csv.get(1)).startsWith("1,");
        assertThat(csv.get(2)).startsWith("2,");

        JsonNode json = JSON.readTree(dir.resolve(OutputFolder.METRICS_JSON).toFile());
        assertThat(json.get("experiment").asText()).isEqualTo("two-spirals");
        assertThat(json.get("epochs")).hasSize(2);
        assertThat(json.get("epochs").get(1).get("metrics").get("test_acc").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("results").get("columns").toString()).contains("test acc");
    }

    @Test
    void drawsTheLearningCurvesAsAPng() throws IOException {
        byte[] png = Files.readAllBytes(dir.resolve(OutputFolder.PLOT));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(png.length).as("PNG size (a blank image would be a few hundred bytes)").isGreaterThan(10_000);
    }

    @Test
    void writesTheConfigUsedWithEveryOptionAndVersion() throws IOException {
        JsonNode config = JSON.readTree(dir.resolve(OutputFolder.CONFIG).toFile());
        assertThat(config.get("experiment").asText()).isEqualTo("two-spirals");
        assertThat(config.get("plugin").asText()).isEqualTo(BuiltinsPlugin.ID);
        assertThat(config.get("options").get("epochs").asInt()).isEqualTo(2);
        assertThat(config.get("options").get("hidden").asInt()).isEqualTo(8);
        assertThat(config.get("options").get("lr").asDouble()).isEqualTo(0.01);
        assertThat(config.get("data").get("splits").get("train").asInt()).isEqualTo(64);
        assertThat(config.get("versions").get("core").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(config.has("resumed_from")).isFalse();
    }

    @Test
    void theCheckpointReloadsIntoTheModelAndReproducesTheLastMetrics() throws IOException {
        Path ckpt = dir.resolve(OutputFolder.CHECKPOINT);
        RunCheckpoint meta = RunCheckpoint.read(ckpt);
        assertThat(meta.experiment()).isEqualTo("two-spirals");
        assertThat(meta.epochsCompleted()).isEqualTo(2);

        ExperimentRun fresh = new TwoSpiralsExperiment().start(ExperimentConfig.resolve(new TwoSpiralsExperiment(),
                new LinkedHashMap<>(meta.config())));
        RunCheckpoint.restore(fresh, RunCheckpoint.loadState(ckpt));
        double recorded = JSON.readTree(dir.resolve(OutputFolder.METRICS_JSON).toFile()).get("epochs").get(1).get("metrics")
                .get("test_acc").asDouble();
        assertThat(fresh.evaluate().get("test_acc")).as("test accuracy of the reloaded model").isEqualTo(recorded);
    }

    @Test
    void resumesFromTheCheckpointAndContinuesTheCurves() throws IOException {
        Path resumed = tmp.resolve("resumed");
        Cli second = run("run", "two-spirals", "--resume", dir.resolve(OutputFolder.CHECKPOINT).toString(), "--epochs", "3",
                "--out", resumed.toString());
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.out()).contains("resumed  from").contains("at epoch 2");
        List<String> csv = Files.readAllLines(resumed.resolve(OutputFolder.METRICS_CSV));
        assertThat(csv).hasSize(4);
        List<String> before = Files.readAllLines(dir.resolve(OutputFolder.METRICS_CSV));
        assertThat(csv.subList(0, 3)).as("epochs 1-2 carried over from the checkpoint").isEqualTo(before);
        assertThat(csv.get(3)).startsWith("3,");
        JsonNode config = JSON.readTree(resumed.resolve(OutputFolder.CONFIG).toFile());
        assertThat(config.get("start_epoch").asInt()).isEqualTo(2);
        assertThat(config.get("options").get("hidden").asInt()).as("options come from the checkpoint").isEqualTo(8);
        assertThat(RunCheckpoint.read(resumed.resolve(OutputFolder.CHECKPOINT)).epochsCompleted()).isEqualTo(3);
    }

    @Test
    void resumesInTheRunsOwnFolderContinuingItsFiles() throws IOException {
        Path own = tmp.resolve("in-place");
        Files.createDirectories(own);
        for (String file : List.of(OutputFolder.CHECKPOINT, OutputFolder.METRICS_CSV, OutputFolder.CONFIG,
                OutputFolder.RESULTS)) {
            Files.copy(dir.resolve(file), own.resolve(file));
        }
        Files.writeString(own.resolve(".checkpoint.safetensors.12345.tmp"), "left by a kill -9");
        Cli second = run("run", "two-spirals", "--resume", own.resolve(OutputFolder.CHECKPOINT).toString(), "--epochs", "3",
                "--out", own.toString());
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.out()).contains("cleaned  1 temporary file(s)");
        List<String> csv = Files.readAllLines(own.resolve(OutputFolder.METRICS_CSV));
        assertThat(csv.subList(0, 3)).isEqualTo(Files.readAllLines(dir.resolve(OutputFolder.METRICS_CSV)));
        assertThat(csv).hasSize(4);
        assertThat(RunCheckpoint.read(own.resolve(OutputFolder.CHECKPOINT)).epochsCompleted()).isEqualTo(3);
        assertThat(own.resolve(".checkpoint.safetensors.12345.tmp")).doesNotExist();
    }

    @Test
    void aCheckpointOnItsOwnResumesAndSaysTheEarlierMetricsAreNotCarried() throws IOException {
        Path alone = Files.createDirectories(tmp.resolve("alone"));
        Files.copy(dir.resolve(OutputFolder.CHECKPOINT), alone.resolve(OutputFolder.CHECKPOINT));
        Path resumed = tmp.resolve("from-alone");
        Cli second = run("run", "two-spirals", "--resume", alone.resolve(OutputFolder.CHECKPOINT).toString(), "--epochs", "3",
                "--out", resumed.toString());
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.out()).contains("no metrics.csv beside the checkpoint: the metrics of epochs 1-2 are not carried");
        List<String> csv = Files.readAllLines(resumed.resolve(OutputFolder.METRICS_CSV));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith("3,");
    }

    @Test
    void aCheckpointWithAnOptionTheExperimentNoLongerHasIsRefusedNamingIt() throws IOException {
        Path old = Files.createDirectories(tmp.resolve("old-plugin"));
        Path ckpt = old.resolve(OutputFolder.CHECKPOINT);
        java.util.Map<String, String> meta = new LinkedHashMap<>(org.equivariant4j.nn.checkpoint.Safetensors.readMetadata(
                dir.resolve(OutputFolder.CHECKPOINT)));
        meta.put("config", meta.get("config").replace("{", "{\"width\":\"3\","));
        org.equivariant4j.nn.checkpoint.Safetensors.save(org.equivariant4j.nn.checkpoint.Safetensors.load(
                dir.resolve(OutputFolder.CHECKPOINT)), ckpt, meta);
        Cli second = run("run", "two-spirals", "--resume", ckpt.toString(), "--epochs", "3", "--out",
                tmp.resolve("never-old").toString());
        assertThat(second.exitCode()).as("%s", second).isEqualTo(1);
        assertThat(second.err()).contains("holds options that experiment 'two-spirals' does not accept now").contains("width");
    }

    @Test
    void aCheckpointOfAnotherExperimentIsRefusedNamingIt() {
        Cli wrong = run("run", "c4-tetrominoes", "--resume", dir.resolve(OutputFolder.CHECKPOINT).toString(), "--out",
                tmp.resolve("never").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("is a run of experiment 'two-spirals', not 'c4-tetrominoes'")
                .contains("eq4j run two-spirals --resume");
    }
}
