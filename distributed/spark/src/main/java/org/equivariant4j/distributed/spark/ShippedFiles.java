package org.equivariant4j.distributed.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.equivariant4j.core.error.InvalidOptionException;

/**
 * Experiment options that name a file or folder by a URI of any Hadoop-compatible file system ({@code file:},
 * {@code hdfs:}, {@code s3a:}, ...): Spark ships it to the driver and every executor ({@code SparkContext.addFile},
 * recursively for a folder), and each JVM reads its local copy. The options the workers receive carry a marker
 * ({@value #MARKER} and the name) that {@link #localise} turns into the path of that JVM's copy; the driver's run gets
 * its own copy's path directly. Plain paths (no scheme) are left alone: on a cluster they must exist on every node.
 */
final class ShippedFiles {
    static final String MARKER = "spark-files:";
    /** {@code scheme://...} or {@code file:/...}: not a value such as {@code a:b} that only contains a colon. */
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.+|file:/.+");

    private ShippedFiles() {
    }

    /** The config of the workers: every option holding a URI shipped, and replaced by its marker. */
    static Map<String, String> ship(JavaSparkContext spark, Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            String shipped = value;
            if (URI_WITH_SCHEME.matcher(value).matches() && !value.startsWith(MARKER)) {
                String fileName = fileName(name, value);
                spark.sc().addFile(value, true);
                shipped = MARKER + fileName;
            }
            out.put(name, shipped);
        });
        return out;
    }

    /** {@code options} with every marker replaced by the path of this JVM's copy (driver or executor). */
    static Map<String, String> localise(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((name, value) -> out.put(name, value.startsWith(MARKER)
                ? SparkFiles.get(value.substring(MARKER.length())) : value));
        return out;
    }

    private static String fileName(String option, String value) {
        try {
            String path = new URI(value).getPath();
            String trimmed = path == null ? "" : path.replaceAll("/+$", "");
            String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            if (name.isEmpty()) {
                throw new InvalidOptionException(option, "option '" + option + "': '" + value + "' names no file or folder"
                        + " to ship to the executors");
            }
            return name;
        } catch (URISyntaxException e) {
            throw new InvalidOptionException(option, "option '" + option + "': '" + value + "' is not a valid URI ("
                    + e.getMessage() + ")");
        }
    }
}
