package org.equivariant4j.nn.data;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A finite, indexable collection of {@link Example}s. Implement {@link #size()} and
 * {@link #get(int)}; override {@link #batch(int[])} when the examples can be gathered in bulk,
 * which is what {@link DataLoader} calls (the default stacks one example at a time).
 */
public interface Dataset {

    /** Number of examples. */
    int size();

    /** Example {@code index}, in {@code [0, size())}. */
    Example get(int index);

    /** The examples at {@code indices} stacked into a batch, in that order. */
    default Batch batch(int[] indices) {
        if (indices.length == 0) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ".batch: no indices");
        }
        List<Tensor> features = new ArrayList<>(indices.length);
        List<Tensor> labels = new ArrayList<>(indices.length);
        for (int i : indices) {
            Example e = get(i);
            features.add(e.features());
            labels.add(e.label());
        }
        return new Batch(Tensors.stack(0, features), Tensors.stack(0, labels));
    }
}
