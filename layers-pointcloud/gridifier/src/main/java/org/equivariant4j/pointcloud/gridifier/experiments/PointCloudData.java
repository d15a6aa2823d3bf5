package org.equivariant4j.pointcloud.gridifier.experiments;

import java.nio.file.Path;
import java.util.List;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.pointcloud.PointCloud;
import org.equivariant4j.pointcloud.shapes.MeshFolder;
import org.equivariant4j.pointcloud.shapes.PartMeshFolder;
import org.equivariant4j.pointcloud.shapes.SampledShapes;
import org.equivariant4j.pointcloud.shapes.SyntheticShapes;

/**
 * The data options the point-cloud experiments share, and the one conversion of a dataset's dense features
 * {@code [B, N, 6]} (positions ⊕ normals, each cloud already in the unit ball) into a {@link PointCloud}.
 */
final class PointCloudData {
    static final String POINTS = "points";
    static final String NOISE = "noise";
    static final String DATA = "data";
    static final String MAX_PER_CLASS = "max-per-class";

    /** Training and test clouds with their class names and, for segmentation data, their part names (else empty). */
    record Splits(List<String> classes, List<String> parts, SampledShapes train, SampledShapes test, String name,
            String description) {
    }

    private PointCloudData() {
    }

    static List<OptionSpec> options(int points) {
        return List.of(OptionSpec.ofInt(POINTS, points, "points sampled per cloud", 16, 65_536),
                OptionSpec.ofDouble(NOISE, 0.01, "deviation of the Gaussian noise on the positions (unit-ball clouds)", 0, 1));
    }

    /** {@code --data} described by the folder {@code layout} it reads, and the bound on the shapes read per class. */
    static List<OptionSpec> folderOptions(String layout) {
        return List.of(OptionSpec.ofString(DATA, "", "a folder " + layout + " to use instead of the synthetic shapes"
                        + " (empty: synthetic)"),
                OptionSpec.ofInt(MAX_PER_CLASS, 100_000, "shapes read per class and split from --data", 1, 1_000_000));
    }

    /** The synthetic classification shapes, or the meshes of {@code --data}. */
    static Splits classification(ExperimentConfig c, int trainSize, int testSize, Rng rng) {
        int points = c.intValue(POINTS);
        double noise = c.doubleValue(NOISE);
        String folder = c.stringValue(DATA);
        if (folder.isBlank()) {
            return new Splits(SyntheticShapes.CLASSES, List.of(),
                    SyntheticShapes.classification(trainSize, points, noise, rng.split()),
                    SyntheticShapes.classification(testSize, points, noise, rng.split()), "synthetic shapes",
                    SyntheticShapes.CLASSES.size() + " classes of sampled solids and compositions (random proportions,"
                            + " upright), " + points + " points with normals, noise " + noise);
        }
        Path root = Path.of(folder);
        int max = c.intValue(MAX_PER_CLASS);
        MeshFolder.Loaded train = MeshFolder.load(root, "train", points, noise, max, rng.split());
        MeshFolder.Loaded test = MeshFolder.load(root, "test", train.classes(), points, noise, max, rng.split());
        if (train.shapes().count() == 0) {
            throw new InvalidOptionException(DATA, "option 'data': no training meshes under " + root);
        }
        return new Splits(train.classes(), List.of(), train.shapes(), test.shapes(), root.getFileName().toString(),
                train.classes().size() + " classes from " + root + ", " + points + " area-weighted samples per mesh with"
                        + " face normals, noise " + noise);
    }

    /** The synthetic part-labelled composites, or the part-labelled meshes of {@code --data}. */
    static Splits segmentation(ExperimentConfig c, int trainSize, int testSize, Rng rng) {
        int points = c.intValue(POINTS);
        double noise = c.doubleValue(NOISE);
        String folder = c.stringValue(DATA);
        if (folder.isBlank()) {
            return new Splits(SyntheticShapes.COMPOSITES, SyntheticShapes.PARTS, SyntheticShapes.parts(trainSize, points, noise,
                    rng.split()), SyntheticShapes.parts(testSize, points, noise, rng.split()),
                    "part-labelled synthetic composites", "tables, chairs, lamps, dumbbells and snowmen with random"
                            + " proportions, " + points + " points with normals, noise " + noise + "; parts "
                            + SyntheticShapes.PARTS);
        }
        Path root = Path.of(folder);
        int max = c.intValue(MAX_PER_CLASS);
        PartMeshFolder.Loaded train = PartMeshFolder.load(root, "train", points, noise, max, rng.split());
        PartMeshFolder.Loaded test = PartMeshFolder.load(root, "test", train.classes(), points, noise, max, rng.split());
        return new Splits(train.classes(), train.parts(), train.shapes(), test.shapes(), root.getFileName().toString(),
                train.shapes().count() + " shapes of " + train.classes().size() + " classes from " + root + ", " + points
                        + " points per shape (area-weighted over its part meshes with face normals, or chosen among its"
                        + " labelled points), noise " + noise + "; parts " + train.parts());
    }

    /** Dense features {@code [B, N, 6]} as clouds with normals. */
    static PointCloud cloud(Tensor features) {
        return PointCloud.fromDense(features.narrow(2, 0, 3), features.narrow(2, 3, 3));
    }
}
