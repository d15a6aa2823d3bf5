package org.equivariant4j.nn.metric;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;

/** Classification accuracy: the fraction of examples whose highest-scoring class is the label. */
public final class Accuracy {

    private Accuracy() {
    }

    /**
     * @param logits {@code [N, C]} class scores (or probabilities)
     * @param labels {@code [N]} integer class indices
     * @return the fraction in [0, 1]
     */
    public static double of(Tensor logits, Tensor labels) {
        int[] ls = logits.shape();
        int[] ys = labels.shape();
        if (ls.length != 2 || ys.length != 1 || ys[0] != ls[0] || ls[0] == 0) {
            throw new ShapeMismatchException("Accuracy: expected logits [N, C] and labels [N] with N > 0 but was "
                    + Arrays.toString(ls) + " and " + Arrays.toString(ys));
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return logits.argmax(1).eq(labels.to(DType.INT64)).to(DType.FLOAT64).mean().item();
        }
    }
}
