package org.equivariant4j.nn.experiment;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * How a finite group of grid symmetries (C4 on a square grid) moves the pixels of a flattened
 * {@code size x size} image, read off the framework's own action ({@link GeometricTensor#transform}
 * on a grid), so rotating data here and checking invariance with the test kit agree by construction.
 *
 * <p>It also gives the pixel order that turns an image into {@code n x regular} fields: with orbit
 * representatives p_f and elements h_j in {@link FiniteGroup#elements()} order, channel
 * {@code f|G| + j} holds pixel {@code h_j · p_f}. Rotating the image by g then permutes each field's
 * channels exactly as the regular representation does ({@code v_h -> v_{g⁻¹h}}), which is what lets
 * an equivariant network read an image as plain feature vectors. Every orbit must be free (no pixel
 * fixed by a non-identity element): true for C4 on an even-sized grid, whose centre is no pixel.
 */
public final class GridSymmetry {
    private final FiniteGroup group;
    private final int size;
    /** source[k][q]: the pixel that element k moves to q, i.e. rotated[q] = image[source[k][q]]. */
    private final int[][] source;
    private final int[] orbitOrder;

    public GridSymmetry(FiniteGroup group, int size) {
        this.group = group;
        this.size = size;
        int pixels = size * size;
        List<GroupElement> elements = group.elements();
        source = new int[elements.size()][];
        double[] index = new double[pixels];
        Arrays.setAll(index, i -> i);
        GeometricTensor indices = GeometricTensor.of(Tensors.of(index, DType.FLOAT64, 1, 1, size, size), imageType());
        for (int k = 0; k < elements.size(); k++) {
            long[] moved = indices.transform(elements.get(k)).tensor().toLongArray();
            source[k] = Arrays.stream(moved).mapToInt(Math::toIntExact).toArray();
        }
        orbitOrder = orbitOrder(pixels);
    }

    private int[] orbitOrder(int pixels) {
        int order = group.order();
        // image(h · p) for each h: h moves p to the q whose source is p.
        int[][] target = new int[order][pixels];
        for (int k = 0; k < order; k++) {
            for (int q = 0; q < pixels; q++) {
                target[k][source[k][q]] = q;
            }
        }
        boolean[] placed = new boolean[pixels];
        int[] out = new int[pixels];
        int next = 0;
        for (int p = 0; p < pixels; p++) {
            if (placed[p]) {
                continue;
            }
            for (int k = 0; k < order; k++) {
                int q = target[k][p];
                if (placed[q]) {
                    throw new InvalidArgumentException(group.name() + " fixes pixel " + p + " of a " + size + "x" + size
                            + " grid with a non-identity element (use an even size): its orbits are not all free");
                }
                placed[q] = true;
                out[next++] = q;
            }
        }
        return out;
    }

    public FiniteGroup group() {
        return group;
    }

    public int size() {
        return size;
    }

    /** Images as a field: {@code [N, 1, size, size]}, one invariant channel on the grid. */
    public FieldType imageType() {
        return FieldType.of(Domain.grid(2), Representation.trivial(group));
    }

    /** Flattened images in {@link #orbitOrder()} as plain vectors: {@code pixels / |G|} regular fields. */
    public FieldType fieldsType() {
        int fields = size * size / group.order();
        return FieldType.of(Domain.vectors(), Representation.directSum(
                java.util.Collections.nCopies(fields, Representation.regular(group))));
    }

    /** Pixel indices in field order (see the class comment). */
    public int[] orbitOrder() {
        return orbitOrder.clone();
    }

    /** Image {@code row} of {@code images} ({@code [N, size*size]}, row-major) moved by element {@code k}, into {@code out}. */
    public void move(float[] images, int row, int k, float[] out) {
        int pixels = size * size;
        int base = row * pixels;
        for (int q = 0; q < pixels; q++) {
            out[base + q] = images[base + source[k][q]];
        }
    }

    /** Each image of {@code images} ({@code [N, size*size]}) moved by an element drawn uniformly from {@code rng}. */
    public Tensor moveEachRandomly(Tensor images, Rng rng) {
        float[] in = images.toFloatArray();
        float[] out = new float[in.length];
        int n = images.size(0);
        for (int i = 0; i < n; i++) {
            move(in, i, rng.nextInt(group.order()), out);
        }
        return Tensors.of(out, n, size * size);
    }

    /** {@code set} with each image moved by an element drawn uniformly from {@code rng}, labels kept (a rotated test set). */
    public TensorDataset withEachMovedRandomly(TensorDataset set, Rng rng) {
        return new TensorDataset(moveEachRandomly(set.features(), rng), set.labels());
    }
}
