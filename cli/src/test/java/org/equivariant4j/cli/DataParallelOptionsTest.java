package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eq4j run --spark} refuses, before any data or folder, what cannot run data-parallel: an experiment that is
 * not a {@code DataParallelExperiment}, a missing Spark host (the cli alone has none; the launcher adds it), and the
 * data-parallel flags without {@code --spark}. The runs themselves are tested in {@code distributed/spark}.
 */
class DataParallelOptionsTest {

    @Test
    void anExperimentThatIsNotDataParallelIsRefusedByName(@TempDir Path dir) {
        Cli cli = Cli.run("run", "two-spirals", "--spark", "local[2]", "--out", dir.resolve("x").toString());
        assertThat(cli.exitCode()).as("%s", cli).isEqualTo(1);
        assertThat(cli.err()).contains("'two-spirals' cannot be trained data-parallel");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void withoutTheSparkModuleOnTheClassPathTheRunSaysHowToGetIt(@TempDir Path dir) {
        Cli cli = Cli.run("run", "nbody-egnn", "--spark", "local[2]", "--out", dir.resolve("x").toString());
        assertThat(cli.exitCode()).as("%s", cli).isEqualTo(1);
        assertThat(cli.err()).contains("no Spark host on the class path", "eq4j launcher");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void dataParallelFlagsWithoutSparkAreRefused(@TempDir Path dir) {
        Cli cli = Cli.run("run", "two-spirals", "--partitions", "2", "--out", dir.resolve("x").toString());
        assertThat(cli.exitCode()).as("%s", cli).isEqualTo(1);
        assertThat(cli.err()).contains("add --spark MASTER");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
