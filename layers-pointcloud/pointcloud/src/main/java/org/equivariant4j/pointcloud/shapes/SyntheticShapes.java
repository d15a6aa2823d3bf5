package org.equivariant4j.pointcloud.shapes;

import static org.equivariant4j.pointcloud.shapes.MeshPrimitives.box;
import static org.equivariant4j.pointcloud.shapes.MeshPrimitives.cone;
import static org.equivariant4j.pointcloud.shapes.MeshPrimitives.cylinder;
import static org.equivariant4j.pointcloud.shapes.MeshPrimitives.sphere;
import static org.equivariant4j.pointcloud.shapes.MeshPrimitives.torus;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.mesh.TriangleMesh;

/**
 * In-process stand-ins for ModelNet: twelve classes of solids and compositions of solids, each instance with random
 * proportions (every size drawn within ±25 % of its class's), upright (z up) as ModelNet's aligned meshes are.
 * {@link #classification} samples them into clouds; {@link #parts} makes the part-labelled variant for
 * segmentation, where every triangle carries the role of its part:
 * {@code 0} slab (table top, chair seat, lamp base), {@code 1} thin support (legs, poles, bars),
 * {@code 2} round body (weights, snowman's body, lamp shade), {@code 3} back or head (chair back, snowman's head).
 */
public final class SyntheticShapes {
    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("sphere", "cube", "cylinder", "cone", "torus", "lens", "dumbbell",
            "table", "snowman", "lamp", "cross", "chair");

    /** The classes of {@link #parts} (its cloud labels), in label order. */
    public static final List<String> COMPOSITES = List.of("table", "chair", "lamp", "dumbbell", "snowman");

    /** The part roles of {@link #parts}, in label order. */
    public static final List<String> PARTS = List.of("slab", "support", "round", "back-or-head");

    private static final int SEGMENTS = 8;

    private SyntheticShapes() {
    }

    /** {@code count} clouds, classes in turn ({@code i % 12}), {@code points} each, reproducible from {@code rng}. */
    public static SampledShapes classification(int count, int points, double noise, Rng rng) {
        return ShapeSampling.generate(count, CLASSES.size(), points, noise, false, rng, SyntheticShapes::mesh);
    }

    /**
     * {@code count} part-labelled clouds of the five composite classes (table, chair, lamp, dumbbell, snowman), in
     * turn; the class is the cloud label, the part role ({@link #PARTS}) the point label.
     */
    public static SampledShapes parts(int count, int points, double noise, Rng rng) {
        int[] composites = COMPOSITES.stream().mapToInt(CLASSES::indexOf).toArray();
        return ShapeSampling.generate(count, composites.length, points, noise, true, rng,
                (c, r) -> mesh(composites[c], r));
    }

    /** A random instance of class {@code label} (an index into {@link #CLASSES}). */
    public static TriangleMesh mesh(int label, Rng rng) {
        Jitter j = new Jitter(rng);
        return switch (label) {
            case 0 -> sphere(j.v(1), SEGMENTS);
            case 1 -> box(j.v(1.5), j.v(1.5), j.v(1.5));
            case 2 -> cylinder(j.v(0.6), j.v(2), SEGMENTS);
            case 3 -> cone(j.v(0.9), j.v(2), SEGMENTS);
            case 4 -> torus(j.v(1), j.v(0.3), SEGMENTS);
            case 5 -> sphere(1, SEGMENTS).scaledAndMoved(new double[] {j.v(1.2), j.v(1.2), j.v(0.35)}, new double[3]);
            case 6 -> dumbbell(j);
            case 7 -> table(j);
            case 8 -> snowman(j);
            case 9 -> lamp(j);
            case 10 -> cross(j);
            case 11 -> chair(j);
            default -> throw new InvalidArgumentException("SyntheticShapes: no class " + label + "; classes are 0.."
                    + (CLASSES.size() - 1) + " " + CLASSES);
        };
    }

    private static TriangleMesh dumbbell(Jitter j) {
        double half = j.v(1.0);
        double r = j.v(0.45);
        return merge(part(1, cylinder(j.v(0.12), 2 * half, SEGMENTS).rotated(Y_TO_X)),
                part(2, sphere(r, SEGMENTS).scaledAndMoved(ONE, new double[] {-half, 0, 0})),
                part(2, sphere(r, SEGMENTS).scaledAndMoved(ONE, new double[] {half, 0, 0})));
    }

    private static TriangleMesh table(Jitter j) {
        double w = j.v(2);
        double d = j.v(1.2);
        double h = j.v(1.2);
        double leg = j.v(0.12);
        List<TriangleMesh> parts = new ArrayList<>();
        parts.add(part(0, box(w, d, 0.1).scaledAndMoved(ONE, new double[] {0, 0, h / 2})));
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                parts.add(part(1, box(leg, leg, h).scaledAndMoved(ONE, new double[] {sx * (w / 2 - leg), sy * (d / 2 - leg), 0})));
            }
        }
        return TriangleMesh.merge(parts);
    }

    private static TriangleMesh chair(Jitter j) {
        double w = j.v(1);
        double h = j.v(0.9);
        double back = j.v(1.1);
        double leg = j.v(0.1);
        List<TriangleMesh> parts = new ArrayList<>();
        parts.add(part(0, box(w, w, 0.1).scaledAndMoved(ONE, new double[] {0, 0, h / 2})));
        parts.add(part(3, box(w, 0.1, back).scaledAndMoved(ONE, new double[] {0, w / 2, h / 2 + back / 2})));
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                parts.add(part(1, box(leg, leg, h).scaledAndMoved(ONE, new double[] {sx * (w / 2 - leg), sy * (w / 2 - leg), 0})));
            }
        }
        return TriangleMesh.merge(parts);
    }

    private static TriangleMesh lamp(Jitter j) {
        double pole = j.v(1.6);
        return merge(part(0, cylinder(j.v(0.6), 0.12, SEGMENTS).scaledAndMoved(ONE, new double[] {0, 0, -pole / 2})),
                part(1, cylinder(j.v(0.07), pole, SEGMENTS)),
                part(2, cone(j.v(0.7), j.v(0.7), SEGMENTS).scaledAndMoved(ONE, new double[] {0, 0, pole / 2})));
    }

    private static TriangleMesh snowman(Jitter j) {
        double body = j.v(0.8);
        double head = j.v(0.5);
        return merge(part(2, sphere(body, SEGMENTS)),
                part(3, sphere(head, SEGMENTS).scaledAndMoved(ONE, new double[] {0, 0, body + 0.8 * head})));
    }

    private static TriangleMesh cross(Jitter j) {
        double t = j.v(0.3);
        return merge(box(j.v(2), t, t), box(t, j.v(2), t), box(t, t, j.v(2)));
    }

    private static final double[] ONE = {1, 1, 1};
    /** Turns the z axis onto the x axis (a quarter turn about y). */
    private static final double[] Y_TO_X = {0, 0, 1, 0, 1, 0, -1, 0, 0};

    private static TriangleMesh part(int role, TriangleMesh mesh) {
        return mesh.withPart(role);
    }

    private static TriangleMesh merge(TriangleMesh... meshes) {
        return TriangleMesh.merge(List.of(meshes));
    }

    /** Sizes drawn within ±25 % of a nominal value. */
    private record Jitter(Rng rng) {
        double v(double nominal) {
            return nominal * rng.nextDouble(0.75, 1.25);
        }
    }
}
