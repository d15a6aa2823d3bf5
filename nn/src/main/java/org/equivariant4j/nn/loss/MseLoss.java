package org.equivariant4j.nn.loss;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Mean squared error {@code mean((prediction - target)^2)} over all entries, as PyTorch's
 * {@code F.mse_loss}. The shapes must be equal: broadcasting a {@code [N]} target against an
 * {@code [N, 1]} prediction would silently compare every pair.
 */
public final class MseLoss implements Loss {

    @Override
    public Tensor compute(Tensor prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new ShapeMismatchException("MseLoss: expected prediction and target of equal shape but was "
                    + Arrays.toString(prediction.shape()) + " and " + Arrays.toString(target.shape()));
        }
        EmptyBatches.refuse("MseLoss", "prediction", prediction.shape());
        Tensor diff = prediction.sub(target);
        return diff.mul(diff).mean();
    }

    @Override
    public String toString() {
        return "MseLoss";
    }
}
