package org.equivariant4j.nn.data;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * A dataset held in two tensors whose first dimension indexes the examples: features
 * {@code [N, *]} and labels {@code [N, *]} (e.g. {@code [N]} INT64 class indices). Batches are
 * gathered in bulk (one tensor per batch for features and one for labels), never example by example.
 */
public final class TensorDataset implements Dataset {
    private final Tensor features;
    private final Tensor labels;
    private final HostRows featureRows;
    private final HostRows labelRows;

    public TensorDataset(Tensor features, Tensor labels) {
        if (features.rank() == 0 || labels.rank() == 0 || features.size(0) != labels.size(0)) {
            throw new ShapeMismatchException("TensorDataset: expected features [N, *] and labels [N, *] with the same N but was "
                    + Arrays.toString(features.shape()) + " and " + Arrays.toString(labels.shape()));
        }
        this.features = features.detach();
        this.labels = labels.detach();
        this.featureRows = new HostRows(this.features);
        this.labelRows = new HostRows(this.labels);
    }

    /** All features, {@code [N, *]}. */
    public Tensor features() {
        return features;
    }

    /** All labels, {@code [N, *]}. */
    public Tensor labels() {
        return labels;
    }

    @Override
    public int size() {
        return featureRows.rows();
    }

    @Override
    public Example get(int index) {
        Batch one = batch(new int[] {index});
        return new Example(one.features().squeeze(0), one.labels().squeeze(0));
    }

    @Override
    public Batch batch(int[] indices) {
        if (indices.length == 0) {
            throw new InvalidArgumentException("TensorDataset.batch: no indices");
        }
        return new Batch(featureRows.select(indices), labelRows.select(indices));
    }

    @Override
    public String toString() {
        return "TensorDataset(" + size() + " examples, features " + Arrays.toString(features.shape()) + " " + features.dtype()
                + ", labels " + Arrays.toString(labels.shape()) + " " + labels.dtype() + ")";
    }
}
