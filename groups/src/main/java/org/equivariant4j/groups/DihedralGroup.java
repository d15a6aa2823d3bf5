package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The dihedral group D_n of the n rotations and n reflections of the plane that preserve a regular
 * n-gon: 2n elements, named {@code "Dn"} as in escnn ({@code "D4"} has order 8). The element
 * {@code r^k f^s} (text {@code "D4[r1]"} or {@code "D4[r1;flip]"}) acts on R^2 as R(2 pi k / n) F^s with
 * F = diag(1, -1), the reflection across the x-axis; it is O(2)'s element (2 pi k / n, s).
 *
 * <p>Real irreps (all of real type), ids as in escnn: {@code "(0,0)"} trivial, {@code "(1,0)"} the
 * determinant (-1)^s, {@code "(1,j)"} for 0 &lt; j &lt; n/2 the 2x2 matrices R(2 pi j k / n) F^s, and for even
 * n also {@code "(0,n/2)"} = (-1)^k and {@code "(1,n/2)"} = (-1)^(k+s).
 */
public final class DihedralGroup extends AbstractGroup<DihedralGroup.Element> implements FiniteGroup {
    private static final String FORM = "D<n>[r<k>] or D<n>[r<k>;flip] with 0 <= k < n";

    /** Elements are listed eagerly; beyond this a "finite" group is better treated as SO(2) / O(2). */
    public static final int MAX_N = 1 << 16;

    private final int n;
    private final List<GroupElement> elements;
    private final Map<String, Representation> irreps;

    private DihedralGroup(int n) {
        super(Element.class);
        this.n = n;
        List<GroupElement> list = new ArrayList<>(2 * n);
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < n; k++) {
                list.add(new Element(this, k, s == 1));
            }
        }
        this.elements = List.copyOf(list);
        Map<String, Representation> reps = new LinkedHashMap<>();
        reps.put("(0,0)", Representation.trivial(this));
        reps.put("(1,0)", sign("(1,0)", false, true));
        for (int j = 1; 2 * j < n; j++) {
            int freq = j;
            String id = "(1," + j + ")";
            reps.put(id, IrreducibleRepresentation.of(this, id, 2, true, g -> {
                Element e = (Element) g;
                return PlaneRotations.rotationFlip(PlaneRotations.angle(freq * e.k, n), e.flip);
            }));
        }
        if (n % 2 == 0) {
            reps.put("(0," + n / 2 + ")", sign("(0," + n / 2 + ")", true, false));
            reps.put("(1," + n / 2 + ")", sign("(1," + n / 2 + ")", true, true));
        }
        this.irreps = reps;
    }

    /** D_n with 2n elements, n >= 1 (D1 = {e, f} is the reflection group). */
    public static DihedralGroup of(int n) {
        if (n < 1 || n > MAX_N) {
            throw new InvalidArgumentException("D_n is built in for 1 <= n <= " + MAX_N + " (its elements are listed"
                    + " eagerly), was " + n);
        }
        return new DihedralGroup(n);
    }

    /** A 1-dimensional irrep (-1)^(k if useRotation) * (-1)^(s if useFlip). */
    private Representation sign(String id, boolean useRotation, boolean useFlip) {
        Matrix plus = Matrix.identity(1);
        Matrix minus = Matrix.diagonal(-1);
        return IrreducibleRepresentation.of(this, id, 1, true, g -> {
            Element e = (Element) g;
            int parity = (useRotation ? e.k : 0) + (useFlip && e.flip ? 1 : 0);
            return parity % 2 == 0 ? plus : minus;
        });
    }

    /** The rotation order n (the group has 2n elements). */
    public int n() {
        return n;
    }

    /** r^k f^s: rotate by 2 pi k / n after reflecting if {@code flip}. */
    public Element element(int k, boolean flip) {
        return (Element) elements.get(Math.floorMod(k, n) + (flip ? n : 0));
    }

    /** The rotations: C_n &lt; D_n. */
    public Subgroup rotations() {
        return Subgroup.of(CyclicGroup.of(n), this, "", h -> element(((CyclicGroup.Element) h).power(), false));
    }

    /** D_m &lt; D_n for m dividing n: r^k f^s of D_m is r^(k n / m) f^s here. */
    public Subgroup subgroup(int m) {
        if (m < 1 || n % m != 0) {
            throw new InvalidArgumentException("D" + m + " is a subgroup of D" + n + " only if " + m + " divides " + n);
        }
        return Subgroup.of(of(m), this, "", h -> {
            Element e = (Element) h;
            return element(e.k * (n / m), e.flip);
        });
    }

    /** The reflection subgroup {e, r^k f} ≅ D1, the reflection across the axis at angle pi k / n. */
    public Subgroup reflection(int k) {
        int axis = Math.floorMod(k, n);
        return Subgroup.of(of(1), this, "axis " + axis, h -> ((Element) h).flip ? element(axis, true) : identity());
    }

    @Override
    public String name() {
        return "D" + n;
    }

    @Override
    public Element identity() {
        return (Element) elements.get(0);
    }

    /** R(a) F^s R(b) F^t = R(a + (-1)^s b) F^(s+t). */
    @Override
    protected Element multiply(Element a, Element b) {
        return element(a.k + (a.flip ? -b.k : b.k), a.flip ^ b.flip);
    }

    /** Reflections are involutions; rotations invert by angle. */
    @Override
    protected Element invert(Element g) {
        return g.flip ? g : element(-g.k, false);
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
        Element e = member(g, "indexOf");
        return e.k + (e.flip ? n : 0);
    }

    @Override
    public List<GroupElement> generators() {
        return n == 1 ? List.of(element(0, true)) : List.of(element(1, false), element(0, true));
    }

    @Override
    public List<Representation> irreps() {
        return List.copyOf(irreps.values());
    }

    @Override
    public Representation irrep(String id) {
        Representation r = irreps.get(id.replace(" ", ""));
        if (r == null) {
            throw new UnknownIdException("irrep id of " + name(), id, List.copyOf(irreps.keySet()));
        }
        return r;
    }

    @Override
    public Element parseElement(String text) {
        List<String> fields = ElementText.fields(ElementText.body(text, name(), FORM));
        boolean flip = fields.size() == 2 && fields.get(1).equals("flip");
        if (fields.size() > 2 || fields.size() == 2 && !flip || !fields.get(0).startsWith("r")) {
            throw new TextFormatException(text, FORM);
        }
        int k = ElementText.integer(fields.get(0).substring(1), text, FORM);
        if (k < 0 || k >= n) {
            throw new TextFormatException(text, FORM);
        }
        return element(k, flip);
    }

    /** r^k f^s in D_n, acting on R^2 as R(2 pi k / n) F^s. */
    public static final class Element implements EuclideanAction {
        private final DihedralGroup group;
        private final int k;
        private final boolean flip;

        private Element(DihedralGroup group, int k, boolean flip) {
            this.group = group;
            this.k = k;
            this.flip = flip;
        }

        @Override
        public DihedralGroup group() {
            return group;
        }

        /** k in 0..n-1. */
        public int rotationPower() {
            return k;
        }

        /** Whether the element reflects (s = 1). */
        public boolean isFlip() {
            return flip;
        }

        @Override
        public int spaceDimension() {
            return 2;
        }

        @Override
        public Matrix linearPart() {
            return PlaneRotations.rotationFlip(PlaneRotations.angle(k, group.n), flip);
        }

        @Override
        public double[] translation() {
            return new double[2];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && k == e.k && flip == e.flip && group.equals(e.group);
        }

        @Override
        public int hashCode() {
            return Objects.hash(group.n, k, flip);
        }

        /** {@code "D4[r1]"} or {@code "D4[r1;flip]"}. */
        @Override
        public String toString() {
            return group.name() + "[r" + k + (flip ? ";flip" : "") + "]";
        }
    }
}
