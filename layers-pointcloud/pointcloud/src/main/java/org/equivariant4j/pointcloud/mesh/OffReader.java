package org.equivariant4j.pointcloud.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.MalformedFileException;

/**
 * Reads the Object File Format (ModelNet's): {@code OFF}, then {@code V F E} counts, V lines of x y z (extra columns,
 * such as colours, ignored), F faces {@code n i_1 ... i_n} (polygons triangulated as fans). Also accepted: the counts
 * on the header line, with or without a space ({@code OFF490 518 0}, as some ModelNet40 files have), and '#'
 * comments. Files are untrusted: anything else is a {@link MalformedFileException} naming the file, the line, what
 * was expected and what was found; memory follows the bytes read (see {@link MeshLimits}).
 */
public final class OffReader {

    private OffReader() {
    }

    public static TriangleMesh read(Path file) {
        return read(file, MeshLimits.DEFAULT);
    }

    public static TriangleMesh read(Path file, MeshLimits limits) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Reads an OFF mesh from {@code in}; {@code name} is the file named in errors. */
    public static TriangleMesh read(InputStream in, String name, MeshLimits limits) {
        MeshLines lines = new MeshLines(in, name, limits.maxLineLength());
        String[] header = lines.require("the OFF header");
        if (!header[0].startsWith("OFF")) {
            throw lines.fail("expected the header 'OFF' but found '" + shorten(header[0]) + "'");
        }
        String[] counts;
        String rest = header[0].substring(3);
        if (!rest.isEmpty()) {
            counts = new String[header.length];
            counts[0] = rest;
            System.arraycopy(header, 1, counts, 1, header.length - 1);
        } else if (header.length > 1) {
            counts = java.util.Arrays.copyOfRange(header, 1, header.length);
        } else {
            counts = lines.require("the counts 'vertices faces edges'");
        }
        if (counts.length < 2) {
            throw lines.fail("expected the counts 'vertices faces edges' but found " + counts.length + " value(s)");
        }
        int nv = lines.count(counts[0], "vertex count", limits.maxVertices());
        int nf = lines.count(counts[1], "face count", limits.maxFaces());
        GrowingArrays data = new GrowingArrays();
        for (int v = 0; v < nv; v++) {
            String[] t = lines.require("vertex " + v + " of " + nv);
            if (t.length < 3) {
                throw lines.fail("vertex " + v + ": expected x y z but found " + t.length + " value(s)");
            }
            for (int a = 0; a < 3; a++) {
                data.add(lines.number(t[a], "vertex " + v + " coordinate"));
            }
        }
        long triangles = 0;
        for (int f = 0; f < nf; f++) {
            String[] t = lines.require("face " + f + " of " + nf);
            triangles += data.addFan(lines, t, f, nv, limits.maxPolygon(), true);
            if (triangles > limits.maxFaces()) {
                throw lines.fail("more than " + limits.maxFaces() + " triangles");
            }
        }
        return TriangleMesh.of(data.doubles(), data.ints());
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Writes {@code mesh} as OFF text (for tests and for exporting synthetic shapes). */
    public static String toText(TriangleMesh mesh) {
        StringBuilder b = new StringBuilder("OFF\n").append(mesh.numVertices()).append(' ').append(mesh.numTriangles())
                .append(" 0\n");
        for (int v = 0; v < mesh.numVertices(); v++) {
            b.append(mesh.vertex(v, 0)).append(' ').append(mesh.vertex(v, 1)).append(' ').append(mesh.vertex(v, 2)).append('\n');
        }
        for (int t = 0; t < mesh.numTriangles(); t++) {
            b.append("3 ").append(mesh.corner(t, 0)).append(' ').append(mesh.corner(t, 1)).append(' ').append(mesh.corner(t, 2))
                    .append('\n');
        }
        return b.toString();
    }
}
