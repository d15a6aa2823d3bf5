package org.equivariant4j.nn.init;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.Arrays;

/**
 * The fan-in and fan-out of a weight, the numbers every variance-preserving initialiser scales by.
 * Computed as PyTorch does: a weight {@code [out, in, *kernel]} has fan-in {@code in * prod(kernel)}
 * and fan-out {@code out * prod(kernel)}, so a convolution kernel and a linear weight agree.
 *
 * @param in  inputs feeding one output unit
 * @param out outputs fed by one input unit
 */
public record Fan(int in, int out) {

    public Fan {
        if (in <= 0 || out <= 0) {
            throw new InvalidArgumentException("Fan: fan-in and fan-out must be positive, got in=" + in + " out=" + out);
        }
    }

    /** The fans of a weight of {@code shape} ({@code [out, in, *kernel]}, rank at least 2). */
    public static Fan of(int... shape) {
        if (shape.length < 2) {
            throw new InvalidArgumentException("Fan.of: fans need a weight of rank >= 2 ([out, in, *kernel]), got shape "
                    + Arrays.toString(shape) + "; pass the fan of the weight explicitly for biases");
        }
        int receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive = Math.multiplyExact(receptive, shape[i]);
        }
        return new Fan(Math.multiplyExact(shape[1], receptive), Math.multiplyExact(shape[0], receptive));
    }

    /** The fan selected by {@code mode}. */
    public int select(FanMode mode) {
        return mode == FanMode.FAN_IN ? in : out;
    }
}
