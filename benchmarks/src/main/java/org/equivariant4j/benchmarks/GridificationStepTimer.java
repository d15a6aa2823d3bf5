package org.equivariant4j.benchmarks;

import java.util.Locale;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.pointcloud.PointCloud;
import org.equivariant4j.pointcloud.gridifier.Grid;
import org.equivariant4j.pointcloud.gridifier.GridEdges;
import org.equivariant4j.pointcloud.gridifier.Gridifier;
import org.equivariant4j.pointcloud.shapes.SampledShapes;
import org.equivariant4j.pointcloud.shapes.SyntheticShapes;

/**
 * The gridification step alone, side by side with {@code torch/bench_gridify.py}: 2 synthetic clouds of N points
 * with normals, the coalesced kNN edges to a 9³ grid (k = 9 each way, built once, not timed), then gather →
 * random-Fourier features (8 frequencies) → MLP 22 → 32 → 16 → segment mean into the grid, forward and backward
 * (sum of the output). Prints wall and main-thread CPU medians; run with {@code OMP_NUM_THREADS=1}:
 * {@code java -cp benchmarks.jar org.equivariant4j.benchmarks.GridificationStepTimer <points> [steps]}.
 */
public final class GridificationStepTimer {

    private GridificationStepTimer() {
    }

    public static void main(String[] args) {
        int points = Integer.parseInt(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SampledShapes shapes = SyntheticShapes.classification(2, points, 0.01, new Rng(1));
        Tensor f = shapes.features(DType.FLOAT32);
        PointCloud cloud = PointCloud.fromDense(f.narrow(2, 0, 3), f.narrow(2, 3, 3));
        Tensor features = f.reshape(2 * points, 6);
        GridEdges edges = GridEdges.of(cloud, Grid.DEFAULT, 9);
        Gridifier g = new Gridifier(6, 32, 16, 8, 1.0, DType.FLOAT32, new Rng(2));
        Runnable step = () -> {
            g.zeroGrad();
            g.forward(cloud.positions(), features, edges).sum().backward();
        };
        StepClock t = StepClock.measure(step, 3, steps);
        System.out.printf(Locale.ROOT, "{\"side\": \"equivariant4j\", \"points\": %d, \"edges\": %d, \"wall_ms\": %.2f,"
                + " \"cpu_ms\": %.2f, \"load\": %.1f}%n", points, edges.numEdges(), t.wallMs(), t.cpuMs(), StepClock.load());
        System.exit(0);
    }
}
