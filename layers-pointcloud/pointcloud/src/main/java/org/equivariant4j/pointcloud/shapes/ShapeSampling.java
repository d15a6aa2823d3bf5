package org.equivariant4j.pointcloud.shapes;

import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.mesh.SurfaceSampler;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;

/**
 * Turns meshes into a {@link SampledShapes} set: {@code points} surface samples per mesh (area-weighted, with
 * normals), each cloud centred and scaled into the unit ball, then Gaussian noise of deviation {@code noise} on the
 * positions. Used by the synthetic generators and by the ModelNet-style folder loader alike.
 */
public final class ShapeSampling {

    private ShapeSampling() {
    }

    /** What a shape gives when asked for {@code points} points: a surface sampler, or a file of labelled points. */
    @FunctionalInterface
    public interface Source {
        SurfaceSampler.Sample draw(int points, Rng rng);

        /** Area-weighted samples of {@code mesh}'s surface. */
        static Source of(TriangleMesh mesh) {
            return (points, rng) -> SurfaceSampler.sample(mesh, points, rng);
        }
    }

    /** Samples each mesh; {@code labels} gives a class per mesh; part labels are kept when {@code withParts}. */
    public static SampledShapes sample(List<TriangleMesh> meshes, int[] labels, int points, double noise, boolean withParts,
            Rng rng) {
        return draw(meshes.stream().map(Source::of).toList(), labels, points, noise, withParts, rng);
    }

    /** As {@link #sample}, from any sources (drawn one after another, so a source may read its file only then). */
    public static SampledShapes draw(List<Source> sources, int[] labels, int points, double noise, boolean withParts,
            Rng rng) {
        if (points <= 0 || !(noise >= 0) || labels.length != sources.size()) {
            throw new InvalidArgumentException("ShapeSampling: needs points > 0, noise >= 0 and a label per shape, got "
                    + points + ", " + noise + " and " + labels.length + " labels for " + sources.size() + " shapes");
        }
        int count = sources.size();
        double[] p = new double[3 * count * points];
        double[] n = new double[3 * count * points];
        int[] parts = withParts ? new int[count * points] : null;
        for (int m = 0; m < count; m++) {
            SurfaceSampler.Sample s = sources.get(m).draw(points, rng);
            double[] q = s.positions();
            normalise(q);
            for (int i = 0; i < q.length; i++) {
                q[i] += noise * rng.nextGaussian();
            }
            System.arraycopy(q, 0, p, 3 * m * points, q.length);
            System.arraycopy(s.normals(), 0, n, 3 * m * points, q.length);
            if (withParts) {
                System.arraycopy(s.parts(), 0, parts, m * points, points);
            }
        }
        return new SampledShapes(count, points, p, n, labels.clone(), parts);
    }

    /** {@code count} meshes of random classes from {@code make(class, rng)}, sampled as {@link #sample}. */
    static SampledShapes generate(int count, int classes, int points, double noise, boolean withParts, Rng rng,
            BiFunction<Integer, Rng, TriangleMesh> make) {
        int[] labels = new int[count];
        java.util.ArrayList<TriangleMesh> meshes = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            meshes.add(make.apply(labels[i], rng));
        }
        return sample(meshes, labels, points, noise, withParts, rng);
    }

    /** Centres the points on their centroid and scales the farthest to distance 1. */
    static void normalise(double[] q) {
        int n = q.length / 3;
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                c[a] += q[3 * i + a] / n;
            }
        }
        double r = 0;
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int a = 0; a < 3; a++) {
                q[3 * i + a] -= c[a];
                d += q[3 * i + a] * q[3 * i + a];
            }
            r = Math.max(r, Math.sqrt(d));
        }
        if (r > 0) {
            for (int i = 0; i < q.length; i++) {
                q[i] /= r;
            }
        }
    }
}
