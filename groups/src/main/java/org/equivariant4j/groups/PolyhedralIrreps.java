package org.equivariant4j.groups;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;

/**
 * The real irreps of T, O and I, each built from something that is a homomorphism by construction, so no
 * character tables are typed in:
 *
 * <ul>
 *   <li>M, the 3x3 rotation matrix itself: T's {@code T}, O's {@code T1}, I's {@code T1}.
 *   <li>|M|, the permutation of the coordinate axes under a signed permutation matrix (T and O only): its
 *       sign is O's {@code A2}; on the plane x + y + z = 0 it is the 2-dimensional {@code E} (for T, of
 *       complex type: a rotation by ±120 degrees); O's {@code T2} = A2 ⊗ T1.
 *   <li>I's {@code H}: SO(3)'s degree-2 Wigner-D restricted to I. I's {@code G}: the permutation action on
 *       the 5 cosets I/T (the 5 inscribed tetrahedra) without its invariant diagonal. I's {@code T2}:
 *       T1 composed with the outer automorphism of I ≅ A5, conjugation by a transposition of those 5
 *       cosets, which swaps the two classes of 72- and 144-degree rotations.
 * </ul>
 */
final class PolyhedralIrreps {
    /** Orthonormal basis of the plane x + y + z = 0, as the columns of a 3x2 matrix. */
    private static final Matrix SUM_ZERO_PLANE = Matrix.ofRowMajor(3, 2,
            1 / Math.sqrt(2), 1 / Math.sqrt(6),
            -1 / Math.sqrt(2), 1 / Math.sqrt(6),
            0, -2 / Math.sqrt(6));

    private PolyhedralIrreps() {
    }

    static Map<String, Representation> of(FiniteRotationGroup g) {
        Map<String, Representation> m = new LinkedHashMap<>();
        switch (g.name()) {
            case "T" -> {
                m.put("A", Representation.trivial(g));
                m.put("E", irrep(g, "E", 2, e -> onPlane(axisPermutation(e))));
                m.put("T", irrep(g, "T", 3, FiniteRotationGroup.Element::matrix));
            }
            case "O" -> {
                m.put("A1", Representation.trivial(g));
                m.put("A2", irrep(g, "A2", 1, e -> Matrix.diagonal(axisPermutation(e).determinant())));
                m.put("E", irrep(g, "E", 2, e -> onPlane(axisPermutation(e))));
                m.put("T1", irrep(g, "T1", 3, FiniteRotationGroup.Element::matrix));
                m.put("T2", irrep(g, "T2", 3, e -> e.matrix().times(axisPermutation(e).determinant())));
            }
            case "I" -> {
                m.put("A", Representation.trivial(g));
                m.put("T1", irrep(g, "T1", 3, FiniteRotationGroup.Element::matrix));
                Representation cosets = Representation.quotient(g.subgroup(FiniteRotationGroup.tetrahedral()));
                int[] automorphism = outerAutomorphism(g, cosets);
                m.put("T2", irrep(g, "T2", 3, e -> ((FiniteRotationGroup.Element) g.elements()
                        .get(automorphism[g.indexOf(e)])).matrix()));
                Representation g4 = cosets.onInvariantSubspace(complementOfDiagonal(5));
                m.put("G", irrep(g, "G", 4, g4::matrix));
                Representation h = SO3.group().irrep(2).restrict(g.embedding());
                m.put("H", irrep(g, "H", 5, h::matrix));
            }
            default -> throw new IllegalStateException("no irreps known for " + g.name());
        }
        return m;
    }

    private static Representation irrep(FiniteRotationGroup g, String id, int dimension,
            Function<FiniteRotationGroup.Element, Matrix> matrices) {
        return IrreducibleRepresentation.of(g, id, dimension, true, e -> matrices.apply((FiniteRotationGroup.Element) e));
    }

    /** |M| for a signed permutation matrix M: the permutation of the coordinate axes. */
    private static Matrix axisPermutation(FiniteRotationGroup.Element e) {
        double[] m = e.matrix().toRowMajor();
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.abs(Math.rint(m[i]));
        }
        return Matrix.ofRowMajor(3, 3, m);
    }

    private static Matrix onPlane(Matrix permutation) {
        return SUM_ZERO_PLANE.transpose().multiply(permutation).multiply(SUM_ZERO_PLANE);
    }

    /** An n x (n-1) matrix whose orthonormal columns span the complement of (1, ..., 1) (Helmert's basis). */
    static Matrix complementOfDiagonal(int n) {
        double[][] b = new double[n][n - 1];
        for (int k = 1; k < n; k++) {
            double norm = Math.sqrt(k * (k + 1.0));
            for (int i = 0; i < k; i++) {
                b[i][k - 1] = 1 / norm;
            }
            b[k][k - 1] = -k / norm;
        }
        return Matrix.of(b);
    }

    /**
     * For each element index, the index of its image under the automorphism "conjugate the permutation of
     * the 5 cosets by the transposition (0 1)". The action on cosets is faithful (I is simple), so each
     * permutation determines its element.
     */
    private static int[] outerAutomorphism(FiniteRotationGroup g, Representation cosets) {
        List<GroupElement> elements = g.elements();
        int[][] perms = new int[elements.size()][];
        Map<String, Integer> byPermutation = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            perms[i] = permutation(cosets.matrix(elements.get(i)));
            byPermutation.put(Arrays.toString(perms[i]), i);
        }
        int[] tau = {1, 0, 2, 3, 4};
        int[] out = new int[elements.size()];
        for (int i = 0; i < elements.size(); i++) {
            int[] conjugated = new int[5];
            for (int c = 0; c < 5; c++) {
                conjugated[c] = tau[perms[i][tau[c]]];
            }
            Integer j = byPermutation.get(Arrays.toString(conjugated));
            if (j == null) {
                throw new IllegalStateException("I acts on its 5 tetrahedra by an odd permutation: " + elements.get(i));
            }
            out[i] = j;
        }
        return out;
    }

    /** target[c] for a permutation matrix that sends basis vector c to basis vector target[c]. */
    private static int[] permutation(Matrix p) {
        int[] target = new int[p.columns()];
        for (int c = 0; c < target.length; c++) {
            for (int r = 0; r < p.rows(); r++) {
                if (p.get(r, c) > 0.5) {
                    target[c] = r;
                }
            }
        }
        return target;
    }
}
