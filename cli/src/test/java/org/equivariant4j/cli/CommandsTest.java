package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.runtime.EquivariantRuntime;
import org.equivariant4j.runtime.LoadedPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** list, --version, help, bench, and how every command refuses bad input: naming what is known, or which value and why. */
class CommandsTest {

    @Test
    void listShowsEveryPluginWithItsVersionAndEveryContribution() {
        Cli list = Cli.run("list");
        assertThat(list.exitCode()).as("%s", list).isZero();
        for (LoadedPlugin p : EquivariantRuntime.load().plugins().all()) {
            assertThat(list.out()).as("list output").containsPattern("(?m)^" + p.id() + " +" + p.descriptor().version().replace(".", "\\.") + " ");
        }
        assertThat(list.out()).contains("quaternion-group", "groups", BuiltinsPlugin.ID)
                .contains("Q8: the quaternion units").contains("equivariant-linear").contains("c4-tetrominoes", "two-spirals");
    }

    @Test
    void listOptionsShowsEachExperimentsOptionsWithDefaults() {
        assertThat(Cli.run("list", "--options").out()).contains("Options of c4-tetrominoes")
                .containsPattern("(?m)^fields +int +32 +int in \\[1, 1024\\]").containsPattern("(?m)^seed +int +1 +any int");
    }

    @Test
    void versionListsTheModulesAndTheSpi() {
        Cli v = Cli.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("eq4j 0.1.0-SNAPSHOT").containsPattern("core +0\\.1\\.0-SNAPSHOT")
                .containsPattern("backend-nd4j +0\\.1\\.0-SNAPSHOT").contains("plugin SPI     1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "run", "check", "bench"})
    void everyCommandHasHelpWithExamples(String command) {
        Cli help = Cli.run(command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: eq4j " + command).contains("Examples:").contains("  eq4j " + command);
    }

    @Test
    void anUnknownExperimentListsTheKnownOnes() {
        Cli bad = Cli.run("run", "two-spiral");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("eq4j run: unknown experiment 'two-spiral'; known: c4-tetrominoes [eq4j-builtins],")
                .contains(" two-spirals [eq4j-builtins]");
    }

    @Test
    void anUnknownOptionListsTheExperimentsOptions(@TempDir Path tmp) {
        Cli bad = Cli.run("run", "two-spirals", "-o", "hiden=8", "--out", tmp.resolve("x").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown option of experiment 'two-spirals' 'hiden'; known: epochs=40")
                .contains("hidden=64 (int in [1, 4096])");
        assertThat(tmp.resolve("x")).as("nothing is written before the options are valid").doesNotExist();
    }

    @Test
    void aBadValueSaysWhichOptionAndWhy(@TempDir Path tmp) {
        assertThat(Cli.run("run", "two-spirals", "--epochs", "0").err())
                .contains("option 'epochs': '0' is out of range; expected int in [1, 100000]");
        assertThat(Cli.run("run", "two-spirals", "-o", "lr=fast").err()).contains("option 'lr': 'fast' is not a number");
        assertThat(Cli.run("run", "c4-tetrominoes", "-o", "size=7", "--epochs", "1", "-o", "train-size=7", "-o", "test-size=7",
                "--out", tmp.resolve("odd").toString()).err())
                .contains("option 'size': '7' is odd");
        assertThat(Cli.run("run", "two-spirals", "--progress", "fancy").err()).contains("'fancy' is not one of auto, bar, lines, none");
    }

    @Test
    void anUnwritableOutputFolderFailsBeforeTraining(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        long start = System.nanoTime();
        Cli bad = Cli.run("run", "c4-tetrominoes", "--out", file.resolve("run").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("output folder " + file.resolve("run") + " is not writable").contains("--out DIR");
        assertThat(bad.out()).as("nothing was started").doesNotContain("epoch");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to fail").isLessThan(5);
    }

    @Test
    void benchTimesStepsAndReportsMemory() {
        Cli bench = Cli.run("bench", "two-spirals", "--steps", "3", "--warmup", "1", "-o", "train-size=32", "-o", "test-size=32");
        assertThat(bench.exitCode()).as("%s", bench).isZero();
        assertThat(bench.out()).contains("eq4j bench two-spirals (3 steps after 1 warm-up").containsPattern("step, mean +[0-9.]+ ms")
                .containsPattern("Java heap used after GC +[0-9.]+ MB").contains("examples per second");
    }
}
