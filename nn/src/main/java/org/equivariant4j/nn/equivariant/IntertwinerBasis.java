package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;

/**
 * An orthonormal basis of the space of equivariant linear maps (intertwiners) between two
 * representations of a finite group: the matrices W with {@code ρ_out(g) W = W ρ_in(g)} for every g.
 * {@link EquivariantLinear} spans its weights with these matrices.
 *
 * <p><b>How it is solved.</b> As the range of the group-averaging projector
 * {@code P(E) = (1/|G|) Σ_g ρ_out(g) E ρ_in(g⁻¹)}, which maps every matrix to an intertwiner and fixes
 * intertwiners. The images of the unit matrices E_ij, in row-major order of (i, j), span that range;
 * modified Gram-Schmidt (twice, for orthogonality to rounding) keeps those that are new. Why the
 * projector rather than the null space of the commutation constraints over the generators: it needs no
 * eigen- or singular-value solver (plain Java, float64, a few lines), its result does not depend on the
 * choice of generators, and for permutation representations (regular, quotient) it yields the
 * normalised orbit indicators, the familiar group-convolution weights. It costs
 * {@code |G| (d_out d_in)²} flops, once per pair (a regular representation of the 24-element octahedral
 * group onto itself: ~8·10⁶). The result is checked against every generator before it is returned, so a
 * representation that is not a homomorphism fails here, naming it, instead of yielding a non-equivariant
 * layer.
 *
 * <p><b>Determinism.</b> The same pair always gives the same basis, bit for bit: the candidates come in a
 * fixed order, and each basis matrix is signed so that its first entry larger than 1e-9 in magnitude is
 * positive. Matrices are orthonormal in the Frobenius inner product.
 *
 * <p><b>Cache.</b> Bases are cached per (output, input) representation pair for the life of the JVM.
 * The key is the pair of representations themselves, compared by value (group and name for the built-in
 * kinds, plus the matrix of a change of basis), not by name alone: two change-of-basis representations
 * share a name but not their intertwiners.
 */
public final class IntertwinerBasis {
    private static final Map<Key, IntertwinerBasis> CACHE = new ConcurrentHashMap<>();
    /** A candidate whose residual after orthogonalisation is below this (relative) norm is dependent. */
    private static final double RANK_TOLERANCE = 1e-8;
    private static final double CHECK_TOLERANCE = 1e-9;
    private static final double SIGN_THRESHOLD = 1e-9;

    private record Key(Representation out, Representation in) {
    }

    private final Representation out;
    private final Representation in;
    /** Row-major [dimension][out.dimension()][in.dimension()]. */
    private final double[] basis;
    private final int dimension;

    private IntertwinerBasis(Representation out, Representation in, double[] basis, int dimension) {
        this.out = out;
        this.in = in;
        this.basis = basis;
        this.dimension = dimension;
    }

    /**
     * The basis of equivariant maps from {@code in} to {@code out}, solved on first use and cached.
     *
     * @throws UnsupportedFeatureException if the group is not finite (naming it, and suggesting a finite subgroup)
     * @throws GroupMismatchException if the two representations are of different groups
     */
    public static IntertwinerBasis of(Representation out, Representation in) {
        if (!out.group().equals(in.group())) {
            throw new GroupMismatchException("IntertwinerBasis from " + in + " to " + out, in.group().name(),
                    out.group().name());
        }
        requireFinite(out.group(), "IntertwinerBasis");
        return CACHE.computeIfAbsent(new Key(out, in), k -> solve(k.out(), k.in()));
    }

    /** The group as a finite group, or a refusal naming it, the caller and the finite subgroups to use. */
    static FiniteGroup requireFinite(Group group, String caller) {
        if (group instanceof FiniteGroup finite) {
            return finite;
        }
        throw new UnsupportedFeatureException(caller + ": " + group.name() + " is not a finite group, and the"
                + " equivariant linear maps are solved by averaging over a finite group's elements. Restrict the field"
                + " type to a finite subgroup: C_n or D_n for SO(2) or O(2), the tetrahedral, octahedral or icosahedral"
                + " group (T, O, I) for SO(3)");
    }

    private static IntertwinerBasis solve(Representation out, Representation in) {
        FiniteGroup group = (FiniteGroup) out.group();
        int m = out.dimension();
        int n = in.dimension();
        int size = m * n;
        List<GroupElement> elements = group.elements();
        double[][] outMatrices = new double[elements.size()][];
        double[][] inInverseMatrices = new double[elements.size()][];
        for (int g = 0; g < elements.size(); g++) {
            outMatrices[g] = out.matrix(elements.get(g)).toRowMajor();
            // ρ_in(g⁻¹) rather than ρ_in(g)ᵀ: the projector is then right for non-orthogonal representations too.
            inInverseMatrices[g] = in.matrix(group.inverse(elements.get(g))).toRowMajor();
        }
        List<double[]> accepted = new ArrayList<>();
        double[] candidate = new double[size];
        for (int i = 0; i < m && accepted.size() < size; i++) {
            for (int j = 0; j < n && accepted.size() < size; j++) {
                project(outMatrices, inInverseMatrices, m, n, i, j, candidate);
                double scale = Math.max(1.0, norm(candidate));
                double[] v = candidate.clone();
                orthogonalise(v, accepted);
                orthogonalise(v, accepted);
                double residual = norm(v);
                if (residual > RANK_TOLERANCE * scale) {
                    scaleInPlace(v, 1.0 / residual);
                    accepted.add(v);
                }
            }
        }
        double[] flat = new double[accepted.size() * size];
        for (int k = 0; k < accepted.size(); k++) {
            double[] v = accepted.get(k);
            fixSign(v);
            System.arraycopy(v, 0, flat, k * size, size);
        }
        IntertwinerBasis result = new IntertwinerBasis(out, in, flat, accepted.size());
        result.verify(group);
        return result;
    }

    /** {@code target = P(E_ij) = (1/|G|) Σ_g ρ_out(g)[:, i] ⊗ ρ_in(g⁻¹)[j, :]}. */
    private static void project(double[][] outMatrices, double[][] inInverse, int m, int n, int i, int j,
            double[] target) {
        java.util.Arrays.fill(target, 0.0);
        for (int g = 0; g < outMatrices.length; g++) {
            double[] a = outMatrices[g];
            double[] b = inInverse[g];
            for (int r = 0; r < m; r++) {
                double left = a[r * m + i];
                if (left == 0.0) {
                    continue; // permutation and block matrices are mostly zeros
                }
                int row = r * n;
                int from = j * n;
                for (int c = 0; c < n; c++) {
                    target[row + c] += left * b[from + c];
                }
            }
        }
        scaleInPlace(target, 1.0 / outMatrices.length);
    }

    private static void orthogonalise(double[] v, List<double[]> basis) {
        for (double[] u : basis) {
            double dot = 0;
            for (int k = 0; k < v.length; k++) {
                dot += u[k] * v[k];
            }
            for (int k = 0; k < v.length; k++) {
                v[k] -= dot * u[k];
            }
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static void scaleInPlace(double[] v, double factor) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= factor;
        }
    }

    private static void fixSign(double[] v) {
        for (double x : v) {
            if (Math.abs(x) > SIGN_THRESHOLD) {
                if (x < 0) {
                    scaleInPlace(v, -1.0);
                }
                return;
            }
        }
    }

    /** Every basis matrix commutes with every generator, or the representations are not what they claim. */
    private void verify(FiniteGroup group) {
        for (GroupElement g : group.generators()) {
            Matrix a = out.matrix(g);
            Matrix b = in.matrix(g);
            for (int k = 0; k < dimension; k++) {
                Matrix w = matrix(k);
                double error = a.multiply(w).maxAbsDifference(w.multiply(b));
                if (!(error <= CHECK_TOLERANCE * Math.max(1.0, a.maxAbs() * b.maxAbs()))) {
                    throw new IllegalStateException("IntertwinerBasis from " + in + " to " + out + ": averaged map " + k
                            + " does not commute with generator " + g + " (error " + error + "); is each representation"
                            + " a homomorphism (ρ(gh) = ρ(g) ρ(h))? Check it with RepresentationContractTest");
                }
            }
        }
    }

    /** The output representation. */
    public Representation out() {
        return out;
    }

    /** The input representation. */
    public Representation in() {
        return in;
    }

    /** The number of basis matrices: the dimension of the space of equivariant maps (possibly 0). */
    public int dimension() {
        return dimension;
    }

    /** Basis matrix {@code k}, {@code out.dimension() x in.dimension()}. */
    public Matrix matrix(int k) {
        if (k < 0 || k >= dimension) {
            throw new IndexOutOfBoundsException("basis matrix " + k + " of " + this);
        }
        int size = out.dimension() * in.dimension();
        double[] entries = new double[size];
        System.arraycopy(basis, k * size, entries, 0, size);
        return Matrix.ofRowMajor(out.dimension(), in.dimension(), entries);
    }

    /** A copy of all basis matrices, row-major {@code [dimension, out.dimension(), in.dimension()]}. */
    public double[] toRowMajor() {
        return basis.clone();
    }

    /** {@code "IntertwinerBasis(regular of C4 -> irrep(1) of C4: 2 maps)"}. */
    @Override
    public String toString() {
        return "IntertwinerBasis(" + in + " -> " + out + ": " + dimension + (dimension == 1 ? " map)" : " maps)");
    }
}
