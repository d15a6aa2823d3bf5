package org.equivariant4j.nn.equivariant;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.norm.RunningAverage;
import org.equivariant4j.nn.norm.RunningStatistics;

/**
 * Batch normalisation of regular (more generally: permutation) fields. Per-channel statistics would break
 * equivariance, since the group permutes the channels of a field; so one mean and one variance are shared
 * by all channels of each field, taken over the batch, the spatial positions and the group axis (the
 * field's channels). Subtracting a constant from every channel of a field and scaling them all by one
 * factor commutes with any permutation of them. The affine weight and bias are likewise one scalar per
 * field.
 *
 * <p>As in PyTorch: in training mode the batch statistics normalise (biased variance) and update the
 * running statistics with momentum 0.1 by default, an option (unbiased variance, counting N·S·d samples for a field of dimension
 * d); in evaluation mode the running statistics are used. Buffers {@code running_mean} and
 * {@code running_var} have one entry per field; eps is 1e-5. Fields whose matrices are not permutations
 * (irreps of dimension above one) are refused at construction, naming them.
 */
public final class EquivariantBatchNorm extends EquivariantLayer implements RunningStatistics {
    private static final double EPS = 1e-5;

    private final FieldLayout layout;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor fieldOfChannel;
    /** [F, C]: 1/d_f where channel c belongs to field f (d_f its dimension): averages channels per field. */
    private final double[] averaging;
    private final double[] fieldDimensions;
    private final RunningAverage average;
    /** The dimension every field shares, or 0 when they differ. */
    private final int uniformDimension;

    /** Batch normalisation of every field of {@code type}, which must permute its channels (regular, quotient, trivial). */
    public EquivariantBatchNorm(FieldType type) {
        this(type, 0.1);
    }

    /** As {@link #EquivariantBatchNorm(FieldType)} with the running statistics' {@code momentum} (default 0.1). */
    public EquivariantBatchNorm(FieldType type, double momentum) {
        super(type, type);
        this.average = new RunningAverage("EquivariantBatchNorm(" + type.representation().name() + ")", momentum);
        PointwiseNonlinearity.requirePointwise(type, "EquivariantBatchNorm");
        this.layout = FieldLayout.of(type.representation());
        int f = layout.fieldCount();
        int c = layout.channels();
        this.fieldOfChannel = layout.fieldOfChannel();
        this.averaging = new double[f * c];
        this.fieldDimensions = new double[f];
        for (int field = 0; field < f; field++) {
            int d = layout.fields().get(field).dimension();
            fieldDimensions[field] = d;
            for (int k = 0; k < d; k++) {
                averaging[field * c + layout.offset(field) + k] = 1.0 / d;
            }
        }
        int shared = f == 0 ? 0 : layout.fields().get(0).dimension();
        for (int field = 1; field < f; field++) {
            shared = layout.fields().get(field).dimension() == shared ? shared : 0;
        }
        this.uniformDimension = shared;
        this.weight = registerParameter("weight", Tensors.ones(f));
        this.bias = registerParameter("bias", Tensors.zeros(f));
        registerBuffer("running_mean", Tensors.zeros(f));
        registerBuffer("running_var", Tensors.ones(f));
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        int rank = x.rank();
        int[] dims = Fields.nonChannelDims(rank);
        Tensor mean;
        Tensor var;
        if (isTraining()) {
            requireValuesToEstimate(x);
            if (uniformDimension > 0) {
                return Fields.output(input, trainUniformFields(x), outType());
            }
            Tensor average = Tensors.of(averaging, x.dtype(), layout.fieldCount(), layout.channels());
            mean = average.matmul(x.mean(dims, false));
            Tensor centred = x.sub(spread(mean, rank));
            var = average.matmul(centred.mul(centred).mean(dims, false));
            updateRunningStatistics(mean, var, x.numel() / layout.channels());
            return Fields.output(input, normalise(centred, var, rank), outType());
        }
        mean = buffer("running_mean").to(x.dtype());
        var = buffer("running_var").to(x.dtype());
        return Fields.output(input, normalise(x.sub(spread(mean, rank)), var, rank), outType());
    }

    /**
     * Training mode when every field has the same dimension d (the usual case: n copies of one
     * representation): the input seen as {@code [B, F, d, ...]} (a view) has its per-field statistics
     * as plain reductions over every axis but 1, and the output is {@code x * s + t} with per-field
     * {@code s = weight / sqrt(var + eps)} and {@code t = bias - mean * s}, as PyTorch's batch norm
     * computes it. The same function as the general path below; this one makes two full-size
     * arrays instead of four (centred, squared, scaled, shifted), and on a G-CNN's [64,16,28,28]
     * activations those arrays, fresh native memory each, are most of the forward's time.
     */
    private Tensor trainUniformFields(Tensor x) {
        int[] s = x.shape();
        int fields = layout.fieldCount();
        int[] grouped = new int[s.length + 1];
        grouped[0] = s[0];
        grouped[1] = fields;
        grouped[2] = uniformDimension;
        System.arraycopy(s, 2, grouped, 3, s.length - 2);
        int[] dims = new int[grouped.length - 1];
        int[] perField = new int[grouped.length];
        java.util.Arrays.fill(perField, 1);
        perField[1] = fields;
        for (int d = 0, n = 0; d < grouped.length; d++) {
            if (d != 1) {
                dims[n++] = d;
            }
        }
        Tensor xf = x.reshape(grouped);
        Tensor mean = xf.mean(dims, false);
        Tensor var = xf.var(dims, false);
        updateRunningStatistics(mean, var, x.numel() / layout.channels());
        Tensor scale = weight.value().div(var.add(EPS).sqrt());
        Tensor shift = bias.value().sub(mean.mul(scale));
        return xf.mul(scale.reshape(perField)).add(shift.reshape(perField)).reshape(s);
    }

    /**
     * Refuses, as PyTorch's batch norm does ("Expected more than 1 value per channel when
     * training"), a batch with at most one value per field: an empty batch would give NaN
     * statistics, and a single value a variance of 0 that the running variance cannot be unbiased from.
     */
    private void requireValuesToEstimate(Tensor x) {
        long perChannel = x.numel() / layout.channels();
        for (double d : fieldDimensions) {
            if (perChannel * d <= 1) {
                throw new ShapeMismatchException(this + ": training needs more than 1 value per field to estimate its mean and"
                        + " variance, but input " + java.util.Arrays.toString(x.shape()) + " has " + (long) (perChannel * d)
                        + " for a field of dimension " + (int) d + " (empty batch?); use eval() for inference on such batches");
            }
        }
    }

    private Tensor normalise(Tensor centred, Tensor var, int rank) {
        Tensor scale = weight.value().div(var.add(EPS).sqrt());
        return centred.mul(spread(scale, rank)).add(spread(bias.value(), rank));
    }

    /** A per-field vector [F] as a per-channel one, shaped to broadcast: [1, C, 1...]. */
    private Tensor spread(Tensor perField, int rank) {
        return Fields.perChannel(perField.indexSelect(0, fieldOfChannel), rank);
    }

    private void updateRunningStatistics(Tensor mean, Tensor var, long samplesPerChannel) {
        double[] correction = new double[fieldDimensions.length];
        for (int f = 0; f < correction.length; f++) {
            double n = samplesPerChannel * fieldDimensions[f];
            correction[f] = n > 1 ? n / (n - 1) : 1.0;
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor runningMean = buffer("running_mean");
            Tensor runningVar = buffer("running_var");
            Tensor unbiased = var.detach().to(runningVar.dtype()).mul(Tensors.of(correction, runningVar.dtype(), correction.length));
            double w = average.nextWeight();
            setBuffer("running_mean", runningMean.mul(1 - w).add(mean.detach().to(runningMean.dtype()).mul(w)));
            setBuffer("running_var", runningVar.mul(1 - w).add(unbiased.mul(w)));
        }
    }

    @Override
    public void resetRunningStatistics() {
        Tensor mean = buffer("running_mean");
        setBuffer("running_mean", Tensors.zeros(mean.dtype(), layout.fieldCount()));
        setBuffer("running_var", Tensors.ones(mean.dtype(), layout.fieldCount()));
        average.reset();
    }

    @Override
    public void averageCumulatively(boolean on) {
        average.cumulative(on);
    }

    /** The momentum of the running statistics (default 0.1). */
    public double momentum() {
        return average.momentum();
    }

    /** {@code "EquivariantBatchNorm(4x regular)"}. */
    @Override
    public String toString() {
        return "EquivariantBatchNorm(" + inType().representation().name() + ")";
    }
}
