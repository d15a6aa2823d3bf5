package org.equivariant4j.gconv.regular;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The one linear map that turns a group convolution's parameter into the stacked kernel of an ordinary
 * convolution, built once per layer.
 *
 * <p>For output group element h (index {@code a}) and input group element h' (index {@code b}) the stacked
 * kernel is {@code K[o·|H| + a, i·|H_in| + b](y) = W[o, i, idx(h⁻¹h')](h⁻¹ y)}: the parameter's group axis
 * is rolled by h⁻¹ and its spatial kernel sampled at {@code h⁻¹ y}, y being the kernel offset centred on the
 * kernel's middle (spatial axis k is coordinate k, as in {@code GeometricTensor}'s grid action). A lifting
 * convolution has no input group axis ({@code |H_in| = 1}). When every {@code h⁻¹ y} is a kernel sample
 * (rotations by multiples of 90 degrees, flips, the cube's symmetries on a cubic kernel) the map is an index
 * permutation, applied by one {@code indexSelect}; otherwise the spatial sample is interpolated
 * (bilinear in 2D, trilinear in 3D; samples outside the kernel read zero) and the map is one dense matrix,
 * applied by one {@code matmul}. Either way: one op, a reshape and a permute, whatever |H| is.
 */
public final class KernelTransform {
    private final String layer;
    private final String groupName;
    private final int order;
    private final int inOrder;
    private final int kernelSize;
    private final int dimension;
    private final long[] permutation;
    private final double[] matrix;
    private final Tensor permutationTensor;
    private final Map<DType, Tensor> matrixTensors = new EnumMap<>(DType.class);

    private KernelTransform(String layer, String groupName, int order, int inOrder, int kernelSize, int dimension,
            long[] permutation, double[] matrix) {
        this.layer = layer;
        this.groupName = groupName;
        this.order = order;
        this.inOrder = inOrder;
        this.kernelSize = kernelSize;
        this.dimension = dimension;
        this.permutation = permutation;
        this.matrix = matrix;
        this.permutationTensor = permutation == null ? null : Tensors.of(permutation, permutation.length);
    }

    /**
     * The map for a convolution from a field with a regular group axis ({@code regularInput}) or without one
     * (lifting) to a field with a regular axis, on a {@code dimension}-D grid with a cubic kernel of odd
     * {@code kernelSize}. Every element of {@code group} must act on R^dimension.
     */
    public static KernelTransform of(String layer, FiniteGroup group, int dimension, int kernelSize, boolean regularInput) {
        List<GroupElement> elements = group.elements();
        int n = elements.size();
        int inOrder = regularInput ? n : 1;
        int samples = pow(kernelSize, dimension);
        int[][] groupIndex = new int[n][inOrder];
        double[][][] spatial = new double[n][][];
        boolean exact = true;
        for (int a = 0; a < n; a++) {
            GroupElement hInv = elements.get(a).inverse();
            for (int b = 0; b < inOrder; b++) {
                groupIndex[a][b] = regularInput ? group.indexOf(hInv.compose(elements.get(b))) : 0;
            }
            spatial[a] = sampling(layer, euclidean(layer, hInv, dimension).linearPart(), dimension, kernelSize);
            exact &= isPermutation(spatial[a]);
        }
        int columns = inOrder * samples;
        int rows = n * inOrder * samples;
        if (exact) {
            long[] perm = new long[rows];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < inOrder; b++) {
                    for (int y = 0; y < samples; y++) {
                        int p = argmax(spatial[a][y]);
                        perm[(a * inOrder + b) * samples + y] = (long) groupIndex[a][b] * samples + p;
                    }
                }
            }
            return new KernelTransform(layer, group.name(), n, inOrder, kernelSize, dimension, perm, null);
        }
        // Stored transposed, [columns, rows], so the parameter [O·C, columns] multiplies it directly.
        double[] m = new double[columns * rows];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < inOrder; b++) {
                for (int y = 0; y < samples; y++) {
                    int row = (a * inOrder + b) * samples + y;
                    for (int p = 0; p < samples; p++) {
                        double w = spatial[a][y][p];
                        if (w != 0) {
                            m[(groupIndex[a][b] * samples + p) * rows + row] = w;
                        }
                    }
                }
            }
        }
        return new KernelTransform(layer, group.name(), n, inOrder, kernelSize, dimension, null, m);
    }

    /** Whether the map is an exact index permutation (no interpolation). */
    public boolean isExact() {
        return permutation != null;
    }

    /**
     * The map as one permutation matrix per group element, {@code [|H|][|H_in|·k^d][|H_in|·k^d]}: entry
     * {@code [a][(b, y)][(b', p)] = 1} iff the stacked kernel's block for output element a and input channel b reads
     * the parameter's sample {@code (b', p)} at offset y, i.e. {@code b' = idx(h_a⁻¹ h_b)} and {@code p = h_a⁻¹ y}
     * (positions {@code b·k^d + y}, samples row-major). For a lifting map this is the permutation representation of
     * the group on the kernel grid; with a regular input, the regular representation times it.
     *
     * @throws UnsupportedFeatureException if the map interpolates (some element does not map the grid onto itself)
     */
    public double[][][] permutationMatrices() {
        if (!isExact()) {
            throw new UnsupportedFeatureException(layer + ": an element of " + groupName + " does not map the "
                    + kernelSize + (dimension == 2 ? "x" + kernelSize : "^" + dimension) + " kernel grid onto itself;"
                    + " only rotations by multiples of 90 degrees and flips (and the cube's symmetries in 3D) do");
        }
        int m = inOrder * pow(kernelSize, dimension);
        double[][][] out = new double[order][m][m];
        for (int a = 0; a < order; a++) {
            for (int row = 0; row < m; row++) {
                out[a][row][(int) permutation[a * m + row]] = 1;
            }
        }
        return out;
    }

    /** |H|, the output group axis. */
    public int order() {
        return order;
    }

    /** The input group axis: |H| for a group convolution, 1 for a lifting convolution. */
    public int inputOrder() {
        return inOrder;
    }

    /**
     * The stacked kernel {@code [O·|H|, C·|H_in|, k...]} of the parameter {@code weight}, of shape
     * {@code [O, C, |H_in|, k...]} for a group convolution and {@code [O, C, k...]} for a lifting one.
     */
    public Tensor apply(Tensor weight) {
        int[] s = weight.shape();
        int out = s[0];
        int in = s[1];
        int samples = pow(kernelSize, dimension);
        Tensor flat = weight.reshape(out * in, inOrder * samples);
        Tensor mapped = isExact() ? flat.indexSelect(1, permutationTensor) : flat.matmul(matrixTensor(weight.dtype()));
        int[] split = new int[4 + dimension];
        split[0] = out;
        split[1] = in;
        split[2] = order;
        split[3] = inOrder;
        int[] order6 = new int[4 + dimension];
        order6[0] = 0;
        order6[1] = 2;
        order6[2] = 1;
        order6[3] = 3;
        int[] stacked = new int[2 + dimension];
        stacked[0] = out * order;
        stacked[1] = in * inOrder;
        for (int k = 0; k < dimension; k++) {
            split[4 + k] = kernelSize;
            order6[4 + k] = 4 + k;
            stacked[2 + k] = kernelSize;
        }
        return mapped.reshape(split).permute(order6).reshape(stacked);
    }

    private Tensor matrixTensor(DType dtype) {
        synchronized (matrixTensors) {
            return matrixTensors.computeIfAbsent(dtype,
                    d -> Tensors.of(matrix, d, inOrder * pow(kernelSize, dimension), order * inOrder * pow(kernelSize, dimension)));
        }
    }

    /**
     * Row y: the weights of the kernel samples p read at {@code A y} (A the inverse element's matrix),
     * multilinear interpolation over the 2^d surrounding samples, those outside the kernel dropped.
     */
    private static double[][] sampling(String layer, Matrix a, int d, int k) {
        int samples = pow(k, d);
        double[][] w = new double[samples][samples];
        double centre = (k - 1) / 2.0;
        int[] idx = new int[d];
        double[] point = new double[d];
        for (int y = 0; y < samples; y++) {
            int rest = y;
            for (int c = d - 1; c >= 0; c--) {
                idx[c] = rest % k;
                rest /= k;
            }
            for (int c = 0; c < d; c++) {
                point[c] = idx[c] - centre;
            }
            double[] src = a.multiply(point);
            for (int corner = 0; corner < (1 << d); corner++) {
                double weight = 1;
                int flat = 0;
                for (int c = 0; c < d && weight != 0; c++) {
                    double u = src[c] + centre;
                    double r = Math.rint(u);
                    // Snap near-integers so an exact rotation gives exact weights, not 1 - 1e-16.
                    if (Math.abs(u - r) < 1e-9) {
                        u = r;
                    }
                    int lo = (int) Math.floor(u);
                    double frac = u - lo;
                    int i = ((corner >> c) & 1) == 0 ? lo : lo + 1;
                    double f = ((corner >> c) & 1) == 0 ? 1 - frac : frac;
                    if (i < 0 || i >= k) {
                        weight = 0;
                    } else {
                        weight *= f;
                        flat = flat * k + i;
                    }
                }
                if (weight != 0) {
                    w[y][flat] += weight;
                }
            }
        }
        return w;
    }

    private static boolean isPermutation(double[][] w) {
        boolean[] used = new boolean[w.length];
        for (double[] row : w) {
            int nonzero = 0;
            int at = -1;
            for (int p = 0; p < row.length; p++) {
                if (row[p] != 0) {
                    nonzero++;
                    at = p;
                }
            }
            if (nonzero != 1 || row[at] != 1 || used[at]) {
                return false;
            }
            used[at] = true;
        }
        return true;
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int p = 1; p < row.length; p++) {
            if (row[p] > row[best]) {
                best = p;
            }
        }
        return best;
    }

    private static EuclideanAction euclidean(String layer, GroupElement g, int dimension) {
        if (!(g instanceof EuclideanAction a) || a.spaceDimension() != dimension) {
            throw new UnsupportedFeatureException(layer + ": the element " + g + " of " + g.group().name()
                    + " does not act on R" + dimension + "; use a group of rotations/reflections of R" + dimension
                    + (dimension == 2 ? " (C_n, D_n)" : " (the octahedral group O, its subgroups, O_h)"));
        }
        return a;
    }

    static int pow(int base, int exponent) {
        int r = 1;
        for (int i = 0; i < exponent; i++) {
            r *= base;
        }
        return r;
    }
}
