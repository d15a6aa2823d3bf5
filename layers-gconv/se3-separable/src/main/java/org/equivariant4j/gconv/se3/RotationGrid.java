package org.equivariant4j.gconv.se3;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.groups.SO3;

/**
 * The finite set of rotations an SE(3) feature map is sampled on: the elements of a finite rotation group
 * (T, O, I: features transform by the regular representation, and layers are exact for the elements that map
 * the voxel grid onto itself, {@link #exactElements()}: all of T and O, 12 of I's 60) or a uniform grid of any
 * size on SO(3) ({@link SO3#grid(int)}, repulsion-refined: features transform approximately, by RBF
 * interpolation on the grid). It knows the field types of its features, the geodesic distances between its rotations and
 * the RBF width set from its density (0.8 times the mean nearest-neighbour distance, as in the paper's code).
 */
public final class RotationGrid {
    private static final double WIDTH_FACTOR = 0.8;
    /** Entries of a signed permutation matrix computed in double precision are 0 or ±1 to rounding. */
    private static final double LATTICE_TOLERANCE = 1e-9;

    private final String name;
    private final List<GroupElement> elements;
    private final double[][] matrices;
    private final FiniteGroup group;
    private final Representation fieldRepresentation;

    private RotationGrid(String name, List<GroupElement> elements, FiniteGroup group) {
        this.name = name;
        this.elements = List.copyOf(elements);
        this.group = group;
        this.matrices = new double[elements.size()][];
        for (int i = 0; i < matrices.length; i++) {
            Matrix m = ((EuclideanAction) elements.get(i)).linearPart();
            if (m.rows() != 3 || m.columns() != 3) {
                throw new InvalidArgumentException("RotationGrid: " + elements.get(i) + " is not a rotation of R3");
            }
            matrices[i] = m.toRowMajor();
        }
        this.fieldRepresentation = group != null ? Representation.regular(group) : new GridInterpolation(this).representation();
    }

    /** The 24 rotations of the cube: on cubic volumes every transform is an exact permutation. */
    public static RotationGrid octahedral() {
        return of(FiniteRotationGroup.octahedral());
    }

    /** The 12 rotations of the tetrahedron (a subgroup of O, so also exact on cubic volumes). */
    public static RotationGrid tetrahedral() {
        return of(FiniteRotationGroup.tetrahedral());
    }

    /** The elements of a finite rotation group, in the group's order: features carry its regular representation. */
    public static RotationGrid of(FiniteRotationGroup group) {
        return new RotationGrid(group.name(), group.elements(), group);
    }

    /** {@code n} rotations spread uniformly over SO(3) ({@link SO3#grid(int)}); features transform approximately. */
    public static RotationGrid uniform(int n) {
        if (n < 2) {
            throw new InvalidArgumentException("RotationGrid.uniform needs at least 2 rotations, was " + n);
        }
        return new RotationGrid("SO3grid" + n, SO3.group().grid(n), null);
    }

    /** By name: {@code O}, {@code T}, {@code I}, or {@code uniform<n>} (e.g. {@code uniform12}). */
    public static RotationGrid parse(String text) {
        String t = text.trim();
        return switch (t) {
            case "O" -> octahedral();
            case "T" -> tetrahedral();
            case "I" -> of(FiniteRotationGroup.icosahedral());
            default -> {
                if (t.startsWith("uniform")) {
                    try {
                        yield uniform(Integer.parseInt(t.substring("uniform".length())));
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                throw new InvalidArgumentException("unknown rotation grid '" + text + "'; use O, T, I or uniform<n> (e.g. uniform12)");
            }
        };
    }

    public String name() {
        return name;
    }

    public int size() {
        return elements.size();
    }

    public List<GroupElement> elements() {
        return elements;
    }

    /** The finite group whose elements this grid is, if it is one (then equivariance is exact on cubic volumes). */
    public Optional<FiniteGroup> finiteGroup() {
        return Optional.ofNullable(group);
    }

    /**
     * Whether every element of the grid's symmetry acts exactly on voxel fields over it: the grid is a finite
     * group and each of its rotations maps the voxel grid onto itself ({@link #mapsVoxelGridOntoItself}), so
     * kernels turn by permutation and features by the regular representation (O, T; not I, not uniform grids).
     */
    public boolean isExact() {
        return group != null && exactElements().size() == size();
    }

    /**
     * Whether rotation i maps the voxel grid (centred on a voxel, as a cubic kernel or volume of odd or even side
     * is) onto itself: its matrix is a signed permutation. Only then is the rotated kernel a permutation of the
     * kernel's voxels; any other rotation needs interpolation.
     */
    public boolean mapsVoxelGridOntoItself(int i) {
        for (double v : matrices[i]) {
            double a = Math.abs(v);
            if (a > LATTICE_TOLERANCE && Math.abs(a - 1) > LATTICE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The elements that act exactly on this grid's voxel fields: on a group grid those that map the voxel grid
     * onto itself (all of O and T, the 12 rotations I shares with T); none on a uniform grid, whose fields
     * transform by RBF interpolation. The test kit can only turn voxel fields by these; where it runs on these
     * layers they are held to the dtype tolerance whatever the layer declares.
     */
    public List<GroupElement> exactElements() {
        List<GroupElement> out = new ArrayList<>();
        if (group != null) {
            for (int i = 0; i < size(); i++) {
                if (mapsVoxelGridOntoItself(i)) {
                    out.add(elements.get(i));
                }
            }
        }
        return out;
    }

    /**
     * What a layer on this grid can promise: nothing to declare on a group grid (exact), a stated tolerance
     * on a uniform grid; for nn's blocks on these fields, e.g. {@code SpatialPooling.declaring}.
     */
    public Optional<ApproximateEquivariance> approximation() {
        return Tolerances.of(this);
    }

    /** The group the feature fields are declared over: the finite group itself, or SO(3) for a uniform grid. */
    public Group symmetry() {
        return group != null ? group : SO3.group();
    }

    /** Rotation matrix i, row-major. */
    double[] matrix(int i) {
        return matrices[i].clone();
    }

    /** The 3×3 matrix of rotation i (the grid's order, as {@link #elements()}), acting on coordinates (axis k is coordinate k). */
    public Matrix rotation(int i) {
        return Matrix.ofRowMajor(3, 3, matrices[i]);
    }

    /** The 3×3 matrices of all rotations, in the grid's order. */
    public List<Matrix> rotations() {
        List<Matrix> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(rotation(i));
        }
        return out;
    }

    /** The representation of one field on the grid: regular, or RBF interpolation of the left translation. */
    public Representation fieldRepresentation() {
        return fieldRepresentation;
    }

    /** {@code fields} fields on the grid over a volume: {@code [N, fields * size, D, H, W]}. */
    public FieldType fieldType(int fields) {
        return FieldType.of(Domain.grid(3), Representation.directSum(Collections.nCopies(fields, fieldRepresentation)));
    }

    /** {@code channels} scalar channels over a volume (the input of a lifting layer). */
    public FieldType scalarType(int channels) {
        return FieldType.of(Domain.grid(3), Representation.directSum(Collections.nCopies(channels,
                Representation.trivial(symmetry()))));
    }

    /** {@code channels} invariant features per example (the output of global pooling). */
    public FieldType invariantType(int channels) {
        return FieldType.of(Domain.vectors(), Representation.directSum(Collections.nCopies(channels,
                Representation.trivial(symmetry()))));
    }

    /** Geodesic distance (rotation angle of a⁻¹b, radians) between two row-major rotation matrices. */
    static double distance(double[] a, double[] b) {
        double trace = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                trace += a[3 * r + c] * b[3 * r + c]; // trace(aᵀ b)
            }
        }
        return Math.acos(Math.max(-1, Math.min(1, (trace - 1) / 2)));
    }

    /** aᵀ b (= a⁻¹ b), row-major. */
    static double[] relative(double[] a, double[] b) {
        double[] out = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[3 * k + r] * b[3 * k + c];
                }
                out[3 * r + c] = s;
            }
        }
        return out;
    }

    /** Mean over the grid of the distance to the nearest other rotation. */
    public double meanNearestNeighbourDistance() {
        double sum = 0;
        for (int i = 0; i < matrices.length; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < matrices.length; j++) {
                if (i != j) {
                    best = Math.min(best, distance(matrices[i], matrices[j]));
                }
            }
            sum += best;
        }
        return sum / matrices.length;
    }

    /** The RBF width used on this grid: 0.8 times its mean nearest-neighbour distance. */
    public double rbfWidth() {
        return WIDTH_FACTOR * meanNearestNeighbourDistance();
    }

    /**
     * Normalised Gaussian RBF weights of the relative rotations: {@code [size, size, kernelGrid.size()]},
     * entry (i, j, m) the weight of kernel grid point m at g_i⁻¹ g_j. A group kernel sampled this way depends
     * on g_i⁻¹ g_j only, which is what makes the group convolution equivariant.
     */
    double[] relativeRbfWeights(RotationGrid kernelGrid) {
        int n = size();
        int m = kernelGrid.size();
        double width = kernelGrid.rbfWidth();
        double[] out = new double[n * n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] h = relative(matrices[i], matrices[j]);
                double total = 0;
                int base = (i * n + j) * m;
                for (int k = 0; k < m; k++) {
                    double d = distance(h, kernelGrid.matrices[k]) / width;
                    out[base + k] = Math.exp(-d * d);
                    total += out[base + k];
                }
                for (int k = 0; k < m; k++) {
                    out[base + k] /= total;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        String exactness = group == null ? "" : isExact() ? ", a group, exact" : ", a group, " + exactElements().size() + " exact";
        return "RotationGrid(" + name + ", " + size() + " rotations" + exactness + ")";
    }

    static List<double[]> matrices(RotationGrid grid) {
        List<double[]> out = new ArrayList<>();
        for (double[] m : grid.matrices) {
            out.add(m.clone());
        }
        return out;
    }
}
