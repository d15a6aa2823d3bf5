package org.equivariant4j.pointcloud.shapes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.equivariant4j.pointcloud.mesh.MeshLimits;
import org.equivariant4j.pointcloud.mesh.OffReader;
import org.equivariant4j.pointcloud.mesh.PlyReader;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;

/**
 * How the dataset folders find and read their meshes: entries of a folder in name order, mesh files recognised by
 * their extension ({@code .off}, {@code .ply}, any case) and read by the matching bounded reader.
 */
final class MeshFiles {

    private MeshFiles() {
    }

    /** Shapes with the index of the class folder each came from. */
    record Labelled<T>(List<T> shapes, int[] labels) {
    }

    /**
     * For each class, in order, at most {@code max} entries of {@code root/<class>/<split>} that {@code keep} (a class
     * without that folder adds none), each made into a shape by {@code read} and labelled with the class's index.
     */
    static <T> Labelled<T> perClass(Path root, List<String> classes, String split, Predicate<Path> keep, int max,
            Function<Path, T> read) {
        List<T> shapes = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path dir = root.resolve(classes.get(c)).resolve(split);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path entry : list(dir, keep, max)) {
                shapes.add(read.apply(entry));
                labels.add(c);
            }
        }
        return new Labelled<>(shapes, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The sub-folders of {@code dir}, by name. */
    static List<String> folderNames(Path dir) {
        return list(dir, Files::isDirectory, Integer.MAX_VALUE).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** At most {@code max} entries of {@code dir} that {@code keep}, by name. */
    static List<Path> list(Path dir, Predicate<Path> keep, int max) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(keep).sorted().limit(max).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    /** A regular file with a mesh extension. */
    static boolean isMeshFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (n.endsWith(".off") || n.endsWith(".ply"));
    }

    /** The mesh in {@code file}, read by the reader its extension names. */
    static TriangleMesh read(Path file, MeshLimits limits) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ply") ? PlyReader.read(file, limits) : OffReader.read(file, limits);
    }
}
