package org.equivariant4j.nn.conv;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Max or average pooling over 1 to 3 spatial dimensions of {@code [N, C, *spatial]} inputs, with a fixed window
 * ({@code torch.nn.MaxPool2d}, {@code AvgPool2d}, ...) or to a fixed output size ({@code AdaptiveMaxPool2d},
 * {@code AdaptiveAvgPool2d}; output size 1 is global pooling). No parameters.
 *
 * <pre>{@code
 * Pool down = Pool.max(PoolSpec.of(2, 2));           // MaxPool2d(2)
 * Pool global = Pool.adaptiveAvg(1, 1);              // AdaptiveAvgPool2d(1)
 * }</pre>
 */
public final class Pool extends UnaryModule {
    private final PoolKind kind;
    private final boolean adaptive;
    private final PoolSpec window;
    private final int[] outputSize;

    private Pool(PoolKind kind, PoolSpec window, int[] outputSize) {
        this.kind = kind;
        this.adaptive = window == null;
        this.window = window;
        this.outputSize = outputSize;
    }

    /** Max over each window of {@code spec}. */
    public static Pool max(PoolSpec spec) {
        return new Pool(PoolKind.MAX, Objects.requireNonNull(spec, "spec"), null);
    }

    /** Mean over each window of {@code spec} (padded positions not counted). */
    public static Pool avg(PoolSpec spec) {
        return new Pool(PoolKind.AVG, Objects.requireNonNull(spec, "spec"), null);
    }

    /** Max pooling to {@code outputSize} (one entry per spatial dimension), PyTorch's adaptive windows. */
    public static Pool adaptiveMax(int... outputSize) {
        return new Pool(PoolKind.MAX, null, checkedSize(outputSize));
    }

    /** Average pooling to {@code outputSize} (one entry per spatial dimension), PyTorch's adaptive windows. */
    public static Pool adaptiveAvg(int... outputSize) {
        return new Pool(PoolKind.AVG, null, checkedSize(outputSize));
    }

    private static int[] checkedSize(int[] size) {
        if (size.length < 1 || size.length > 3 || Arrays.stream(size).anyMatch(s -> s < 1)) {
            throw new InvalidArgumentException("Pool: an adaptive output size needs 1 to 3 positive entries, got "
                    + Arrays.toString(size));
        }
        return size.clone();
    }

    private int spatialDims() {
        return adaptive ? outputSize.length : window.spatialDims();
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != 2 + spatialDims()) {
            throw new ShapeMismatchException(this + ": expected input [N, C] + " + spatialDims() + " spatial dimensions but was "
                    + Arrays.toString(input.shape()));
        }
        if (adaptive) {
            return kind == PoolKind.MAX ? input.adaptiveMaxPool(outputSize) : input.adaptiveAvgPool(outputSize);
        }
        return kind == PoolKind.MAX ? input.maxPool(window) : input.avgPool(window);
    }

    @Override
    public String toString() {
        String name = (adaptive ? "Adaptive" : "") + (kind == PoolKind.MAX ? "Max" : "Avg") + "Pool" + spatialDims() + "d";
        return name + (adaptive ? "(" + Arrays.toString(outputSize) + ")" : "(kernel " + Arrays.toString(window.kernel())
                + ", stride " + Arrays.toString(window.stride()) + ", padding " + Arrays.toString(window.padding()) + ")");
    }

    /** What a window reduces to. */
    private enum PoolKind {
        MAX, AVG
    }
}
