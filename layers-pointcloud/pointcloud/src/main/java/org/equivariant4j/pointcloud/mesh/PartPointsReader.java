package org.equivariant4j.pointcloud.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.MalformedFileException;

/**
 * Reads a file of part-labelled points as ShapeNet-part's normal-resampled release stores a shape
 * ({@code shapenetcore_partanno_segmentation_benchmark_v0_normal/<synset>/<id>.txt}): one point a line,
 * {@code x y z nx ny nz label}, the label a whole number in {@code [0, parts)} ({@code 38} or {@code 38.000000}).
 * The file is untrusted: read through the bounded line reader, at most {@code maxPoints} points, arrays growing as
 * points arrive; any fault is a {@link MalformedFileException} naming the file, the line, what was expected and what
 * was found.
 */
public final class PartPointsReader {

    private PartPointsReader() {
    }

    public static SurfaceSampler.Sample read(Path file, int parts, int maxPoints) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), parts, maxPoints);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** The points of {@code in} with their normals and part labels; {@code name} is the file named in errors. */
    public static SurfaceSampler.Sample read(InputStream in, String name, int parts, int maxPoints) {
        MeshLines lines = new MeshLines(in, name, 1024);
        GrowingArrays positions = new GrowingArrays();
        GrowingArrays normals = new GrowingArrays();
        GrowingArrays labels = new GrowingArrays();
        int count = 0;
        for (String[] t = lines.next(); t != null; t = lines.next()) {
            if (t.length != 7) {
                throw lines.fail("point " + count + ": expected 'x y z nx ny nz label' but found " + t.length + " value(s)");
            }
            if (count == maxPoints) {
                throw lines.fail("more than " + maxPoints + " points");
            }
            for (int a = 0; a < 3; a++) {
                positions.add(lines.number(t[a], "point " + count + " coordinate"));
                normals.add(lines.number(t[3 + a], "point " + count + " normal component"));
            }
            labels.add(label(lines, t[6], "point " + count + " part label", parts));
            count++;
        }
        if (count == 0) {
            throw new MalformedFileException(name + ": no points (expected one 'x y z nx ny nz label' a line)");
        }
        return new SurfaceSampler.Sample(positions.doubles(), normals.doubles(), labels.ints());
    }

    /** A label in {@code [0, parts)}, written as an integer or, as numpy's savetxt writes it, a whole decimal (38.000000). */
    private static int label(MeshLines lines, String token, String what, int parts) {
        if (token.indexOf('.') < 0) {
            return lines.count(token, what, parts - 1L);
        }
        double v = lines.number(token, what);
        if (v != Math.rint(v)) {
            throw lines.fail(what + " '" + token + "' is not a whole number");
        }
        return lines.count(Long.toString((long) v), what, parts - 1L);
    }
}
