package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.AbstractGroup;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;

/**
 * The finite rotation groups of the Platonic solids, as groups in their own right and as subgroups of
 * SO(3): the tetrahedral group {@code "T"} (12 rotations, ≅ A4), the octahedral group {@code "O"} (24,
 * ≅ S4, the rotations of the cube [-1, 1]^3) and the icosahedral group {@code "I"} (60, ≅ A5). They share
 * one frame, so T &lt; O and T &lt; I.
 *
 * <p>Each is generated from two rotations (quaternions) and closed by breadth-first search, so the element
 * order (index i, text {@code "O[i]"}) is deterministic, the identity first; the multiplication table is
 * precomputed. Real irreps: T: {@code A, E, T} (E of complex type); O: {@code A1, A2, E, T1, T2};
 * I: {@code A, T1, T2, G, H} (see {@code PolyhedralIrreps}).
 */
public final class FiniteRotationGroup extends AbstractGroup<FiniteRotationGroup.Element> implements FiniteGroup {
    /** Two unit quaternions are the same rotation when |q·p| exceeds this. */
    private static final double SAME_ROTATION = 1 - 1e-9;
    private static final double PHI = (1 + Math.sqrt(5)) / 2;

    private final String name;
    private final List<Quaternion> quaternions;
    private final List<GroupElement> elements;
    private final List<GroupElement> generators;
    private final int[][] table;
    private final int[] inverse;
    private volatile Map<String, Representation> irreps;

    private FiniteRotationGroup(String name, Quaternion... generatorQuaternions) {
        super(Element.class);
        this.name = name;
        List<Quaternion> qs = new ArrayList<>();
        qs.add(Quaternion.identity());
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            Quaternion q = qs.get(queue.poll());
            for (Quaternion s : generatorQuaternions) {
                Quaternion p = q.multiply(s).normalized().canonical();
                if (find(qs, p) < 0) {
                    qs.add(p);
                    queue.add(qs.size() - 1);
                }
            }
        }
        this.quaternions = List.copyOf(qs);
        int n = qs.size();
        List<GroupElement> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Element(this, i));
        }
        this.elements = List.copyOf(list);
        this.table = new int[n][n];
        this.inverse = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                table[i][j] = find(qs, qs.get(i).multiply(qs.get(j)));
                if (table[i][j] == 0) {
                    inverse[i] = j;
                }
            }
        }
        List<GroupElement> gens = new ArrayList<>();
        for (Quaternion s : generatorQuaternions) {
            gens.add(elements.get(find(qs, s)));
        }
        this.generators = List.copyOf(gens);
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
        static final FiniteRotationGroup T = new FiniteRotationGroup("T", THIRD_TURN, Quaternion.of(0, 1, 0, 0));
        static final FiniteRotationGroup O = new FiniteRotationGroup("O", THIRD_TURN,
                Quaternion.of(Math.sqrt(0.5), 0, 0, Math.sqrt(0.5)));
        static final FiniteRotationGroup I = new FiniteRotationGroup("I", THIRD_TURN,
                Quaternion.of(PHI / 2, 0.5, 0.5 / PHI, 0)); // 72 degrees
    }

    private static int find(List<Quaternion> qs, Quaternion q) {
        for (int i = 0; i < qs.size(); i++) {
            if (Math.abs(qs.get(i).dot(q)) > SAME_ROTATION) {
                return i;
            }
        }
        return -1;
    }

    /** The unit quaternions of the elements, in element order. */
    public List<Quaternion> quaternions() {
        return quaternions;
    }

    /** The element with rotation {@code q} (either sign), or an IllegalArgumentException if q is not in the group. */
    public Element element(Quaternion q) {
        int i = find(quaternions, q.normalized());
        if (i < 0) {
            throw new IllegalArgumentException("the rotation " + q + " is not an element of " + name);
        }
        return (Element) elements.get(i);
    }

    /** This group &lt; SO(3). */
    public Subgroup embedding() {
        return Subgroup.of(this, SO3.group(), "", h -> SO3.group().element(((Element) h).quaternion()));
    }

    /**
     * {@code smaller} &lt; this, when every rotation of {@code smaller} is one of this group's (e.g. T &lt; O, T &lt; I).
     *
     * @throws IllegalArgumentException naming a rotation that is missing
     */
    public Subgroup subgroup(FiniteRotationGroup smaller) {
        int[] map = new int[smaller.order()];
        for (int i = 0; i < map.length; i++) {
            map[i] = indexOf(element(smaller.quaternions.get(i)));
        }
        return Subgroup.of(smaller, this, "", h -> elements.get(map[smaller.indexOf(h)]));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Element identity() {
        return (Element) elements.get(0);
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return (Element) elements.get(table[a.index][b.index]);
    }

    @Override
    protected Element invert(Element g) {
        return (Element) elements.get(inverse[g.index]);
    }

    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        return a.equals(b);
    }

    @Override
    public List<GroupElement> elements() {
        return elements;
    }

    @Override
    public int indexOf(GroupElement g) {
        return member(g, "indexOf").index;
    }

    @Override
    public List<GroupElement> generators() {
        return generators;
    }

    @Override
    public List<Representation> irreps() {
        return List.copyOf(irrepMap().values());
    }

    @Override
    public Representation irrep(String id) {
        Representation r = irrepMap().get(id.trim());
        if (r == null) {
            throw new UnknownIdException("irrep id of " + name, id, List.copyOf(irrepMap().keySet()));
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

    @Override
    public Element parseElement(String text) {
        String form = name + "[<i>] with 0 <= i < " + order();
        int i = ElementText.integer(ElementText.body(text, name, form), text, form);
        if (i < 0 || i >= order()) {
            throw new TextFormatException(text, form);
        }
        return (Element) elements.get(i);
    }

    /** A rotation in T, O or I, identified by its index in the group's element order. */
    public static final class Element implements EuclideanAction {
        private final FiniteRotationGroup group;
        private final int index;

        private Element(FiniteRotationGroup group, int index) {
            this.group = group;
            this.index = index;
        }

        @Override
        public FiniteRotationGroup group() {
            return group;
        }

        /** The unit quaternion of this rotation. */
        public Quaternion quaternion() {
            return group.quaternions.get(index);
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

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && index == e.index && group.equals(e.group);
        }

        @Override
        public int hashCode() {
            return Objects.hash(group.name, index);
        }

        /** {@code "O[5]"}: the index in the group's deterministic element order. */
        @Override
        public String toString() {
            return group.name + "[" + index + "]";
        }
    }
}
