package org.equivariant4j.nn.norm;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over channel dimension 1 of {@code [N, C, *]}
 * inputs, so one class covers PyTorch's {@code BatchNorm1d/2d/3d}.
 *
 * <p>In training mode each channel is normalised with the mean and population variance of the
 * batch (over every dimension but 1), and the buffers {@code running_mean} and
 * {@code running_var} move towards the batch statistics by {@code momentum}:
 * {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased variance, as in
 * PyTorch. In evaluation mode the running statistics are used, so the output of one example does
 * not depend on the rest of the batch. {@code num_batches_tracked} is kept for state-dict
 * compatibility with PyTorch.
 */
public final class BatchNorm extends UnaryModule implements RunningStatistics {
    private static final String RUNNING_MEAN = "running_mean";
    private static final String RUNNING_VAR = "running_var";
    private static final String NUM_BATCHES = "num_batches_tracked";

    private final int channels;
    private final double eps;
    private final RunningAverage average;
    private final Parameter weight;
    private final Parameter bias;

    /** Affine, eps 1e-5, momentum 0.1, float32 (PyTorch's defaults). */
    public BatchNorm(int channels) {
        this(channels, 1e-5, 0.1, true, DType.FLOAT32);
    }

    public BatchNorm(int channels, double eps, double momentum, boolean affine, DType dtype) {
        if (channels <= 0) {
            throw new InvalidArgumentException("BatchNorm: channels must be positive, got " + channels);
        }
        if (!(eps > 0)) {
            throw new InvalidArgumentException("BatchNorm: eps must be positive, got " + eps);
        }
        this.channels = channels;
        this.eps = eps;
        this.average = new RunningAverage("BatchNorm(" + channels + ")", momentum);
        this.weight = affine ? registerParameter("weight", Tensors.ones(dtype, channels)) : null;
        this.bias = affine ? registerParameter("bias", Tensors.zeros(dtype, channels)) : null;
        registerBuffer(RUNNING_MEAN, Tensors.zeros(dtype, channels));
        registerBuffer(RUNNING_VAR, Tensors.ones(dtype, channels));
        registerBuffer(NUM_BATCHES, Tensors.scalar(0, DType.INT64));
    }

    public int channels() {
        return channels;
    }

    /** The running mean per channel (a copy-free view of the buffer; do not modify). */
    public Tensor runningMean() {
        return buffer(RUNNING_MEAN);
    }

    /** The running unbiased variance per channel. */
    public Tensor runningVar() {
        return buffer(RUNNING_VAR);
    }

    /** Batches seen in training mode. */
    public long batchesTracked() {
        return (long) buffer(NUM_BATCHES).item();
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        if (shape.length < 2 || shape[1] != channels) {
            throw new ShapeMismatchException(this + ": expected input [N, " + channels + ", *] but was " + Arrays.toString(shape));
        }
        // Per-channel vectors broadcast as [1, C, 1, ..., 1].
        int[] channelShape = new int[shape.length];
        Arrays.fill(channelShape, 1);
        channelShape[1] = channels;
        Tensor mean;
        Tensor var;
        if (isTraining()) {
            int[] dims = new int[shape.length - 1];
            dims[0] = 0;
            for (int i = 2; i < shape.length; i++) {
                dims[i - 1] = i;
            }
            long perChannel = input.numel() / channels;
            if (perChannel < 2) {
                // PyTorch: "Expected more than 1 value per channel when training".
                throw new ShapeMismatchException(this + ": training needs more than 1 value per channel to estimate a"
                        + " variance, but input " + Arrays.toString(shape) + " has " + perChannel
                        + (perChannel == 0 ? " (empty batch); use eval() for inference on such batches" : ""));
            }
            mean = input.mean(dims, true);
            var = input.var(dims, true);
            track(mean, var, perChannel);
        } else {
            mean = buffer(RUNNING_MEAN).reshape(channelShape);
            var = buffer(RUNNING_VAR).reshape(channelShape);
        }
        Tensor normalized = input.sub(mean).div(var.add(eps).sqrt());
        if (weight == null) {
            return normalized;
        }
        return normalized.mul(weight.value().reshape(channelShape)).add(bias.value().reshape(channelShape));
    }

    private void track(Tensor batchMean, Tensor batchVar, long perChannel) {
        // Statistics are state, not part of the model's function: no graph, no gradient.
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor mean = batchMean.detach().reshape(channels);
            Tensor unbiased = batchVar.detach().reshape(channels).mul((double) perChannel / (perChannel - 1));
            Tensor runningMean = buffer(RUNNING_MEAN);
            Tensor runningVar = buffer(RUNNING_VAR);
            double w = average.nextWeight();
            setBuffer(RUNNING_MEAN, runningMean.mul(1 - w).add(mean.mul(w).to(runningMean.dtype())));
            setBuffer(RUNNING_VAR, runningVar.mul(1 - w).add(unbiased.mul(w).to(runningVar.dtype())));
            // Counted in Java: the engine's scalar add is not defined for INT64 tensors.
            setBuffer(NUM_BATCHES, Tensors.scalar(batchesTracked() + 1, DType.INT64));
        }
    }

    @Override
    public void resetRunningStatistics() {
        Tensor mean = buffer(RUNNING_MEAN);
        setBuffer(RUNNING_MEAN, Tensors.zeros(mean.dtype(), channels));
        setBuffer(RUNNING_VAR, Tensors.ones(mean.dtype(), channels));
        setBuffer(NUM_BATCHES, Tensors.scalar(0, DType.INT64));
        average.reset();
    }

    @Override
    public void averageCumulatively(boolean on) {
        average.cumulative(on);
    }

    /** The momentum of the running statistics (PyTorch's default 0.1). */
    public double momentum() {
        return average.momentum();
    }

    @Override
    public String toString() {
        return "BatchNorm(" + channels + (weight == null ? ", no affine" : "") + ")";
    }
}
