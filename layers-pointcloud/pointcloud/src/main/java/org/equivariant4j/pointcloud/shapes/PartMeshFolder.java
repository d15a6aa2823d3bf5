package org.equivariant4j.pointcloud.shapes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.mesh.MeshLimits;
import org.equivariant4j.pointcloud.mesh.OffReader;
import org.equivariant4j.pointcloud.mesh.PartNames;
import org.equivariant4j.pointcloud.mesh.PartPointsReader;
import org.equivariant4j.pointcloud.mesh.SurfaceSampler;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;

/**
 * A folder of part-labelled shapes for segmentation, the {@link MeshFolder} layout with a folder (or a point file)
 * per shape:
 * <pre>
 * root/parts.txt                               the part names, one a line, in label order ({@link PartNames})
 * root/&lt;class&gt;/&lt;split&gt;/&lt;shape&gt;/&lt;part&gt;.off       one mesh per part of the shape (or .ply)
 * root/&lt;class&gt;/&lt;split&gt;/&lt;shape&gt;/&lt;part&gt;.&lt;any&gt;.off  more meshes of the same part (leg.1.off, leg.2.off)
 * root/&lt;class&gt;/&lt;split&gt;/&lt;shape&gt;.txt              or a shape as labelled points, x y z nx ny nz label a line
 *                                              (ShapeNet-part's normal-resampled files, {@link PartPointsReader})
 * </pre>
 * A mesh file's part is its name up to the first '.', which must be declared in {@code parts.txt}; other files in a
 * shape's folder are ignored. Each shape's parts are read (every file untrusted, see {@link OffReader}), labelled,
 * merged and sampled area-weighted over all of them ({@link ShapeSampling}), so each point carries the part of the
 * triangle it was drawn from; a point file's labels index {@code parts.txt}, and the points are chosen at random
 * among its rows (read only when drawn from, one file at a time). Classes are the class folders in name order;
 * {@code maxPerClass} bounds the shapes taken per class (in name order). The parts of one shape share one
 * {@link MeshLimits} budget, so a shape of many files cannot hold more than one mesh could.
 */
public final class PartMeshFolder {
    /** The name of the part list at the root. */
    public static final String PARTS_FILE = "parts.txt";
    /** The most mesh files one shape's folder may hold. */
    public static final int MAX_FILES_PER_SHAPE = 4096;

    /** The classes and parts found, and the sampled clouds (a class label per cloud, a part label per point). */
    public record Loaded(List<String> classes, List<String> parts, SampledShapes shapes) {
    }

    private PartMeshFolder() {
    }

    /** The shapes of {@code split}, classes from the class folders. */
    public static Loaded load(Path root, String split, int points, double noise, int maxPerClass, Rng rng) {
        return load(root, split, null, points, noise, maxPerClass, rng);
    }

    /** As {@link #load(Path, String, int, double, int, Rng)}, with the classes fixed (a test split uses the training split's). */
    public static Loaded load(Path root, String split, List<String> classes, int points, double noise, int maxPerClass,
            Rng rng) {
        String layout = " (expected " + root + "/" + PARTS_FILE + " and <root>/<class>/" + split + "/<shape>/<part>.off or"
                + " <root>/<class>/" + split + "/<shape>.txt)";
        if (!Files.isDirectory(root)) {
            throw new InvalidArgumentException("PartMeshFolder: " + root + " is not a directory" + layout);
        }
        Path partsFile = root.resolve(PARTS_FILE);
        if (!Files.isRegularFile(partsFile)) {
            throw new InvalidArgumentException("PartMeshFolder: " + root + " has no " + PARTS_FILE + layout);
        }
        List<String> parts = PartNames.read(partsFile);
        List<String> names = classes != null ? classes : MeshFiles.folderNames(root);
        MeshFiles.Labelled<ShapeSampling.Source> found = MeshFiles.perClass(root, names, split,
                entry -> Files.isDirectory(entry) || isPointFile(entry), maxPerClass, entry -> Files.isDirectory(entry)
                        ? ShapeSampling.Source.of(shape(entry, parts, MeshLimits.DEFAULT)) : points(entry, parts.size()));
        if (found.shapes().isEmpty()) {
            throw new InvalidArgumentException("PartMeshFolder: no shape folders or .txt point files under " + root
                    + "/<class>/" + split + layout);
        }
        return new Loaded(List.copyOf(names), parts, ShapeSampling.draw(found.shapes(), found.labels(), points, noise, true,
                rng));
    }

    private static boolean isPointFile(Path entry) {
        return Files.isRegularFile(entry) && entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /**
     * A shape given as labelled points ({@link PartPointsReader}), read when it is drawn from (so a large dataset is
     * never held whole): {@code n} of its points chosen at random, without repeats when it has that many.
     */
    private static ShapeSampling.Source points(Path file, int parts) {
        return (n, rng) -> choose(PartPointsReader.read(file, parts, MeshLimits.DEFAULT.maxVertices()), n, rng);
    }

    static SurfaceSampler.Sample choose(SurfaceSampler.Sample all, int n, Rng rng) {
        int m = all.size();
        int[] index = new int[Math.max(m, n)];
        for (int i = 0; i < index.length; i++) {
            index[i] = i < m ? i : rng.nextInt(m);
        }
        // a partial Fisher-Yates shuffle: the first n entries become a uniform choice
        for (int i = 0; i < Math.min(n, m); i++) {
            int j = i + rng.nextInt(m - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        double[] p = new double[3 * n];
        double[] q = new double[3 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all.positions(), 3 * index[i], p, 3 * i, 3);
            System.arraycopy(all.normals(), 3 * index[i], q, 3 * i, 3);
            labels[i] = all.parts()[index[i]];
        }
        return new SurfaceSampler.Sample(p, q, labels);
    }

    /** The meshes of one shape's folder, each labelled with the part its file name declares, merged. */
    static TriangleMesh shape(Path folder, List<String> parts, MeshLimits limits) {
        List<Path> files = MeshFiles.list(folder, MeshFiles::isMeshFile, MAX_FILES_PER_SHAPE + 1);
        if (files.size() > MAX_FILES_PER_SHAPE) {
            throw new MalformedFileException(folder + ": more than " + MAX_FILES_PER_SHAPE + " mesh files in one shape");
        }
        List<TriangleMesh> meshes = new ArrayList<>();
        long vertices = 0;
        long triangles = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String part = name.substring(0, name.indexOf('.'));
            int label = parts.indexOf(part);
            if (label < 0) {
                throw new MalformedFileException(f + ": part '" + part + "' (the file name up to its first '.') is not one of"
                        + " the parts declared in " + PARTS_FILE + ": " + parts);
            }
            // the shape's parts share one budget: what is left of it bounds the next file
            long leftVertices = limits.maxVertices() - vertices;
            long leftTriangles = limits.maxFaces() - triangles;
            if (leftVertices < 3 || leftTriangles < 1) {
                throw new MalformedFileException(f + ": the parts of " + folder + " hold more than " + limits.maxVertices()
                        + " vertices or " + limits.maxFaces() + " triangles");
            }
            TriangleMesh m = MeshFiles.read(f, new MeshLimits((int) leftVertices, (int) leftTriangles, limits.maxLineLength(),
                    limits.maxPolygon()));
            vertices += m.numVertices();
            triangles += m.numTriangles();
            meshes.add(m.withPart(label));
        }
        if (triangles == 0) {
            throw new MalformedFileException(folder + ": a shape folder without triangles (expected one mesh file per part,"
                    + " named <part>.off or <part>.<any>.off)");
        }
        return TriangleMesh.merge(meshes);
    }
}
