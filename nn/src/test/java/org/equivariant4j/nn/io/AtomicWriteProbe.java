package org.equivariant4j.nn.io;

import java.nio.file.Path;

/** Writes "probe" to the path given, atomically: run by {@link AtomicFilesTest} in a child JVM under a chosen umask. */
final class AtomicWriteProbe {
    private AtomicWriteProbe() {
    }

    public static void main(String[] args) {
        AtomicFiles.write(Path.of(args[0]), "probe");
    }
}
