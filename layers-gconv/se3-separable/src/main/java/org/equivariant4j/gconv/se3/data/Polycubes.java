package org.equivariant4j.gconv.se3.data;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.groups.Quaternion;

/**
 * "3D Tetris": the 8 free tetracubes (shapes of four face-joined unit cubes, up to rotation) as
 * volumes where orientation is a nuisance. Classes: I (straight), O (square), T, L, S (skew) — the five
 * planar ones, achiral in 3D — then the branch (tripod) and the two screws, a chiral pair: mirror images
 * that no rotation maps onto each other, so a model invariant to reflections could not tell them apart.
 *
 * <p>Each example is continuous geometry: the shape centred on its centroid, cubes of side {@code scale}
 * voxels (jittered ±10 %), turned by a rotation (none, a random rotation of the cube group O, or a
 * Haar-random rotation of SO(3)), shifted by up to a voxel, and voxelised into a {@code size³} volume with
 * soft edges (occupancy ramps linearly over {@code blur} voxels across each face) plus Gaussian noise.
 * Rotating the geometry before voxelising gives arbitrarily rotated volumes without resampling artefacts.
 * Seeded: the same arguments give the same volumes.
 */
public final class Polycubes {
    /** Class names, in label order. */
    public static final List<String> NAMES = List.of("I", "O", "T", "L", "S", "branch", "screw-left", "screw-right");

    private static final int[][][] CUBES = {
        {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {3, 0, 0}},
        {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}},
        {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {1, 1, 0}},
        {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {2, 1, 0}},
        {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {2, 1, 0}},
        {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {1, 1, 1}},
        {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {1, 1, -1}},
    };

    /** How the shapes are turned. */
    public enum Orientation {
        /** As listed (the training condition). */
        CANONICAL,
        /** A uniformly chosen rotation of the cube (90-degree multiples). */
        CUBE,
        /** A Haar-uniform rotation of SO(3). */
        ARBITRARY
    }

    /** Voxelisation settings. */
    public record Settings(int size, double scale, double blur, double noise) {
        public Settings {
            if (size < 4 || scale <= 0 || blur <= 0 || noise < 0) {
                throw new InvalidArgumentException("Polycubes.Settings: need size >= 4, scale > 0, blur > 0, noise >= 0, was "
                        + size + ", " + scale + ", " + blur + ", " + noise);
            }
        }
    }

    private Polycubes() {
    }

    public static int classes() {
        return NAMES.size();
    }

    /** {@code n} examples with balanced random labels: features {@code [n, 1, s, s, s]} float32, labels {@code [n]} int64. */
    public static TensorDataset generate(int n, Settings settings, Orientation orientation, Rng rng) {
        int s = settings.size();
        int voxels = s * s * s;
        float[] features = new float[n * voxels];
        long[] labels = new long[n];
        for (int e = 0; e < n; e++) {
            int label = e % classes();
            labels[e] = label;
            double[] r = rotation(orientation, rng);
            double scale = settings.scale() * rng.nextDouble(0.9, 1.1);
            double[] shift = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
            voxelise(CUBES[label], r, scale, shift, settings, features, e * voxels);
            for (int v = 0; v < voxels; v++) {
                features[e * voxels + v] += (float) (settings.noise() * rng.nextGaussian());
            }
        }
        int[] order = rng.permutation(n);
        float[] shuffled = new float[features.length];
        long[] shuffledLabels = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features, order[i] * voxels, shuffled, i * voxels, voxels);
            shuffledLabels[i] = labels[order[i]];
        }
        return new TensorDataset(Tensors.of(shuffled, n, 1, s, s, s), Tensors.of(shuffledLabels, n));
    }

    private static double[] rotation(Orientation orientation, Rng rng) {
        return switch (orientation) {
            case CANONICAL -> new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            case CUBE -> {
                List<Quaternion> qs = FiniteRotationGroup.octahedral().quaternions();
                yield qs.get(rng.nextInt(qs.size())).toRotationMatrix().toRowMajor();
            }
            case ARBITRARY -> {
                Quaternion q;
                do {
                    q = Quaternion.of(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian());
                } while (q.norm() < 1e-8);
                yield q.normalized().toRotationMatrix().toRowMajor();
            }
        };
    }

    /** Soft occupancy of the union of unit cubes, sampled at voxel centres: out(v) = shape(R⁻¹ (v - c - t) / scale). */
    private static void voxelise(int[][] cubes, double[] r, double scale, double[] shift, Settings settings, float[] out,
            int offset) {
        int s = settings.size();
        double[] centroid = new double[3];
        for (int[] c : cubes) {
            for (int d = 0; d < 3; d++) {
                centroid[d] += (c[d] + 0.5) / cubes.length;
            }
        }
        double centre = (s - 1) / 2.0;
        double ramp = scale / settings.blur(); // occupancy units per shape unit
        double[] p = new double[3];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                for (int c = 0; c < s; c++) {
                    double x = a - centre - shift[0];
                    double y = b - centre - shift[1];
                    double z = c - centre - shift[2];
                    for (int d = 0; d < 3; d++) {
                        p[d] = (r[d] * x + r[3 + d] * y + r[6 + d] * z) / scale + centroid[d]; // Rᵀ v
                    }
                    double occupancy = 0;
                    for (int[] cube : cubes) {
                        double inside = 1;
                        for (int d = 0; d < 3; d++) {
                            double depth = 0.5 - Math.abs(p[d] - cube[d] - 0.5); // > 0 inside the slab
                            inside = Math.min(inside, Math.max(0, Math.min(1, 0.5 + depth * ramp)));
                        }
                        occupancy = Math.max(occupancy, inside);
                    }
                    out[offset + (a * s + b) * s + c] = (float) occupancy;
                }
            }
        }
    }
}
