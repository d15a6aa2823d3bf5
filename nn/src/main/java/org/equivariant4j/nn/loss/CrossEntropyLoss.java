package org.equivariant4j.nn.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Cross-entropy of class scores against integer labels, averaged over the batch, as PyTorch's
 * {@code F.cross_entropy(logits, labels)}: {@code mean_i(logsumexp(logits_i) - logits_i[label_i])}.
 *
 * <p>{@code logits} is {@code [N, C]} (unnormalised scores), {@code labels} is {@code [N]} of an
 * integer dtype with values in {@code [0, C)}. The label's log-probability is picked with a
 * one-hot mask (labels compared with a row {@code 0..C-1}), two ops on the engine instead of a
 * gather per example. Out-of-range labels are refused, because a one-hot row of zeros would
 * silently give a loss of 0 for that example.
 */
public final class CrossEntropyLoss implements Loss {

    @Override
    public Tensor compute(Tensor logits, Tensor labels) {
        int[] ls = logits.shape();
        int[] ys = labels.shape();
        if (ls.length != 2 || ys.length != 1 || ys[0] != ls[0]) {
            throw new ShapeMismatchException("CrossEntropyLoss: expected logits [N, C] and labels [N] but was "
                    + Arrays.toString(ls) + " and " + Arrays.toString(ys));
        }
        if (labels.dtype().isFloating() || labels.dtype() == DType.BOOL) {
            throw new DTypeMismatchException("CrossEntropyLoss: labels must be class indices (INT64 or INT32) but were "
                    + labels.dtype());
        }
        int n = ls[0];
        int classes = ls[1];
        long[] values = labels.toLongArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw new IllegalArgumentException("CrossEntropyLoss: label " + values[i] + " at position " + i
                        + " is outside [0, " + classes + ")");
            }
        }
        Tensor oneHot = labels.to(DType.INT64).reshape(n, 1).eq(Tensors.arange(classes).reshape(1, classes)).to(logits.dtype());
        return logits.logSoftmax(1).mul(oneHot).sum().div(-n);
    }

    @Override
    public String toString() {
        return "CrossEntropyLoss";
    }
}
