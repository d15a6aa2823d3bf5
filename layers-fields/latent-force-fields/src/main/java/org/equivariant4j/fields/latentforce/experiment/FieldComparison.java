package org.equivariant4j.fields.latentforce.experiment;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.latentforce.model.NeuralField;
import org.equivariant4j.fields.latentforce.system.FieldSystemSimulator;
import org.equivariant4j.fields.latentforce.system.Trajectory;

/**
 * The discovered field against the true one, on a regular grid of {@code points}<sup>dims</sup> points over
 * {@code [-extent, extent]^dims}: the acceleration {@code F_θ(x, +1)} the learned field gives a unit positive
 * coupling, and the true one (the simulator's field acceleration, clipped as in the simulation). A field is only
 * identifiable where particles went, so the scores count the grid points whose cell the training trajectories
 * visited:
 * <ul>
 * <li>{@link #cosine()}: the mean cosine similarity of the two directions;</li>
 * <li>{@link #relativeError()}: {@code sqrt(Σ |F - E|² / Σ |E|²)}.</li>
 * </ul>
 */
public record FieldComparison(int dims, int points, double extent, double[] learned, double[] truth, boolean[] visited,
        double cosine, double relativeError, int visitedPoints) {

    /** The grid's coordinate of index {@code i} along an axis. */
    public double coordinate(int i) {
        return -extent + 2 * extent * i / (points - 1);
    }

    /** A field to score: its accelerations {@code [count * dims]} at {@code count} points {@code [count * dims]}. */
    @FunctionalInterface
    public interface SampledField {
        double[] at(double[] points, int count);
    }

    /** {@code field}'s acceleration on a unit positive coupling, evaluated in one batch without gradients. */
    public static SampledField of(NeuralField field) {
        return (points, count) -> {
            boolean wasTraining = field.isTraining();
            field.eval();
            try (GradMode.Scope ignored = GradMode.disabled()) {
                DType dtype = field.parameters().get(0).value().dtype();
                return field.forward(Tensors.of(points, dtype, count, field.dims()), Tensors.ones(dtype, count, 1))
                        .to(DType.FLOAT64).toDoubleArray();
            } finally {
                if (wasTraining) {
                    field.train();
                }
            }
        };
    }

    /**
     * Compares {@code field} with the truth of {@code simulator} on a grid of {@code points} per axis whose extent
     * covers 99 % of the training positions of {@code train} (per coordinate).
     */
    public static FieldComparison measure(SampledField field, FieldSystemSimulator simulator, List<Trajectory> train,
            int points) {
        int dims = simulator.system().dims();
        if (points < 2) {
            throw new InvalidArgumentException("FieldComparison: needs at least 2 grid points per axis, got " + points);
        }
        double extent = extent(train);
        int total = (int) Math.pow(points, dims);
        double[] grid = new double[total * dims];
        double[] truth = new double[total * dims];
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int d = dims - 1; d >= 0; d--) {
                grid[i * dims + d] = -extent + 2 * extent * (rest % points) / (points - 1);
                rest /= points;
            }
            double[] x = Arrays.copyOfRange(grid, i * dims, (i + 1) * dims);
            System.arraycopy(simulator.fieldAcceleration(x, 1.0), 0, truth, i * dims, dims);
        }
        double[] learned = field.at(grid, total);
        boolean[] visited = visited(train, dims, points, extent);
        double cosSum = 0;
        double errSum = 0;
        double normSum = 0;
        int counted = 0;
        for (int i = 0; i < total; i++) {
            if (!visited[i]) {
                continue;
            }
            double dot = 0;
            double nl = 0;
            double nt = 0;
            for (int d = 0; d < dims; d++) {
                double l = learned[i * dims + d];
                double t = truth[i * dims + d];
                dot += l * t;
                nl += l * l;
                nt += t * t;
                errSum += (l - t) * (l - t);
            }
            normSum += nt;
            cosSum += nl == 0 || nt == 0 ? 0 : dot / Math.sqrt(nl * nt);
            counted++;
        }
        if (counted == 0) {
            throw new InvalidArgumentException("FieldComparison: no grid cell was visited by the training trajectories");
        }
        return new FieldComparison(dims, points, extent, learned, truth, visited, cosSum / counted,
                Math.sqrt(errSum / normSum), counted);
    }

    /** The 99th percentile of |coordinate| over all training positions. */
    private static double extent(List<Trajectory> train) {
        int n = 0;
        for (Trajectory t : train) {
            n += t.positions().length;
        }
        double[] all = new double[n];
        int k = 0;
        for (Trajectory t : train) {
            for (double v : t.positions()) {
                all[k++] = Math.abs(v);
            }
        }
        Arrays.sort(all);
        double e = all[Math.min(all.length - 1, (int) Math.floor(0.99 * all.length))];
        return e > 0 ? e : 1.0;
    }

    /** Whether each grid point's cell (the points nearest to it) holds at least one training position. */
    private static boolean[] visited(List<Trajectory> train, int dims, int points, double extent) {
        boolean[] out = new boolean[(int) Math.pow(points, dims)];
        double step = 2 * extent / (points - 1);
        for (Trajectory t : train) {
            double[] p = t.positions();
            for (int row = 0; row < p.length / dims; row++) {
                int index = 0;
                boolean inside = true;
                for (int d = 0; d < dims; d++) {
                    long cell = Math.round((p[row * dims + d] + extent) / step);
                    if (cell < 0 || cell >= points) {
                        inside = false;
                        break;
                    }
                    index = index * points + (int) cell;
                }
                if (inside) {
                    out[index] = true;
                }
            }
        }
        return out;
    }
}
