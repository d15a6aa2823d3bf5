package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The eq4j command measures equivariance but is no test: its run-time class path, the very list the
 * {@code ./eq4j} launcher runs with, carries the measurement module and no test framework (issue 15's
 * measurement/assertion split). A dependency that drags the testkit, JUnit or AssertJ back in fails here.
 */
class CliClassPathTest {
    /** Jar names from ~/.m2, or module folders when Maven resolves a module of the reactor to its target/classes. */
    private static final List<String> TEST_ONLY = List.of("junit", "opentest4j", "assertj", "equivariant4j-testkit",
            "/testkit/target");

    @Test
    void theLauncherClassPathHasTheMeasurementButNoTestFramework() throws IOException {
        Path listing = Path.of("target", "classpath.txt");
        assertThat(listing).as("written by maven-dependency-plugin in generate-test-resources").exists();
        List<String> entries = Arrays.stream(Files.readString(listing).trim().split(File.pathSeparator))
                .map(entry -> entry.replace('\\', '/').toLowerCase()).toList();
        assertThat(entries).as("the eq4j launcher's class path").anyMatch(jar -> jar.contains("equivariant4j-equivariance-")
                || jar.endsWith("/equivariance/target/classes"));
        for (String forbidden : TEST_ONLY) {
            assertThat(entries).as("the eq4j launcher's class path").noneMatch(jar -> jar.contains(forbidden));
        }
    }
}
