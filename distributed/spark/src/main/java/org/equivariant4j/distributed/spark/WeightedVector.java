package org.equivariant4j.distributed.spark;

import java.io.Serializable;

import org.equivariant4j.core.error.ShapeMismatchException;

/**
 * What a partition sends back to the driver: a flat vector of doubles (the concatenated gradients, or parameters
 * for local SGD, each already multiplied by {@link #weight}) and the weight, the number of examples behind it.
 * {@link #plus} is the sum {@code treeAggregate} forms; the driver divides the total by the total weight, so the
 * result is the mean over all examples whatever the partitions' sizes. A plain array: no engine object on the wire.
 */
final class WeightedVector implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The neutral element of {@link #plus}: {@code treeAggregate}'s zero value. */
    static final WeightedVector ZERO = new WeightedVector(new double[0], 0, 0);

    private final double[] values;
    private final double weight;
    private final double lossSum;

    /**
     * @param lossSum the training loss behind the vector times its weight, so the driver can report the mean loss of
     *                the step (or round) without another pass
     */
    WeightedVector(double[] values, double weight, double lossSum) {
        this.values = values;
        this.weight = weight;
        this.lossSum = lossSum;
    }

    double[] values() {
        return values;
    }

    double weight() {
        return weight;
    }

    /** The sum of two vectors, element by element, and of their weights; {@link #ZERO} on either side is neutral. */
    WeightedVector plus(WeightedVector other) {
        if (weight == 0 && values.length == 0) {
            return other;
        }
        if (other.weight == 0 && other.values.length == 0) {
            return this;
        }
        if (other.values.length != values.length) {
            throw new ShapeMismatchException("WeightedVector: cannot add a vector of " + other.values.length
                    + " values to one of " + values.length + " (partitions disagree on the model's parameters)");
        }
        double[] sum = new double[values.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = values[i] + other.values[i];
        }
        return new WeightedVector(sum, weight + other.weight, lossSum + other.lossSum);
    }

    /** The weighted mean of the losses behind the vector. */
    double meanLoss() {
        return lossSum / weight;
    }

    /** The weighted mean: the values divided by the total weight. */
    double[] mean() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] / weight;
        }
        return out;
    }
}
