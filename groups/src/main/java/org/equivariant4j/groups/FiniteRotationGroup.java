package org.equivariant4j.groups;

import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.CayleyTable;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;
import org.equivariant4j.core.group.TableElement;
import org.equivariant4j.core.group.TableGroup;

/**
 * The finite rotation groups of the Platonic solids, as groups in their own right and as subgroups of
 * SO(3): the tetrahedral group {@code "T"} (12 rotations, ≅ A4), the octahedral group {@code "O"} (24,
 * ≅ S4, the rotations of the cube [-1, 1]^3) and the icosahedral group {@code "I"} (60, ≅ A5). They share
 * one frame, so T &lt; O and T &lt; I.
 *
 * <p>Each is generated from two rotations (quaternions) and closed by breadth-first search, so the element
 * order (index i, text {@code "O[i]"}) is deterministic, the identity first; the multiplication table is
 * precomputed ({@link CayleyTable}, {@link TableGroup}). Real irreps: T: {@code A, E, T} (E of complex type); O: {@code A1, A2, E, T1, T2};
 * I: {@code A, T1, T2, G, H} (see {@code PolyhedralIrreps}).
 */
public final class FiniteRotationGroup extends TableGroup<FiniteRotationGroup.Element> {
    /** Two unit quaternions are the same rotation when |q·p| exceeds this. */
    private static final double SAME_ROTATION = 1 - 1e-9;
    private static final double PHI = (1 + Math.sqrt(5)) / 2;

    private final List<Quaternion> quaternions;
    private volatile Map<String, Representation> irreps;

    private FiniteRotationGroup(String name, CayleyTable<Quaternion> table) {
        super(Element.class, name, table, (group, i) -> new Element((FiniteRotationGroup) group, i));
        this.quaternions = table.members();
    }

    private static FiniteRotationGroup generatedBy(String name, Quaternion... generators) {
        return new FiniteRotationGroup(name, CayleyTable.close(name, Quaternion.identity(), List.of(generators),
                (q, p) -> q.multiply(p).normalized().canonical(), FiniteRotationGroup::sameRotation));
    }

    private static boolean sameRotation(Quaternion a, Quaternion b) {
        return Math.abs(a.dot(b)) > SAME_ROTATION;
    }

    /** T: the 12 rotations of the tetrahedron with vertices (1,1,1), (1,-1,-1), (-1,1,-1), (-1,-1,1). */
    public static FiniteRotationGroup tetrahedral() {
        return Holder.T;
    }

    /** O: the 24 rotations of the cube [-1, 1]^3 (signed permutation matrices with determinant 1). */
    public static FiniteRotationGroup octahedral() {
        return Holder.O;
    }

    /** I: the 60 rotations of the icosahedron with vertices the cyclic permutations of (0, ±1, ±φ). */
    public static FiniteRotationGroup icosahedral() {
        return Holder.I;
    }

    /** Immutable singletons, built on first use (the icosahedral table costs 3600 quaternion products). */
    private static final class Holder {
        static final Quaternion THIRD_TURN = Quaternion.of(0.5, 0.5, 0.5, 0.5); // 120 degrees about (1,1,1)
        static final FiniteRotationGroup T = generatedBy("T", THIRD_TURN, Quaternion.of(0, 1, 0, 0));
        static final FiniteRotationGroup O = generatedBy("O", THIRD_TURN,
                Quaternion.of(Math.sqrt(0.5), 0, 0, Math.sqrt(0.5)));
        static final FiniteRotationGroup I = generatedBy("I", THIRD_TURN,
                Quaternion.of(PHI / 2, 0.5, 0.5 / PHI, 0)); // 72 degrees
    }

    /** The unit quaternions of the elements, in element order. */
    public List<Quaternion> quaternions() {
        return quaternions;
    }

    /** The element with rotation {@code q} (either sign), or an IllegalArgumentException if q is not in the group. */
    public Element element(Quaternion q) {
        int i = indexOfRotation(q.normalized());
        if (i < 0) {
            throw new InvalidArgumentException("the rotation " + q + " is not an element of " + name());
        }
        return element(i);
    }

    private int indexOfRotation(Quaternion q) {
        for (int i = 0; i < quaternions.size(); i++) {
            if (sameRotation(quaternions.get(i), q)) {
                return i;
            }
        }
        return -1;
    }

    /** This group &lt; SO(3). */
    public Subgroup embedding() {
        return Subgroup.of(this, SO3.group(), "", h -> SO3.group().element(((Element) h).quaternion()));
    }

    /**
     * {@code smaller} &lt; this, when every rotation of {@code smaller} is one of this group's (e.g. T &lt; O, T &lt; I).
     *
     * @throws InvalidArgumentException naming a rotation that is missing
     */
    public Subgroup subgroup(FiniteRotationGroup smaller) {
        int[] map = new int[smaller.order()];
        for (int i = 0; i < map.length; i++) {
            map[i] = indexOf(element(smaller.quaternions.get(i)));
        }
        return Subgroup.of(smaller, this, "", h -> element(map[smaller.indexOf(h)]));
    }

    @Override
    public List<Representation> irreps() {
        return List.copyOf(irrepMap().values());
    }

    @Override
    public Representation irrep(String id) {
        Representation r = irrepMap().get(id.trim());
        if (r == null) {
            throw new UnknownIdException("irrep id of " + name(), id, List.copyOf(irrepMap().keySet()));
        }
        return r;
    }

    /** Built on first use: the icosahedral irreps need SO(3), T &lt; I and a quotient representation. */
    private Map<String, Representation> irrepMap() {
        Map<String, Representation> m = irreps;
        if (m == null) {
            m = PolyhedralIrreps.of(this);
            irreps = m; // deterministic and immutable: a racing second build is harmless
        }
        return m;
    }

    /** A rotation in T, O or I, identified by its index in the group's element order. */
    public static final class Element extends TableElement implements EuclideanAction {

        private Element(FiniteRotationGroup group, int index) {
            super(group, index);
        }

        @Override
        public FiniteRotationGroup group() {
            return (FiniteRotationGroup) super.group();
        }

        /** The unit quaternion of this rotation. */
        public Quaternion quaternion() {
            return group().quaternions.get(index());
        }

        /**
         * The 3x3 rotation matrix. Entries within 1e-12 of 0 or ±1 are snapped to it, so the octahedral
         * group's matrices are exact signed permutations and act exactly on the voxel grid.
         */
        public Matrix matrix() {
            double[] m = quaternion().toRotationMatrix().toRowMajor();
            for (int i = 0; i < m.length; i++) {
                double r = Math.rint(m[i]);
                if (Math.abs(r) <= 1 && Math.abs(m[i] - r) < 1e-12) {
                    m[i] = r + 0.0;
                }
            }
            return Matrix.ofRowMajor(3, 3, m);
        }

        @Override
        public int spaceDimension() {
            return 3;
        }

        @Override
        public Matrix linearPart() {
            return matrix();
        }

        @Override
        public double[] translation() {
            return new double[3];
        }
    }
}
