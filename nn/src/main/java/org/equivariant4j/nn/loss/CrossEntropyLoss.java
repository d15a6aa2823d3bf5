package org.equivariant4j.nn.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
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
 * integer dtype with values in {@code [0, C)}. The labels' log-probabilities are picked by one
 * {@code indexSelect} from the flattened log-softmax at offsets {@code i * C + label_i} (built on
 * the host from the labels, which are read anyway to refuse out-of-range ones): one gather and,
 * backward, one scatter of N values, where a one-hot mask cost a comparison, a cast and an
 * [N, C] product each way.
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
        EmptyBatches.refuse("CrossEntropyLoss", "logits", ls);
        int n = ls[0];
        int classes = ls[1];
        long[] values = labels.toLongArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw new InvalidArgumentException("CrossEntropyLoss: label " + values[i] + " at position " + i
                        + " is outside [0, " + classes + ")");
            }
        }
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = (long) i * classes + values[i];
        }
        Tensor picked = logits.logSoftmax(1).reshape(n * classes).indexSelect(0, Tensors.of(offsets, n));
        return picked.sum().div(-n);
    }

    @Override
    public String toString() {
        return "CrossEntropyLoss";
    }
}
