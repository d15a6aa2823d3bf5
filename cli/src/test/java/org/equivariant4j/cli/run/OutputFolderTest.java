package org.equivariant4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.equivariant4j.core.error.Equivariant4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders never collide: runs started in the same second get folders of their own, a folder
 * that holds files is refused unless overwriting was asked for (or it is the resumed run's), and
 * the temporaries of killed writes are cleaned, nothing else.
 */
class OutputFolderTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 6, 4, 0, 0);

    @TempDir
    Path tmp;

    @Test
    void runsStartedInTheSameSecondGetFoldersOfTheirOwn() throws Exception {
        int runs = 8;
        Set<Path> dirs = ConcurrentHashMap.newKeySet(runs);
        dirs.addAll(race(runs, () -> OutputFolder.createDefault(tmp.resolve("runs"), "two-spirals", NOW).dir()));
        assertThat(dirs).hasSize(runs);
        assertThat(dirs).contains(tmp.resolve("runs/two-spirals-20261206-040000").toAbsolutePath(),
                tmp.resolve("runs/two-spirals-20261206-040000-2").toAbsolutePath(),
                tmp.resolve("runs/two-spirals-20261206-040000-8").toAbsolutePath());
        dirs.forEach(d -> assertThat(d.resolve(OutputFolder.CONFIG)).as("claimed").exists());
    }

    @Test
    void anEmptyOrMissingFolderIsClaimedByOneRunOnly() throws Exception {
        Path target = tmp.resolve("flagship");
        List<Boolean> outcomes = race(8, () -> {
            try {
                OutputFolder.claim(target, false, null);
                return true;
            } catch (Equivariant4jException refused) {
                assertThat(refused).hasMessageContaining(target.toAbsolutePath().toString());
                return false;
            }
        });
        long claimed = outcomes.stream().filter(b -> b).count();
        assertThat(claimed).isEqualTo(1);
    }

    @Test
    void aFolderHoldingFilesIsRefusedAndLeftAsItWas() throws IOException {
        Path run = previousRun("old");
        assertThatThrownBy(() -> OutputFolder.claim(run, false, null)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("output folder " + run.toAbsolutePath() + " is not empty (checkpoint.safetensors,"
                        + " config.json, metrics.csv, notes.txt, results.md)")
                .hasMessageContaining("--overwrite");
        assertThat(run.resolve(OutputFolder.CHECKPOINT)).hasContent("old checkpoint");
        assertThat(run.resolve(OutputFolder.METRICS_CSV)).hasContent("old metrics");
    }

    @Test
    void overwritingReplacesTheRunsFilesOnlyAndCleansStaleTemporaries() throws IOException {
        Path run = previousRun("old");
        Path stale = Files.writeString(run.resolve(".checkpoint.safetensors.4242.tmp"), "half a checkpoint");
        Path staleCsv = Files.writeString(run.resolve(".metrics.csv.17.tmp"), "half");
        OutputFolder folder = OutputFolder.claim(run, true, null);
        assertThat(folder.staleTemporariesRemoved()).isEqualTo(2);
        assertThat(stale).doesNotExist();
        assertThat(staleCsv).doesNotExist();
        for (String name : OutputFolder.OUTPUTS) {
            assertThat(run.resolve(name)).as("%s of the old run", name).doesNotExist();
        }
        assertThat(run.resolve("notes.txt")).as("not ours").hasContent("mine");
    }

    @Test
    void theResumedRunsFolderIsContinuedKeepingItsCheckpoint() throws IOException {
        Path run = previousRun("old");
        Path stale = Files.writeString(run.resolve(".checkpoint.safetensors.99.tmp"), "half a checkpoint");
        OutputFolder folder = OutputFolder.claim(run, false, run.resolve(OutputFolder.CHECKPOINT));
        assertThat(folder.staleTemporariesRemoved()).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(run.resolve(OutputFolder.CHECKPOINT)).as("the checkpoint being resumed").hasContent("old checkpoint");
        assertThat(run.resolve(OutputFolder.RESULTS)).as("stale results of the old run's end").doesNotExist();
    }

    @Test
    void aFileIsNoFolder() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> OutputFolder.claim(file, true, null)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("is a file, not a folder");
    }

    /** Runs {@code task} on {@code n} threads released at once; the results in submission order. */
    private static <T> List<T> race(int n, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Path previousRun(String tag) throws IOException {
        Path run = Files.createDirectories(tmp.resolve(tag));
        Files.writeString(run.resolve(OutputFolder.CONFIG), "{}");
        Files.writeString(run.resolve(OutputFolder.CHECKPOINT), "old checkpoint");
        Files.writeString(run.resolve(OutputFolder.METRICS_CSV), "old metrics");
        Files.writeString(run.resolve(OutputFolder.RESULTS), "old results");
        Files.writeString(run.resolve("notes.txt"), "mine");
        return run;
    }
}
