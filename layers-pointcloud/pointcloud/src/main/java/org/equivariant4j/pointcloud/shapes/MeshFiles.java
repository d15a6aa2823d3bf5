package org.equivariant4j.pointcloud.shapes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    /** The sub-folders of {@code dir}, by name. */
    static List<String> folderNames(Path dir) {
        return list(dir, Files::isDirectory, Integer.MAX_VALUE).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** At most {@code max} mesh files of {@code dir}, by name. */
    static List<Path> meshes(Path dir, int max) {
        return list(dir, p -> Files.isRegularFile(p) && isMesh(p), max);
    }

    /** At most {@code max} entries of {@code dir} that {@code keep}, by name. */
    static List<Path> list(Path dir, Predicate<Path> keep, int max) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(keep).sorted().limit(max).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    static boolean isMesh(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".off") || n.endsWith(".ply");
    }

    /** The mesh in {@code file}, read by the reader its extension names. */
    static TriangleMesh read(Path file, MeshLimits limits) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ply") ? PlyReader.read(file, limits) : OffReader.read(file, limits);
    }
}
