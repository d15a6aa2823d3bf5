package org.equivariant4j.nn.init;

/**
 * The recommended gains of PyTorch's {@code nn.init.calculate_gain}: the factor by which a
 * nonlinearity shrinks the second moment of its input, undone by scaling the initial weights.
 */
public final class Gain {

    private Gain() {
    }

    /** 1: identity, sigmoid and other layers that keep the scale of their input. */
    public static double linear() {
        return 1.0;
    }

    /** {@code sqrt(2)}: ReLU zeroes half of a symmetric input. */
    public static double relu() {
        return Math.sqrt(2.0);
    }

    /** {@code sqrt(2 / (1 + slope^2))}. */
    public static double leakyRelu(double negativeSlope) {
        return Math.sqrt(2.0 / (1.0 + negativeSlope * negativeSlope));
    }

    /** 5/3, PyTorch's value for tanh. */
    public static double tanh() {
        return 5.0 / 3.0;
    }
}
