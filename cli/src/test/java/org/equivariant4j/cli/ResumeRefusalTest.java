package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.equivariant4j.cli.run.OutputFolder;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume} refuses what it cannot continue, each with one clear line and exit 1, before any
 * data is generated or output folder created: damaged metadata, a history that does not match, a
 * diverged (NaN) checkpoint, options that would change the model, and nothing left to train. And
 * {@code --out} refuses a blank name and a folder of another run.
 */
class ResumeRefusalTest {
    private static final List<String> TINY = List.of("-o", "train-size=32", "-o", "test-size=16", "-o", "hidden=4",
            "--batch-size", "16", "--progress", "none");

    @TempDir
    static Path tmp;

    private static Path base;

    @BeforeAll
    static void aTwoEpochRun() {
        base = tmp.resolve("base");
        Cli first = run("run", "two-spirals", "--epochs", "2", "--out", base.toString());
        assertThat(first.exitCode()).as("%s", first).isZero();
    }

    @Test
    void aCheckpointWithoutExperimentIsRefusedByName() throws IOException {
        Path ckpt = variant("no-experiment", meta -> meta.remove("experiment"), t -> { });
        assertRefused(ckpt, "has damaged run metadata: it has no 'experiment'");
    }

    @Test
    void aNegativeEpochCountIsRefused() throws IOException {
        Path ckpt = variant("negative", meta -> meta.put("epochs_completed", "-3"), t -> { });
        assertRefused(ckpt, "'epochs_completed' is -3; a checkpoint is written after an epoch, so it is at least 1");
    }

    @Test
    void anEpochCountThatIsNoNumberIsRefused() throws IOException {
        Path ckpt = variant("words", meta -> meta.put("epochs_completed", "two"), t -> { });
        assertRefused(ckpt, "'epochs_completed' is 'two', not a whole number");
    }

    @Test
    void aHistoryThatDoesNotMatchTheCheckpointIsRefusedNamingTheLine() throws IOException {
        Path ckpt = variant("duplicated", meta -> { }, t -> { });
        Path csv = ckpt.resolveSibling(OutputFolder.METRICS_CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.add(2, lines.get(1));
        Files.write(csv, lines);
        assertRefused(ckpt, csv + " line 3: epoch 1 does not follow epoch 1");
    }

    @Test
    void aCheckpointWithNaNParametersIsRefusedNamingTheTensor() throws IOException {
        String[] poisoned = new String[1];
        Path ckpt = variant("nan", meta -> { }, tensors -> {
            String name = tensors.keySet().iterator().next();
            Tensor t = tensors.get(name);
            float[] v = t.toFloatArray();
            v[0] = Float.NaN;
            v[v.length - 1] = Float.POSITIVE_INFINITY;
            tensors.put(name, Tensors.of(v, t.shape()));
            poisoned[0] = name;
        });
        assertRefused(ckpt, "holds NaN or infinite values in '" + poisoned[0] + "' (2)");
    }

    @Test
    void anOptionThatWouldChangeTheModelIsRefusedBeforeTheDataIsGenerated() {
        Cli result = resume(base.resolve(OutputFolder.CHECKPOINT), "--epochs", "3", "-o", "hidden=16", "-o", "lr=0.02");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).contains("was trained with other options than given now (hidden 4 -> 16, lr 0.01 -> 0.02)")
                .contains("only --epochs may change").doesNotContain("unexpected error");
        assertThat(result.out()).as("nothing started: no data line").doesNotContain("data ");
    }

    @Test
    void epochsNotAboveTheCompletedCountAreRefusedAsNothingToDo() {
        for (String epochs : List.of("1", "2")) {
            Cli result = resume(base.resolve(OutputFolder.CHECKPOINT), "--epochs", epochs);
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.err()).contains("nothing to do: checkpoint").contains("has completed 2 epoch(s) and the run asks"
                    + " for " + epochs).contains("pass --epochs N with N > 2");
        }
        Cli noEpochs = resume(base.resolve(OutputFolder.CHECKPOINT));
        assertThat(noEpochs.exitCode()).as("the checkpoint's own target, reached: %s", noEpochs).isEqualTo(1);
        assertThat(noEpochs.err()).contains("nothing to do");
    }

    @Test
    void aFirstFormatCheckpointIsRefusedSayingWhy() throws IOException {
        Path ckpt = variant("v1", meta -> meta.put("format", "eq4j-run/1"), t -> { });
        assertRefused(ckpt, "has format eq4j-run/1, written before checkpoints held the optimiser state");
    }

    @Test
    void aBlankOutIsRefusedAsBadUsage() {
        Cli result = run("run", "two-spirals", "--out", "");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("option '--out': the folder name is empty");
    }

    @Test
    void anotherRunsFolderIsRefusedAndKeptUnlessOverwriteIsGiven() throws IOException {
        byte[] checkpoint = Files.readAllBytes(base.resolve(OutputFolder.CHECKPOINT));
        byte[] metrics = Files.readAllBytes(base.resolve(OutputFolder.METRICS_CSV));
        Cli refused = run("run", "two-spirals", "--epochs", "1", "--seed", "2", "--out", base.toString());
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        assertThat(refused.err()).contains("is not empty").contains("--overwrite");
        assertThat(Files.readAllBytes(base.resolve(OutputFolder.CHECKPOINT))).isEqualTo(checkpoint);
        assertThat(Files.readAllBytes(base.resolve(OutputFolder.METRICS_CSV))).isEqualTo(metrics);

        Path copy = tmp.resolve("overwritten");
        copyRun(base, copy);
        Cli overwritten = run("run", "two-spirals", "--epochs", "1", "--seed", "2", "--out", copy.toString(), "--overwrite");
        assertThat(overwritten.exitCode()).as("%s", overwritten).isZero();
        assertThat(Files.readAllLines(copy.resolve(OutputFolder.METRICS_CSV))).hasSize(2);
        assertThat(Files.readString(copy.resolve(OutputFolder.CONFIG))).contains("\"seed\" : 2");
    }

    private static void assertRefused(Path checkpoint, String message) {
        Path out = checkpoint.resolveSibling("never");
        Cli result = run("run", "two-spirals", "--resume", checkpoint.toString(), "--epochs", "3", "--out", out.toString());
        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).contains(message).doesNotContain("unexpected error").doesNotContain("\tat ");
        assertThat(out).as("refused before any folder is created").doesNotExist();
    }

    /** A copy of the base run whose checkpoint has its metadata and tensors edited. */
    private static Path variant(String name, Consumer<Map<String, String>> meta, Consumer<Map<String, Tensor>> tensors)
            throws IOException {
        Path dir = tmp.resolve(name);
        copyRun(base, dir);
        Path ckpt = dir.resolve(OutputFolder.CHECKPOINT);
        Map<String, String> metadata = new LinkedHashMap<>(Safetensors.readMetadata(ckpt));
        Map<String, Tensor> state = new LinkedHashMap<>(Safetensors.load(ckpt));
        meta.accept(metadata);
        tensors.accept(state);
        Safetensors.save(state, ckpt, metadata);
        return ckpt;
    }

    private static void copyRun(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : List.of(OutputFolder.CHECKPOINT, OutputFolder.METRICS_CSV, OutputFolder.CONFIG)) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
    }

    private static Cli resume(Path checkpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "two-spirals", "--resume", checkpoint.toString(), "--out",
                tmp.resolve("never-" + System.nanoTime()).toString()));
        args.addAll(TINY);
        // Last, so they win over the tiny defaults.
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static Cli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TINY);
        return Cli.run(all.toArray(String[]::new));
    }
}
