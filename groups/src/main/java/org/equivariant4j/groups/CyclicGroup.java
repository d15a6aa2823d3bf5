package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.AbstractGroup;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;

/**
 * The cyclic group C_n of the n rotations of the plane by multiples of 2 pi / n, named {@code "Cn"}.
 * Element r^k (text {@code "C4[r1]"}) rotates R^2 by 2 pi k / n; C4's elements map the pixel grid to
 * itself exactly.
 *
 * <p>Real irreps, ids {@code "0".."⌊n/2⌋"}: {@code "0"} trivial; {@code "n/2"} (n even) the sign
 * (-1)^k; otherwise the 2x2 rotation by 2 pi j k / n (frequency j), which is irreducible over the reals
 * but of complex type ({@code <χ, χ> = 2}).
 */
public final class CyclicGroup extends AbstractGroup<CyclicGroup.Element> implements FiniteGroup {
    private static final String FORM = "C<n>[r<k>] with 0 <= k < n";

    /** Elements are listed eagerly; beyond this a "finite" group is better treated as SO(2) / O(2). */
    public static final int MAX_N = 1 << 16;

    private final int n;
    private final List<GroupElement> elements;
    private final List<Representation> irreps;

    private CyclicGroup(int n) {
        super(Element.class);
        this.n = n;
        List<GroupElement> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            list.add(new Element(this, k));
        }
        this.elements = List.copyOf(list);
        List<Representation> reps = new ArrayList<>();
        reps.add(Representation.trivial(this));
        for (int j = 1; 2 * j <= n; j++) {
            reps.add(frequency(j));
        }
        this.irreps = List.copyOf(reps);
    }

    /** C_n, n >= 1 (C1 is the trivial group). */
    public static CyclicGroup of(int n) {
        if (n < 1 || n > MAX_N) {
            throw new InvalidArgumentException("C_n is built in for 1 <= n <= " + MAX_N + " (its elements are listed"
                    + " eagerly), was " + n);
        }
        return new CyclicGroup(n);
    }

    /** The number of elements n. */
    public int n() {
        return n;
    }

    /** r^k, the rotation by 2 pi k / n (k taken mod n). */
    public Element rotation(int k) {
        return (Element) elements.get(Math.floorMod(k, n));
    }

    /** C_m &lt; C_n for m dividing n: r^k of C_m is r^(k n / m) here. */
    public Subgroup subgroup(int m) {
        if (m < 1 || n % m != 0) {
            throw new InvalidArgumentException("C" + m + " is a subgroup of C" + n + " only if " + m + " divides " + n);
        }
        CyclicGroup small = of(m);
        return Subgroup.of(small, this, "", h -> rotation(((Element) h).power() * (n / m)));
    }

    private Representation frequency(int j) {
        if (2 * j == n) {
            Matrix plus = Matrix.identity(1);
            Matrix minus = Matrix.diagonal(-1);
            return IrreducibleRepresentation.of(this, Integer.toString(j), 1, true,
                    g -> ((Element) g).power() % 2 == 0 ? plus : minus);
        }
        return IrreducibleRepresentation.of(this, Integer.toString(j), 2, true,
                g -> PlaneRotations.rotation(PlaneRotations.angle(j * ((Element) g).power(), n)));
    }

    @Override
    public String name() {
        return "C" + n;
    }

    @Override
    public Element identity() {
        return (Element) elements.get(0);
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return rotation(a.k + b.k);
    }

    @Override
    protected Element invert(Element g) {
        return rotation(-g.k);
    }

    /** Finite: exact equality; the tolerance is irrelevant. */
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
        return member(g, "indexOf").k;
    }

    @Override
    public List<GroupElement> generators() {
        return n == 1 ? List.of() : List.of(rotation(1));
    }

    @Override
    public List<Representation> irreps() {
        return irreps;
    }

    @Override
    public Representation irrep(String id) {
        try {
            int j = Integer.parseInt(id.trim());
            if (j >= 0 && 2 * j <= n) {
                return irreps.get(j);
            }
        } catch (NumberFormatException e) {
            // fall through to the listing below
        }
        throw new UnknownIdException("irrep id of " + name(), id, irrepIds());
    }

    private List<String> irrepIds() {
        List<String> ids = new ArrayList<>();
        for (int j = 0; 2 * j <= n; j++) {
            ids.add(Integer.toString(j));
        }
        return ids;
    }

    @Override
    public Element parseElement(String text) {
        String body = ElementText.body(text, name(), FORM);
        if (!body.startsWith("r")) {
            throw new TextFormatException(text, FORM);
        }
        int k = ElementText.integer(body.substring(1), text, FORM);
        if (k < 0 || k >= n) {
            throw new TextFormatException(text, FORM);
        }
        return rotation(k);
    }

    /** r^k in C_n: the rotation of the plane by 2 pi k / n. */
    public static final class Element implements EuclideanAction {
        private final CyclicGroup group;
        private final int k;

        private Element(CyclicGroup group, int k) {
            this.group = group;
            this.k = k;
        }

        @Override
        public CyclicGroup group() {
            return group;
        }

        /** k in 0..n-1. */
        public int power() {
            return k;
        }

        /** 2 pi k / n. */
        public double angle() {
            return PlaneRotations.angle(k, group.n);
        }

        @Override
        public int spaceDimension() {
            return 2;
        }

        @Override
        public Matrix linearPart() {
            return PlaneRotations.rotation(angle());
        }

        @Override
        public double[] translation() {
            return new double[2];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && k == e.k && group.equals(e.group);
        }

        @Override
        public int hashCode() {
            return Objects.hash(group.n, k);
        }

        /** {@code "C4[r1]"}. */
        @Override
        public String toString() {
            return group.name() + "[r" + k + "]";
        }
    }
}
