package org.equivariant4j.fields.enf.baseline;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.GELU;
import org.equivariant4j.nn.conv.Conv;
import org.equivariant4j.nn.layer.Sequential;

/**
 * The grid baseline of the ENF experiments: a small CNN that maps one frame of a field on a rows x cols grid to the
 * next, as a residual {@code u(t + dt) = u(t) + scale · net(u(t) / scale)}. Every convolution is 3 x 3 with the
 * border padded by one node: circularly on a torus (the Navier-Stokes grid), with zeros on the plane. It is not a
 * neural field (it needs the full grid) and only translation-equivariant (in the interior, or exactly on the torus).
 *
 * <p>Input and output are flattened frames {@code [B, rows * cols]}, the layout of {@code Trajectories} frames.
 */
public final class GridStepper extends UnaryModule {
    private final int rows;
    private final int cols;
    private final boolean periodic;
    private final double scale;
    private final Sequential net;

    /**
     * @param hidden channels of the hidden layers
     * @param layers convolutions (at least 2: in, hidden..., out)
     * @param scale the typical size of the field (e.g. its standard deviation in training), so the network sees
     *              values of order one
     */
    public GridStepper(int rows, int cols, boolean periodic, int hidden, int layers, double scale, Rng rng) {
        if (rows < 2 || cols < 2 || hidden < 1 || layers < 2 || !(scale > 0)) {
            throw new InvalidArgumentException("GridStepper: need a grid of at least 2 x 2, hidden >= 1, layers >= 2 and"
                    + " scale > 0, got " + rows + " x " + cols + ", " + hidden + ", " + layers + ", " + scale);
        }
        this.rows = rows;
        this.cols = cols;
        this.periodic = periodic;
        this.scale = scale;
        List<UnaryModule> parts = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? 1 : hidden;
            int out = l == layers - 1 ? 1 : hidden;
            parts.add(new PaddedConv(Conv.conv2d(in, out, 3, rng), periodic));
            if (l < layers - 1) {
                parts.add(new GELU());
            }
        }
        this.net = registerModule("net", new Sequential(parts));
    }

    /** The next frames {@code [B, rows * cols]} of the frames {@code [B, rows * cols]}. */
    @Override
    public Tensor forward(Tensor frames) {
        int[] shape = frames.shape();
        if (shape.length != 2 || shape[1] != rows * cols) {
            throw new ShapeMismatchException(this + ": expected frames [B, " + rows * cols + "] but was "
                    + java.util.Arrays.toString(shape));
        }
        Tensor x = frames.reshape(shape[0], 1, rows, cols).div(scale);
        return x.add(net.forward(x)).mul(scale).reshape(shape[0], rows * cols);
    }

    @Override
    public String toString() {
        return "GridStepper[" + rows + "x" + cols + (periodic ? ", circular" : ", zero") + " padding]";
    }

    /** A 3 x 3 convolution after padding the border by one node. */
    private static final class PaddedConv extends UnaryModule {
        private final Conv conv;
        private final PadMode mode;

        PaddedConv(Conv conv, boolean periodic) {
            this.conv = registerModule("conv", conv);
            this.mode = periodic ? PadMode.CIRCULAR : PadMode.CONSTANT;
        }

        @Override
        public Tensor forward(Tensor input) {
            return conv.forward(input.pad(new int[] {1, 1, 1, 1}, mode, 0));
        }
    }
}
