package org.equivariant4j.gconv.weightsharing;

import java.util.List;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The exact permutation matrices a finite group of lattice symmetries (C4, D4, C2, D1, ...) induces on a k x k kernel:
 * what learned weight-sharing matrices converge to when the data has that symmetry, and what
 * {@link WeightSharingConv#setPermutations} takes to turn a weight-sharing layer into a regular group convolution.
 *
 * <p>Positions of a k x k kernel (k odd) are numbered row-major, {@code u = i * k + j}, with spatial index d being
 * coordinate d centred on the middle cell, the same convention as the grid fields of core ({@code GeometricTensor}
 * moves samples the same way), so that a lifting layer with these matrices is exactly equivariant.
 *
 * <ul>
 *   <li>{@link #spatial}: {@code [|G|, k², k²]}, {@code P_g[u, v] = 1} iff {@code v = g⁻¹ u}: the kernel for element g
 *       is the canonical kernel moved by g, {@code (P_g K)(u) = K(g⁻¹ u)}.</li>
 *   <li>{@link #regular}: {@code [|G|, |G| k², |G| k²]}, index {@code h * k² + u} (input group channel h major),
 *       {@code P_g[(h, u), (h', v)] = ρ_reg(g)[h, h'] · S_g[u, v]}, i.e. {@code (P_g K)(h, u) = K(g⁻¹ h, g⁻¹ u)}:
 *       the group's regular representation on the input group channels times the spatial permutation.</li>
 * </ul>
 * Element g is {@code group.elements().get(g)}, so the identity (index 0 for the built-in groups) comes first.
 */
public final class KernelPermutations {

    private KernelPermutations() {
    }

    /** The spatial permutations {@code [|G|][k²][k²]} of a k x k kernel grid. */
    public static double[][][] spatial(FiniteGroup group, int k) {
        checkOdd(k);
        List<GroupElement> elements = group.elements();
        double[][][] out = new double[elements.size()][][];
        for (int g = 0; g < out.length; g++) {
            int[] source = sources(elements.get(g), k);
            double[][] p = new double[k * k][k * k];
            for (int u = 0; u < k * k; u++) {
                p[u][source[u]] = 1;
            }
            out[g] = p;
        }
        return out;
    }

    /** The regular-times-spatial permutations {@code [|G|][|G|k²][|G|k²]} for group-to-group layers. */
    public static double[][][] regular(FiniteGroup group, int k) {
        double[][][] spatial = spatial(group, k);
        Representation reg = Representation.regular(group);
        List<GroupElement> elements = group.elements();
        int n = elements.size();
        int m = k * k;
        double[][][] out = new double[n][n * m][n * m];
        for (int g = 0; g < n; g++) {
            Matrix r = reg.matrix(elements.get(g));
            for (int h = 0; h < n; h++) {
                for (int h2 = 0; h2 < n; h2++) {
                    if (r.get(h, h2) == 0) {
                        continue;
                    }
                    for (int u = 0; u < m; u++) {
                        for (int v = 0; v < m; v++) {
                            out[g][h * m + u][h2 * m + v] = r.get(h, h2) * spatial[g][u][v];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code matrices} as a tensor {@code [B, m, m]}. */
    public static Tensor toTensor(double[][][] matrices, DType dtype) {
        int b = matrices.length;
        int m = matrices[0].length;
        double[] flat = new double[b * m * m];
        for (int g = 0; g < b; g++) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(matrices[g][i], 0, flat, (g * m + i) * m, m);
            }
        }
        return Tensors.of(flat, dtype, b, m, m);
    }

    /** For each position u of the kernel, the position g⁻¹ u it takes its value from. */
    private static int[] sources(GroupElement g, int k) {
        if (!(g instanceof EuclideanAction action) || action.spaceDimension() != 2) {
            throw new UnsupportedFeatureException("KernelPermutations: " + g + " does not act on the plane; a kernel grid is"
                    + " permuted only by planar lattice symmetries (elements of C_n or D_n with n in {1, 2, 4})");
        }
        EuclideanAction inverse = (EuclideanAction) action.inverse();
        double c = (k - 1) / 2.0;
        int[] out = new int[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] from = inverse.apply(new double[] {i - c, j - c});
                long fi = Math.round(from[0] + c);
                long fj = Math.round(from[1] + c);
                if (Math.abs(from[0] + c - fi) > 1e-9 || Math.abs(from[1] + c - fj) > 1e-9 || fi < 0 || fj < 0 || fi >= k
                        || fj >= k) {
                    throw new UnsupportedFeatureException("KernelPermutations: " + g + " does not map the " + k + "x" + k
                            + " kernel grid onto itself; only rotations by multiples of 90 degrees and flips do");
                }
                out[i * k + j] = (int) (fi * k + fj);
            }
        }
        return out;
    }

    private static void checkOdd(int k) {
        if (k < 1 || k % 2 == 0) {
            throw new IllegalArgumentException("KernelPermutations: the kernel size must be odd (a centre cell for the group"
                    + " to rotate about), got " + k);
        }
    }
}
