package org.equivariant4j.pointcloud.shapes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.mesh.MeshLimits;
import org.equivariant4j.pointcloud.mesh.OffReader;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;

/**
 * A ModelNet40-style folder of meshes, {@code root/<class>/<split>/*.off} (or {@code .ply}): classes are the
 * sub-folders in name order, each mesh is read (every file untrusted, see {@link OffReader}) and sampled into a cloud
 * as the synthetic shapes are ({@link ShapeSampling}). {@code maxPerClass} bounds the meshes taken per class (in file
 * name order), so a run can use part of a large dataset.
 */
public final class MeshFolder {

    /** The classes found and the sampled clouds. */
    public record Loaded(List<String> classes, SampledShapes shapes) {
    }

    private MeshFolder() {
    }

    public static Loaded load(Path root, String split, int points, double noise, int maxPerClass, Rng rng) {
        return load(root, split, null, points, noise, maxPerClass, rng);
    }

    /** As {@link #load(Path, String, int, double, int, Rng)}, with the classes fixed (a test split uses the training split's). */
    public static Loaded load(Path root, String split, List<String> classes, int points, double noise, int maxPerClass,
            Rng rng) {
        if (!Files.isDirectory(root)) {
            throw new InvalidArgumentException("MeshFolder: " + root + " is not a directory (expected <root>/<class>/" + split
                    + "/*.off)");
        }
        List<String> names = classes != null ? classes : MeshFiles.folderNames(root);
        if (names.isEmpty()) {
            throw new InvalidArgumentException("MeshFolder: " + root + " has no class folders (expected <root>/<class>/" + split
                    + "/*.off)");
        }
        MeshFiles.Labelled<TriangleMesh> found = MeshFiles.perClass(root, names, split, MeshFiles::isMeshFile, maxPerClass,
                f -> MeshFiles.read(f, MeshLimits.DEFAULT));
        if (found.shapes().isEmpty()) {
            throw new InvalidArgumentException("MeshFolder: no .off or .ply meshes under " + root + "/<class>/" + split);
        }
        return new Loaded(List.copyOf(names), ShapeSampling.sample(found.shapes(), found.labels(), points, noise, false, rng));
    }
}
