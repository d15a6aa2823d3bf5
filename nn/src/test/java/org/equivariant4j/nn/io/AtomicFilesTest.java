package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atomic writer: the file it writes has the permissions the user's umask gives (checked in a
 * child JVM started under two umasks, since a JVM cannot change its own), and the temporaries a
 * killed write leaves are removed by {@link AtomicFiles#removeStaleTemporaries}, which touches
 * nothing but those.
 */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void theWrittenFileHasThePermissionsOfTheUmask() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "/bin/sh to set a umask");
        assertThat(permissionsWrittenUnder("077")).as("umask 077: owner only").isEqualTo("rw-------");
        assertThat(permissionsWrittenUnder("002")).as("umask 002: group-writable").isEqualTo("rw-rw-r--");
    }

    private String permissionsWrittenUnder(String umask) throws IOException, InterruptedException {
        Path target = tmp.resolve("umask-" + umask + ".txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" -cp \"$1\" "
                + AtomicWriteProbe.class.getName() + " \"$2\"", java, System.getProperty("java.class.path"), target.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("probe output: %s", output).isZero();
        assertThat(Files.readString(target)).isEqualTo("probe");
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
    }

    @Test
    void staleTemporariesOfTheTargetAreRemovedAndNothingElse() throws IOException {
        Path target = tmp.resolve("checkpoint.safetensors");
        AtomicFiles.write(target, "current");
        List<Path> stale = List.of(tmp.resolve(".checkpoint.safetensors.123.tmp"),
                tmp.resolve(".checkpoint.safetensors.18446744073709551615.tmp"));
        List<Path> others = List.of(tmp.resolve(".checkpoint.safetensors.x1.tmp"), tmp.resolve("checkpoint.safetensors.1.tmp"),
                tmp.resolve(".metrics.csv.123.tmp"), tmp.resolve(".checkpoint.safetensors.123.tmp.keep"),
                tmp.resolve("notes.txt"));
        for (Path p : stale) {
            Files.writeString(p, "half");
        }
        for (Path p : others) {
            Files.writeString(p, "mine");
        }
        Path dirNamedLikeOne = Files.createDirectory(tmp.resolve(".checkpoint.safetensors.77.tmp"));

        assertThat(AtomicFiles.removeStaleTemporaries(target)).isEqualTo(2);
        stale.forEach(p -> assertThat(p).doesNotExist());
        others.forEach(p -> assertThat(p).exists());
        assertThat(dirNamedLikeOne).as("only regular files").isDirectory();
        assertThat(target).hasContent("current");
    }

    @Test
    void aWriteLeavesNoTemporary() throws IOException {
        Path target = tmp.resolve("a.txt");
        AtomicFiles.write(target, "one");
        AtomicFiles.write(target, "two");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }
}
