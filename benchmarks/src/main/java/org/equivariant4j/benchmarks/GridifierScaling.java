package org.equivariant4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.pointcloud.NearestNeighbours;
import org.equivariant4j.pointcloud.PointCloud;
import org.equivariant4j.pointcloud.gridifier.GridEdges;
import org.equivariant4j.pointcloud.gridifier.GridifierClassifier;
import org.equivariant4j.pointcloud.gridifier.GridifierConfig;
import org.equivariant4j.pointcloud.gridifier.PointBaseline;
import org.equivariant4j.pointcloud.gridifier.PointCloudNetwork;
import org.equivariant4j.pointcloud.shapes.SampledShapes;
import org.equivariant4j.pointcloud.shapes.SyntheticShapes;

/**
 * The gridifier paper's central claim as a timed main: one training step (forward, cross entropy, backward, Adam) of
 * the gridifier classifier and of the point-native kNN baseline, at the experiment's default widths (~22k
 * parameters each), on a batch of 2 synthetic clouds of N points, with neighbourhood size k. One configuration per
 * JVM, so the process's peak resident memory (VmHWM) belongs to it:
 * {@code java ... GridifierScaling <gridifier|baseline> <points> <k> [steps] [out.csv]} appends
 * {@code model,points,k,edges,step_wall_ms,step_cpu_ms,edge_build_ms,peak_rss_mb,base_rss_mb,load} to the CSV.
 * The edges (host-side kNN) are built once, outside the timed step, and timed separately. Run all with
 * {@code benchmarks/run_gridifier_scaling.sh}; {@link GridifierScalingPlot} draws the curves.
 */
public final class GridifierScaling {
    private static final int CLOUDS = 2;

    private GridifierScaling() {
    }

    public static void main(String[] args) throws IOException {
        String model = args[0];
        int points = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path out = args.length > 4 ? Path.of(args[4]) : null;
        // touch the backend before taking the base resident size, so the natives are counted in the base
        Tensors.zeros(DType.FLOAT32, 1).add(1.0).item();
        double baseRss = status("VmRSS:");

        SampledShapes shapes = SyntheticShapes.classification(CLOUDS, points, 0.01, new Rng(1));
        PointCloud cloud = PointCloud.fromDense(shapes.features(DType.FLOAT32).narrow(2, 0, 3),
                shapes.features(DType.FLOAT32).narrow(2, 3, 3));
        Tensor labels = shapes.labelTensor();
        Rng rng = new Rng(2);
        long t0 = System.nanoTime();
        PointCloudNetwork net;
        Supplier<Tensor> logits;
        int edges;
        if (model.equals("gridifier")) {
            GridifierClassifier g = new GridifierClassifier(GridifierConfig.defaults().withK(k), true, 12, DType.FLOAT32, rng);
            GridEdges e = GridEdges.of(cloud, g.config().grid(), k);
            edges = e.numEdges();
            net = g;
            logits = () -> g.forward(cloud, e);
        } else {
            PointBaseline b = new PointBaseline(PointBaseline.Task.CLASSIFY, k, 40, 80, true, 12, DType.FLOAT32, rng);
            EdgeIndex e = NearestNeighbours.within(cloud, k);
            edges = e.size();
            net = b;
            logits = () -> b.forward(cloud, e);
        }
        double edgeMs = (System.nanoTime() - t0) / 1e6;
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Adam adam = new Adam(net.parameters(), 1e-3);
        net.train();
        StepClock t = StepClock.measure(() -> {
            adam.zeroGrad();
            Tensor l = loss.compute(logits.get(), labels);
            l.backward();
            adam.step();
            l.item();
        }, 1, steps);
        double peak = status("VmHWM:");
        double load = StepClock.load();
        String line = String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.1f,%.1f,%.0f,%.0f,%.1f", model, points, k, edges,
                t.wallMs(), t.cpuMs(), edgeMs, peak, baseRss, load);
        System.out.println(line + "   (" + net.parameterCount() + " parameters)");
        if (out != null) {
            if (!Files.exists(out)) {
                Files.writeString(out, "model,points,k,edges,step_wall_ms,step_cpu_ms,edge_build_ms,peak_rss_mb,base_rss_mb,load\n");
            }
            Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    /** A size line of /proc/self/status, in MiB. */
    private static double status(String key) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith(key)) {
                return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
