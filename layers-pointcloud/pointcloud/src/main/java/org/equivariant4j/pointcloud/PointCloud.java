package org.equivariant4j.pointcloud;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A batch of point clouds stored one after another: positions {@code [N, 3]}, optional unit normals
 * {@code [N, 3]}, optional per-point features {@code [N, C]} (invariant scalars: colours, intensities,
 * anything that does not turn with the cloud), and the batch vector naming the cloud of each point. Clouds
 * may have different sizes; a layer works on the whole batch with a handful of large ops (gathers by edge
 * indices, one segment op into the cloud or grid rows), never a loop over clouds or points.
 *
 * <p>The actions a point-cloud layer is checked against: {@link #transform} (a rigid motion or reflection
 * moves positions by {@code A p + t} and turns normals by {@code A}; features stay) and {@link #permute}
 * (renumbering the points). {@link #normalizedToUnitBall()} is the usual pre-processing: each cloud centred
 * on its centroid and scaled so its farthest point lies on the unit sphere.
 */
public final class PointCloud {
    private final Tensor positions;
    private final Tensor normals;
    private final Tensor features;
    private final int[] batch;
    private final Tensor batchIndex;
    private final int numClouds;

    private PointCloud(Tensor positions, Tensor normals, Tensor features, int[] batch, Tensor batchIndex, int numClouds) {
        this.positions = positions;
        this.normals = normals;
        this.features = features;
        this.batch = batch;
        this.batchIndex = batchIndex;
        this.numClouds = numClouds;
    }

    /**
     * Clouds from positions {@code [N, 3]} and the cloud of each point ({@code batch[i]} in
     * {@code [0, numClouds)}, every cloud non-empty).
     */
    public static PointCloud of(Tensor positions, int[] batch, int numClouds) {
        int[] s = positions.shape();
        if (s.length != 2 || s[1] != 3 || s[0] != batch.length) {
            throw new ShapeMismatchException("PointCloud: expected positions [" + batch.length + ", 3] but was "
                    + Arrays.toString(s));
        }
        if (!positions.dtype().isFloating()) {
            throw new InvalidArgumentException("PointCloud: positions must be floating point but were " + positions.dtype());
        }
        int[] counts = new int[Math.max(numClouds, 0)];
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] < 0 || batch[i] >= numClouds) {
                throw new InvalidArgumentException("PointCloud: batch[" + i + "] = " + batch[i] + " is outside [0, "
                        + numClouds + ")");
            }
            counts[batch[i]]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new InvalidArgumentException("PointCloud: cloud " + c + " of " + numClouds + " has no points");
            }
        }
        return new PointCloud(positions, null, null, batch.clone(), Tensors.of(batch, batch.length), numClouds);
    }

    /** One cloud of {@code [N, 3]} positions. */
    public static PointCloud single(Tensor positions) {
        return of(positions, new int[positions.shape()[0]], 1);
    }

    /**
     * Clouds of equal size from a dense batch {@code [B, N, 3]} (the layout of a dataset of fixed-size samples);
     * {@code normals} {@code [B, N, 3]} may be null.
     */
    public static PointCloud fromDense(Tensor points, Tensor normals) {
        int[] s = points.shape();
        if (s.length != 3 || s[2] != 3) {
            throw new ShapeMismatchException("PointCloud.fromDense: expected points [B, N, 3] but was " + Arrays.toString(s));
        }
        int[] batch = new int[s[0] * s[1]];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = i / s[1];
        }
        PointCloud out = of(points.reshape(s[0] * s[1], 3), batch, s[0]);
        if (normals != null) {
            if (!Arrays.equals(normals.shape(), s)) {
                throw new ShapeMismatchException("PointCloud.fromDense: expected normals " + Arrays.toString(s) + " but was "
                        + Arrays.toString(normals.shape()));
            }
            out = out.withNormals(normals.reshape(s[0] * s[1], 3));
        }
        return out;
    }

    /** These clouds with unit normals {@code [N, 3]} (null removes them). */
    public PointCloud withNormals(Tensor value) {
        if (value != null && !Arrays.equals(value.shape(), new int[] {numPoints(), 3})) {
            throw new ShapeMismatchException("PointCloud.withNormals: expected [" + numPoints() + ", 3] but was "
                    + Arrays.toString(value.shape()));
        }
        return new PointCloud(positions, value, features, batch, batchIndex, numClouds);
    }

    /** These clouds with invariant per-point features {@code [N, C]} (null removes them). */
    public PointCloud withFeatures(Tensor value) {
        if (value != null && (value.rank() != 2 || value.shape()[0] != numPoints())) {
            throw new ShapeMismatchException("PointCloud.withFeatures: expected [" + numPoints() + ", C] but was "
                    + Arrays.toString(value.shape()));
        }
        return new PointCloud(positions, normals, value, batch, batchIndex, numClouds);
    }

    /** These clouds at new positions {@code [N, 3]}, with the same normals, features and batch. */
    public PointCloud withPositions(Tensor value) {
        if (!Arrays.equals(value.shape(), positions.shape())) {
            throw new ShapeMismatchException("PointCloud.withPositions: expected " + Arrays.toString(positions.shape())
                    + " but was " + Arrays.toString(value.shape()));
        }
        return new PointCloud(value, normals, features, batch, batchIndex, numClouds);
    }

    public Tensor positions() {
        return positions;
    }

    /** Unit normals {@code [N, 3]}, or null. */
    public Tensor normals() {
        return normals;
    }

    public boolean hasNormals() {
        return normals != null;
    }

    /** Invariant per-point features {@code [N, C]}, or null. */
    public Tensor features() {
        return features;
    }

    public boolean hasFeatures() {
        return features != null;
    }

    /** The cloud of each point (a copy). */
    public int[] batch() {
        return batch.clone();
    }

    /** The cloud of each point as INT64 {@code [N]}: segment ids for per-cloud pooling. */
    public Tensor batchIndex() {
        return batchIndex;
    }

    public int numClouds() {
        return numClouds;
    }

    public int numPoints() {
        return batch.length;
    }

    public DType dtype() {
        return positions.dtype();
    }

    /** Points per cloud. */
    public int[] cloudSizes() {
        int[] out = new int[numClouds];
        for (int b : batch) {
            out[b]++;
        }
        return out;
    }

    /** These clouds in {@code dtype} (positions, normals and features). */
    public PointCloud to(DType dtype) {
        return new PointCloud(positions.to(dtype), normals == null ? null : normals.to(dtype),
                features == null ? null : features.to(dtype), batch, batchIndex, numClouds);
    }

    /**
     * Each cloud centred on its centroid and divided by the distance of its farthest point, so it fits the unit
     * ball and touches the unit sphere (normals and features are unchanged; a cloud of coincident points is
     * only centred). Batched: one segment mean and one segment max over the whole batch.
     */
    public PointCloud normalizedToUnitBall() {
        Tensor centroid = positions.segmentMean(batchIndex, numClouds);
        Tensor centred = positions.sub(centroid.indexSelect(0, batchIndex));
        Tensor radius = centred.norm(1, true).segmentMax(batchIndex, numClouds);
        // A cloud of one point (or coincident points) has radius 0 and centred positions 0: 0 / 1e-12 keeps them 0.
        return withPositions(centred.div(radius.clamp(1e-12, Double.MAX_VALUE).indexSelect(0, batchIndex)));
    }

    /**
     * The clouds moved by a rigid motion or reflection {@code g} of R³: positions {@code A p + t}, normals
     * {@code A n}; features are invariant and stay.
     */
    public PointCloud transform(GroupElement g) {
        if (!(g instanceof EuclideanAction e) || e.spaceDimension() != 3) {
            throw new GroupMismatchException("PointCloud.transform(" + g + "): needs an element acting on R^3 by A p + t",
                    "E(3) or a subgroup", g.group().name());
        }
        Matrix a = e.linearPart();
        Tensor at = Tensors.of(a.toRowMajor(), dtype(), 3, 3).transpose(0, 1);
        Tensor t = Tensors.of(e.translation(), dtype(), 1, 3);
        return new PointCloud(positions.matmul(at).add(t), normals == null ? null : normals.matmul(at), features, batch,
                batchIndex, numClouds);
    }

    /** The points renumbered: new point k is old point {@code order[k]} (a permutation of all N points). */
    public PointCloud permute(int[] order) {
        int n = numPoints();
        if (order.length != n) {
            throw new ShapeMismatchException("PointCloud.permute: expected a permutation of " + n + " points but got "
                    + order.length + " entries");
        }
        boolean[] seen = new boolean[n];
        int[] newBatch = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (i < 0 || i >= n || seen[i]) {
                throw new InvalidArgumentException("PointCloud.permute: order is not a permutation of 0.." + (n - 1)
                        + " (entry " + k + " = " + i + ")");
            }
            seen[i] = true;
            newBatch[k] = batch[i];
        }
        Tensor index = Tensors.of(order, n);
        return new PointCloud(positions.indexSelect(0, index), normals == null ? null : normals.indexSelect(0, index),
                features == null ? null : features.indexSelect(0, index), newBatch, Tensors.of(newBatch, n), numClouds);
    }

    /** Concatenates batches of clouds (their clouds renumbered after each other); all have normals or none, likewise features. */
    public static PointCloud batch(List<PointCloud> clouds) {
        if (clouds.isEmpty()) {
            throw new InvalidArgumentException("PointCloud.batch: no clouds to batch");
        }
        boolean withNormals = clouds.get(0).hasNormals();
        boolean withFeatures = clouds.get(0).hasFeatures();
        List<Tensor> p = new ArrayList<>();
        List<Tensor> nr = new ArrayList<>();
        List<Tensor> f = new ArrayList<>();
        int total = clouds.stream().mapToInt(PointCloud::numPoints).sum();
        int[] batch = new int[total];
        int at = 0;
        int offset = 0;
        for (PointCloud c : clouds) {
            if (c.hasNormals() != withNormals || c.hasFeatures() != withFeatures) {
                throw new InvalidArgumentException("PointCloud.batch: every batch must have normals and features alike;"
                        + " the first has normals=" + withNormals + ", features=" + withFeatures + ", another " + c);
            }
            p.add(c.positions);
            if (withNormals) {
                nr.add(c.normals);
            }
            if (withFeatures) {
                f.add(c.features);
            }
            for (int b : c.batch) {
                batch[at++] = b + offset;
            }
            offset += c.numClouds;
        }
        PointCloud out = of(Tensors.concat(0, p), batch, offset);
        if (withNormals) {
            out = out.withNormals(Tensors.concat(0, nr));
        }
        return withFeatures ? out.withFeatures(Tensors.concat(0, f)) : out;
    }

    @Override
    public String toString() {
        return "PointCloud(" + numClouds + " clouds, " + numPoints() + " points" + (hasNormals() ? ", normals" : "")
                + (hasFeatures() ? ", " + features.shape()[1] + " features" : "") + ", " + dtype() + ")";
    }
}
