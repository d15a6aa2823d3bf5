package org.equivariant4j.pointcloud.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ASCII PLY meshes: a header ({@code ply}, {@code format ascii 1.0}, {@code element}s with their
 * {@code property} lines, {@code end_header}), then each element's rows in header order. The {@code vertex} element
 * must have scalar x, y, z properties (others are ignored); the {@code face} element one list property of vertex
 * indices (polygons triangulated as fans); other elements of scalar properties are skipped. Binary PLY is refused
 * with a {@link org.equivariant4j.core.error.MalformedFileException} saying so, as is anything malformed; memory follows
 * the bytes read ({@link MeshLimits}).
 */
public final class PlyReader {

    private PlyReader() {
    }

    private record Element(String name, int count, List<String> properties, boolean hasList) {
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

    /** Reads an ASCII PLY mesh from {@code in}; {@code name} is the file named in errors. */
    public static TriangleMesh read(InputStream in, String name, MeshLimits limits) {
        MeshLines lines = new MeshLines(in, name, limits.maxLineLength());
        lines.skipComments(false);
        String[] magic = lines.require("the PLY header");
        if (magic.length != 1 || !magic[0].equals("ply")) {
            throw lines.fail("expected the header 'ply' but found '" + String.join(" ", magic) + "'");
        }
        String[] format = lines.require("the format line");
        if (format.length < 2 || !format[0].equals("format")) {
            throw lines.fail("expected 'format ascii 1.0' but found '" + String.join(" ", format) + "'");
        }
        if (!format[1].equals("ascii")) {
            throw lines.fail("only ASCII PLY is supported, this file is '" + format[1] + "'");
        }
        List<Element> elements = new ArrayList<>();
        Element current = null;
        while (true) {
            String[] t = lines.require("end_header");
            if (t[0].equals("end_header")) {
                break;
            }
            switch (t[0]) {
                case "comment", "obj_info" -> { }
                case "element" -> {
                    if (t.length != 3) {
                        throw lines.fail("expected 'element <name> <count>'");
                    }
                    long max = t[1].equals("vertex") ? limits.maxVertices() : limits.maxFaces();
                    current = new Element(t[1], lines.count(t[2], "element " + t[1] + " count", max), new ArrayList<>(),
                            false);
                    elements.add(current);
                }
                case "property" -> {
                    if (current == null) {
                        throw lines.fail("a property before any element");
                    }
                    boolean list = t.length == 5 && t[1].equals("list");
                    if (!list && t.length != 3) {
                        throw lines.fail("expected 'property <type> <name>' or 'property list <count type> <type> <name>'");
                    }
                    if (list) {
                        if (!current.name().equals("face") || current.hasList() || !current.properties().isEmpty()) {
                            throw lines.fail("a list property is supported only as the single property of 'face'");
                        }
                        current = new Element(current.name(), current.count(), current.properties(), true);
                        elements.set(elements.size() - 1, current);
                    } else if (current.hasList()) {
                        throw lines.fail("'face' may have only its list property");
                    }
                    current.properties().add(t[t.length - 1]);
                }
                default -> throw lines.fail("unexpected header line '" + String.join(" ", t) + "'");
            }
        }
        GrowingArrays data = new GrowingArrays();
        int nv = -1;
        long triangles = 0;
        for (Element e : elements) {
            if (e.name().equals("vertex")) {
                int[] xyz = {e.properties().indexOf("x"), e.properties().indexOf("y"), e.properties().indexOf("z")};
                if (xyz[0] < 0 || xyz[1] < 0 || xyz[2] < 0) {
                    throw lines.fail("the vertex element needs properties x, y and z, has " + e.properties());
                }
                for (int v = 0; v < e.count(); v++) {
                    String[] t = lines.require("vertex " + v + " of " + e.count());
                    if (t.length != e.properties().size()) {
                        throw lines.fail("vertex " + v + ": expected " + e.properties().size() + " values but found " + t.length);
                    }
                    for (int a : xyz) {
                        data.add(lines.number(t[a], "vertex " + v + " coordinate"));
                    }
                }
                nv = e.count();
            } else if (e.name().equals("face")) {
                if (nv < 0) {
                    throw lines.fail("the face element comes before the vertex element");
                }
                for (int f = 0; f < e.count(); f++) {
                    String[] t = lines.require("face " + f + " of " + e.count());
                    triangles += data.addFan(lines, t, f, nv, limits.maxPolygon(), false);
                    if (triangles > limits.maxFaces()) {
                        throw lines.fail("more than " + limits.maxFaces() + " triangles");
                    }
                }
            } else {
                for (int r = 0; r < e.count(); r++) {
                    lines.require("row " + r + " of element " + e.name());
                }
            }
        }
        if (nv < 0) {
            throw lines.fail("no vertex element");
        }
        return TriangleMesh.of(data.doubles(), data.ints());
    }
}
