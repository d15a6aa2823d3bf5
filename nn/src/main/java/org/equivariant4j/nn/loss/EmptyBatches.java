package org.equivariant4j.nn.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;

/**
 * The losses' one decision about empty batches: refuse them. PyTorch's mean reduction returns NaN
 * for an empty batch (0 / 0, with a warning at most), and a NaN loss trains silently on garbage
 * (every optimiser step after it is NaN); a batch with no examples is a data-pipeline mistake
 * better reported where it happens. Reductions themselves ({@code Tensor.mean}) still give NaN
 * as PyTorch does.
 */
final class EmptyBatches {

    private EmptyBatches() {
    }

    /** Throws, naming {@code loss} and the shape, when {@code shape} holds no examples. */
    static void refuse(String loss, String what, int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n == 0) {
            throw new ShapeMismatchException(loss + ": the batch is empty (" + what + " " + Arrays.toString(shape)
                    + "): a mean over no examples is undefined (PyTorch gives NaN, which would train on NaN); skip empty"
                    + " batches before computing the loss");
        }
    }
}
