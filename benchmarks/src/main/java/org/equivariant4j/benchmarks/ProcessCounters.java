package org.equivariant4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;

/**
 * The operating system's view of this process's memory: minor page faults (each one a fresh 4 KiB
 * page touched for the first time, the cost fresh native memory has on every step) from
 * {@code /proc/self/stat}, and the resident set as JavaCPP reads it ({@link Pointer#physicalBytes()}).
 * Linux only.
 */
final class ProcessCounters {
    private ProcessCounters() {
    }

    /** Minor page faults of this process so far. */
    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'; minflt is field 10.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The resident set in bytes. */
    static long residentBytes() {
        return Pointer.physicalBytes();
    }
}
