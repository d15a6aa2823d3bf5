package org.equivariant4j.pointcloud.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.equivariant4j.core.error.MalformedFileException;

/**
 * Reads the declared part names of a part-labelled dataset ({@code parts.txt}): one name per line, in label order
 * (the first name is part 0), '#' comments and blank lines skipped. A name is 1 to {@value #MAX_NAME} letters,
 * digits, '_' or '-' (no '.', which ends a part's name in a mesh file's name), and appears once; at most
 * {@value #MAX_PARTS} names. The file is untrusted: it is read through the same bounded line reader as the meshes,
 * and any fault is a {@link MalformedFileException} naming the file, the line, what was expected and what was found.
 */
public final class PartNames {
    /** The most parts a file may declare (ShapeNet-part has 50 over all its categories, PartNet's finest level 251). */
    public static final int MAX_PARTS = 1024;
    /** The longest part name. */
    public static final int MAX_NAME = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME + "}");
    private static final int MAX_LINE = 1024;

    private PartNames() {
    }

    public static List<String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** The part names in {@code in}; {@code name} is the file named in errors. */
    public static List<String> read(InputStream in, String name) {
        MeshLines lines = new MeshLines(in, name, MAX_LINE);
        List<String> names = new ArrayList<>();
        for (String[] t = lines.next(); t != null; t = lines.next()) {
            if (t.length != 1) {
                throw lines.fail("expected one part name but found " + t.length + " words");
            }
            String part = t[0];
            if (!NAME.matcher(part).matches()) {
                throw lines.fail("part name '" + (part.length() > 40 ? part.substring(0, 40) + "..." : part) + "' is not 1 to "
                        + MAX_NAME + " letters, digits, '_' or '-'");
            }
            if (names.contains(part)) {
                throw lines.fail("part name '" + part + "' is declared twice");
            }
            if (names.size() == MAX_PARTS) {
                throw lines.fail("more than " + MAX_PARTS + " part names");
            }
            names.add(part);
        }
        if (names.isEmpty()) {
            throw new MalformedFileException(name + ": declares no part names (expected one a line, in label order)");
        }
        return List.copyOf(names);
    }
}
