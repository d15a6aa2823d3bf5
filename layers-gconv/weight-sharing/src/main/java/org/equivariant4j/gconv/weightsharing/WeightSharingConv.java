package org.equivariant4j.gconv.weightsharing;

import java.util.Arrays;
import java.util.Collections;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A 2D convolution whose |G| output kernels share one canonical kernel through |G| learned doubly stochastic
 * matrices (van der Linden et al., "Learning Symmetries via Weight-Sharing with Doubly Stochastic Tensors", 2024):
 * kernel g is {@code R_g · K}, with {@code R_g = Sinkhorn(scores_g)} acting on the m kernel entries.
 *
 * <h2>Layout (shared with the regular G-CNN layers)</h2>
 * <ul>
 *   <li>Canonical kernel {@code weight}: {@code [Cout, Cin, k, k]} (lifting) or {@code [Cout, Cin, |G|, k, k]} (group
 *       layer, input group channel before space); its last dimensions flatten to the m positions the matrices act
 *       on, m = k² or |G|·k².</li>
 *   <li>Matrices: {@code [|G|, m, m]}, matrix g for {@code group.elements().get(g)}.</li>
 *   <li>Transformed kernels, stacked: {@code [Cout·|G|, Cin·gIn, k, k]} with output channel {@code c·|G| + g}: the group
 *       index varies <b>fastest</b>, the layout of {@code Cout x regular} fields in core and nn (field c is channels
 *       {@code [c|G|, (c+1)|G|)}); input channel {@code ci·|G| + h} likewise for the group layer.</li>
 * </ul>
 * A forward pass is one batched matmul {@code [|G|, m, m] x [m, Cout·Cin]}, one permute, and ONE convolution
 * with all |G| kernels; the Sinkhorn normalisation adds 2 x iterations reductions over the whole batch of matrices.
 *
 * <h2>Not an equivariant layer</h2>
 * While its matrices are learned this layer is an ordinary convolution whose |G| kernels per field are tied only
 * through the canonical kernel: it guarantees no equivariance (discovering which symmetry holds is the point of the
 * method), so it is a plain {@link Module} taking and returning tensors. The group only labels the |G| output channels
 * of each field. {@link #tied()} returns the equivariant layer it becomes with the group's permutations of the kernel
 * as matrices: a regular group convolution with this canonical kernel and bias.
 */
public abstract sealed class WeightSharingConv extends Module permits WeightSharingLifting, WeightSharingGroupConv {
    /** Scores of exact permutations: 0 on the permutation, this many temperatures below elsewhere (exp underflows to 0). */
    private static final double HARD = 1000;

    private final FiniteGroup group;
    private final SharingLayout layout;
    private final WeightSharingOptions options;
    private final Sinkhorn sinkhorn;
    private final Parameter weight;
    private final Parameter scores;
    private final Parameter bias;

    WeightSharingConv(FiniteGroup group, int inChannels, int inGroupChannels, int outChannels, int kernelSize,
            WeightSharingOptions options, Rng rng) {
        if (inChannels < 1 || outChannels < 1) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": channel counts must be >= 1, got in "
                    + inChannels + ", out " + outChannels);
        }
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": the kernel size must be odd (the group rotates"
                    + " the kernel about its centre cell), got " + kernelSize);
        }
        this.group = group;
        this.layout = new SharingLayout(group.order(), inChannels, inGroupChannels, outChannels, kernelSize);
        this.options = options;
        this.sinkhorn = new Sinkhorn(options.iterations(), options.temperature());
        int g = group.order();
        int positions = layout.positions();
        // He initialisation over the fan-in of one transformed kernel (a soft permutation averages entries, so it
        // can only shrink this scale; the paper's code likewise initialises the canonical kernel alone).
        double std = Math.sqrt(2.0 / (inChannels * positions));
        this.weight = registerParameter("weight", Tensors.randn(rng, layout.weightShape()).mul(std));
        int learned = options.fixIdentity() ? g - 1 : g;
        if (learned < 1) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": with the first matrix fixed to the identity"
                    + " the group needs at least 2 elements, got " + group.name());
        }
        // Uniform [0, scale) scores, the paper's "rand" initialisation at scale 1: close to the uniform doubly
        // stochastic matrix.
        this.scores = registerParameter("scores", Tensors.uniform(rng, 0, options.scoreScale(), DType.FLOAT32, learned,
                positions, positions));
        if (options.fixIdentity()) {
            registerBuffer("identity", KernelPermutations.toTensor(new double[][][] {identity(positions)}, DType.FLOAT32));
        }
        this.bias = options.bias() ? registerParameter("bias", Tensors.zeros(outChannels)) : null;
    }

    static Representation copies(Representation r, int n) {
        return n == 1 ? r : Representation.directSum(Collections.nCopies(n, r));
    }

    /** The group whose elements label the |G| output channels of each field (and whose permutations {@link #tied()} uses). */
    public final FiniteGroup group() {
        return group;
    }

    public final int inChannels() {
        return layout.inChannels();
    }

    public final int outChannels() {
        return layout.outChannels();
    }

    public final int kernelSize() {
        return layout.kernelSize();
    }

    /** m: the number of kernel entries the matrices permute (k² for lifting, |G|·k² for group layers). */
    public final int positions() {
        return layout.positions();
    }

    public final WeightSharingOptions options() {
        return options;
    }

    final SharingLayout layout() {
        return layout;
    }

    /** The group's exact permutations of this layer's kernel, {@code [|G|][m][m]}. */
    public abstract double[][][] groupPermutations();

    /**
     * The equivariant layer this one becomes when its matrices are the group's permutations of the kernel
     * ({@link #groupPermutations()}): a regular group convolution ({@code Cin x trivial} or {@code Cin x regular} to
     * {@code Cout x regular} fields, exact for every element) with a copy of this layer's canonical kernel and bias.
     * Training the returned layer trains a G-CNN layer; this one is left unchanged.
     */
    public final TiedWeightSharingConv tied() {
        double[][][] p = groupPermutations();
        Tensor w = weight.value();
        return new TiedWeightSharingConv(group, FieldType.of(Domain.grid(2), copies(inputRepresentation(),
                layout.inChannels())), layout, KernelPermutations.toTensor(p, w.dtype()), w.detach(),
                bias == null ? null : bias.value().detach());
    }

    /** The representation of one input field: trivial (lifting) or regular (group layer). */
    abstract Representation inputRepresentation();

    /** The |G| doubly stochastic weight-sharing matrices {@code [|G|, m, m]} (differentiable; the first is the identity if fixed). */
    public final Tensor matrices() {
        Tensor learned = sinkhorn.apply(scores.value());
        if (!options.fixIdentity()) {
            return learned;
        }
        return Tensors.concat(0, buffer("identity").to(learned.dtype()), learned);
    }

    /**
     * The current weight-sharing matrices as float64 values {@code [|G|][m][m]}, detached: what the analysis reads
     * ({@link org.equivariant4j.gconv.weightsharing.analysis.SymmetryAnalysis}, {@code MatrixDistances},
     * {@code MatrixFigure}). Row r of matrix g says how much canonical kernel entry each column contributes to entry r
     * of kernel g; a permutation copies one entry.
     */
    public final double[][][] learnedMatrices() {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor m = matrices().to(DType.FLOAT64);
            int[] s = m.shape();
            double[] flat = m.toDoubleArray();
            double[][][] out = new double[s[0]][s[1]][s[2]];
            for (int g = 0; g < s[0]; g++) {
                for (int i = 0; i < s[1]; i++) {
                    System.arraycopy(flat, (g * s[1] + i) * s[2], out[g][i], 0, s[2]);
                }
            }
            return out;
        }
    }

    /** The raw scores {@code [|G| - 1 or |G|, m, m]} that Sinkhorn normalises. */
    public final Tensor scores() {
        return scores.value();
    }

    /** The canonical kernel. */
    public final Tensor weight() {
        return weight.value();
    }

    /** The |G| transformed kernels stacked as one convolution weight {@code [Cout·|G|, Cin·gIn, k, k]} (group index fastest). */
    public final Tensor kernel() {
        return layout.kernel(matrices(), weight.value());
    }

    /**
     * Applies the layer to {@code input [N, Cin·gIn, H, W]} (gIn = 1 lifting, |G| group layer; channel {@code ci·|G| + h}
     * for the group layer): {@code [N, Cout·|G|, H, W]}, channel {@code c·|G| + g} from kernel g.
     *
     * @throws ShapeMismatchException naming this layer if the input is not of that shape
     */
    public final Tensor forward(Tensor input) {
        return layout.convolve(this, input, kernel(), bias == null ? null : bias.value());
    }

    /**
     * Sets the learned matrices to the given permutation matrices {@code [|G|][m][m]} (scores 0 on the permutation and
     * far below elsewhere, so Sinkhorn returns them exactly, in float32 and float64).
     *
     * @throws InvalidArgumentException if the shape is wrong, a matrix is not a permutation, or the first matrix is
     *                                  fixed to the identity and {@code permutations[0]} is not the identity
     */
    public final void setPermutations(double[][][] permutations) {
        int g = group.order();
        int positions = layout.positions();
        if (permutations.length != g) {
            throw new ShapeMismatchException(this + ": expected " + g + " permutation matrices but got " + permutations.length);
        }
        for (int i = 0; i < g; i++) {
            checkPermutation(permutations[i], i);
        }
        if (options.fixIdentity() && !Arrays.deepEquals(permutations[0], identity(positions))) {
            throw new InvalidArgumentException(this + ": the first matrix is fixed to the identity, but permutation 0 is not"
                    + " the identity (list the group's identity element first)");
        }
        int from = options.fixIdentity() ? 1 : 0;
        double[][][] hard = new double[g - from][positions][positions];
        for (int i = from; i < g; i++) {
            for (int r = 0; r < positions; r++) {
                for (int c = 0; c < positions; c++) {
                    hard[i - from][r][c] = permutations[i][r][c] == 1 ? 0 : -HARD * options.temperature();
                }
            }
        }
        scores.set(KernelPermutations.toTensor(hard, scores.value().dtype()));
    }

    /** Largest entry-wise difference between the current matrices and the group's permutations of the kernel. */
    public final double distanceToGroup() {
        double[][][] current = learnedMatrices();
        double[][][] exact = groupPermutations();
        double worst = 0;
        for (int g = 0; g < exact.length; g++) {
            for (int r = 0; r < exact[g].length; r++) {
                for (int c = 0; c < exact[g][r].length; c++) {
                    worst = Math.max(worst, Math.abs(current[g][r][c] - exact[g][r][c]));
                }
            }
        }
        return worst;
    }

    /** The paper's norm penalty on this layer's scores (see {@link PermutationRegularizers#norm}). */
    public final Tensor normPenalty() {
        return PermutationRegularizers.norm(scores.value());
    }

    /** The paper's entropy penalty on this layer's doubly stochastic matrices (see {@link PermutationRegularizers#entropy}). */
    public final Tensor entropyPenalty() {
        return PermutationRegularizers.entropy(matrices());
    }

    private void checkPermutation(double[][] p, int index) {
        int positions = layout.positions();
        if (p.length != positions) {
            throw new ShapeMismatchException(this + ": permutation " + index + " must be " + positions + "x" + positions
                    + " but has " + p.length + " rows");
        }
        int[] columnCount = new int[positions];
        for (int r = 0; r < positions; r++) {
            if (p[r].length != positions) {
                throw new ShapeMismatchException(this + ": permutation " + index + " row " + r + " has " + p[r].length
                        + " entries, expected " + positions);
            }
            int ones = 0;
            for (int c = 0; c < positions; c++) {
                if (p[r][c] == 1) {
                    ones++;
                    columnCount[c]++;
                } else if (p[r][c] != 0) {
                    throw new InvalidArgumentException(this + ": matrix " + index + " is not a permutation (entry [" + r + ", "
                            + c + "] = " + p[r][c] + ")");
                }
            }
            if (ones != 1) {
                throw new InvalidArgumentException(this + ": matrix " + index + " is not a permutation (row " + r + " has "
                        + ones + " ones)");
            }
        }
        for (int c = 0; c < positions; c++) {
            if (columnCount[c] != 1) {
                throw new InvalidArgumentException(this + ": matrix " + index + " is not a permutation (column " + c + " has "
                        + columnCount[c] + " ones)");
            }
        }
    }

    static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + group.name() + " labels, " + layout.inChannels() + " -> "
                + layout.outChannels() + " fields, k=" + layout.kernelSize() + ", " + sinkhorn
                + (options.fixIdentity() ? ", identity fixed" : "") + ", learned: not equivariant)";
    }
}
