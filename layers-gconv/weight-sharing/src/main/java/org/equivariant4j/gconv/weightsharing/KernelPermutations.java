package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.regular.KernelTransform;

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
 *
 * <p>Both are the regular G-CNN's own kernel maps ({@link KernelTransform#permutationMatrices()}), so a tied
 * weight-sharing layer and a {@code LiftingConv2d}/{@code GroupConv2d} move kernels by one implementation.
 */
public final class KernelPermutations {
    private static final String NAME = "KernelPermutations";

    private KernelPermutations() {
    }

    /** The spatial permutations {@code [|G|][k²][k²]} of a k x k kernel grid. */
    public static double[][][] spatial(FiniteGroup group, int k) {
        checkOdd(k);
        return KernelTransform.of(NAME, group, 2, k, false).permutationMatrices();
    }

    /** The regular-times-spatial permutations {@code [|G|][|G|k²][|G|k²]} for group-to-group layers. */
    public static double[][][] regular(FiniteGroup group, int k) {
        checkOdd(k);
        return KernelTransform.of(NAME, group, 2, k, true).permutationMatrices();
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

    private static void checkOdd(int k) {
        if (k < 1 || k % 2 == 0) {
            throw new InvalidArgumentException("KernelPermutations: the kernel size must be odd (a centre cell for the group"
                    + " to rotate about), got " + k);
        }
    }
}
