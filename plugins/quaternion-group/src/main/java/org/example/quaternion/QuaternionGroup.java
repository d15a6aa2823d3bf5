package org.example.quaternion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.AbstractGroup;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;

/**
 * The quaternion group Q8 = {±1, ±i, ±j, ±k} under quaternion multiplication (i² = j² = k² = ijk = −1),
 * named {@code "Q8"}. Elements print as {@code Q8[1]}, {@code Q8[-1]}, {@code Q8[i]}, {@code Q8[-j]}...;
 * i and j generate the group.
 *
 * <p>Its real irreps, by id:
 * <ul>
 * <li>{@code "trivial"} and the three sign characters {@code "i"}, {@code "j"}, {@code "k"}: Q8 / {±1} is
 * the Klein four-group, and the sign character {@code "i"} is +1 on ±1, ±i and −1 on ±j, ±k (likewise for
 * j and k). All four are of real type, {@code <χ, χ> = 1}.</li>
 * <li>{@code "H"}: the 4-dimensional representation of q by left multiplication x ↦ q x on H ≅ R^4 (basis
 * 1, i, j, k). It is irreducible over R but of quaternionic type: its character is 4 at 1, −4 at −1 and 0
 * elsewhere, so {@code <χ, χ> = (16 + 16) / 8 = 4}, and it counts 4² / 4 = 4 towards
 * {@code Σ dim² / <χ, χ> = 8}. (Over C it splits into two copies of the 2-dimensional spin irrep.)</li>
 * </ul>
 * Every matrix is orthogonal: ±1, or left multiplication by a unit quaternion.
 */
public final class QuaternionGroup extends AbstractGroup<QuaternionGroup.Element> implements FiniteGroup {

    private static final String NAME = "Q8";
    private static final String FORM = "Q8[<u>] or Q8[-<u>] with <u> one of 1, i, j, k";
    private static final List<String> UNITS = List.of("1", "i", "j", "k");

    /** The group: a value, so one instance is enough. (Declared after the constants it uses.) */
    public static final QuaternionGroup Q8 = new QuaternionGroup();

    /** Index = unit + 4 * (negative ? 1 : 0): 1, i, j, k, -1, -i, -j, -k (the regular representation's basis order). */
    private final List<GroupElement> elements;
    /** By id, in the order of {@link #irreps()}: trivial, i, j, k, H. */
    private final Map<String, Representation> irreps;
    private final List<Representation> irrepList;

    private QuaternionGroup() {
        super(Element.class);
        List<GroupElement> list = new ArrayList<>(8);
        for (int sign = 0; sign < 2; sign++) {
            for (int unit = 0; unit < 4; unit++) {
                list.add(new Element(unit, sign == 1));
            }
        }
        this.elements = List.copyOf(list);
        Map<String, Representation> reps = new LinkedHashMap<>();
        reps.put("trivial", Representation.trivial(this)); // the trivial irrep is core's own, as for the built-ins
        reps.put("i", signCharacter("i", 1));
        reps.put("j", signCharacter("j", 2));
        reps.put("k", signCharacter("k", 3));
        reps.put("H", IrreducibleRepresentation.of(this, "H", 4, true, g -> leftMultiplication((Element) g)));
        this.irreps = Collections.unmodifiableMap(reps);
        this.irrepList = List.copyOf(reps.values());
    }

    /** +1 on ±1 and ±(the unit {@code kernelUnit}), −1 on the other four elements. */
    private Representation signCharacter(String id, int kernelUnit) {
        Matrix plus = Matrix.identity(1);
        Matrix minus = Matrix.diagonal(-1);
        return IrreducibleRepresentation.of(this, id, 1, true, g -> {
            int unit = ((Element) g).unit;
            return unit == 0 || unit == kernelUnit ? plus : minus;
        });
    }

    /** The matrix of x ↦ q x on R^4 = span(1, i, j, k); its columns are q·1, q·i, q·j, q·k. */
    private static Matrix leftMultiplication(Element q) {
        double[] m = new double[16];
        for (int column = 0; column < 4; column++) {
            int[] product = hamilton(q.coordinates(), new Element(column, false).coordinates());
            for (int row = 0; row < 4; row++) {
                m[row * 4 + column] = product[row];
            }
        }
        return Matrix.ofRowMajor(4, 4, m);
    }

    /**
     * The Hamilton product in coordinates (w, x, y, z) = w + x i + y j + z k. Both the group law and the irrep
     * "H" are computed from it rather than from a hand-written 8 x 8 table, so they come from one formula.
     */
    private static int[] hamilton(int[] a, int[] b) {
        return new int[] {
            a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
            a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
            a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
            a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    /** The element ±u for the unit u in {"1", "i", "j", "k"}. */
    public Element element(String unit, boolean negative) {
        int u = UNITS.indexOf(unit);
        if (u < 0) {
            throw new UnknownIdException("quaternion unit", unit, UNITS);
        }
        return (Element) elements.get(u + (negative ? 4 : 0));
    }

    /** i. */
    public Element i() {
        return element("i", false);
    }

    /** j. */
    public Element j() {
        return element("j", false);
    }

    /** k. */
    public Element k() {
        return element("k", false);
    }

    /** −1, the central element every irrep of real type sends to +1 and "H" sends to −I. */
    public Element minusOne() {
        return element("1", true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Element identity() {
        return (Element) elements.get(0);
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return fromCoordinates(hamilton(a.coordinates(), b.coordinates()));
    }

    /** A unit quaternion's inverse is its conjugate: ±1 are their own inverses, ±i invert to ∓i. */
    @Override
    protected Element invert(Element g) {
        return g.unit == 0 ? g : (Element) elements.get(g.unit + (g.negative ? 0 : 4));
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
        Element e = member(g, "indexOf");
        return e.unit + (e.negative ? 4 : 0);
    }

    @Override
    public List<GroupElement> generators() {
        return List.of(i(), j());
    }

    @Override
    public List<Representation> irreps() {
        return irrepList;
    }

    @Override
    public Representation irrep(String id) {
        Representation r = irreps.get(id);
        if (r == null) {
            throw new UnknownIdException("irrep id of " + NAME, id, List.copyOf(irreps.keySet()));
        }
        return r;
    }

    @Override
    public Element parseElement(String text) {
        String prefix = NAME + "[";
        if (text == null || !text.startsWith(prefix) || !text.endsWith("]")) {
            throw new TextFormatException(String.valueOf(text), FORM);
        }
        String body = text.substring(prefix.length(), text.length() - 1);
        boolean negative = body.startsWith("-");
        String unit = negative ? body.substring(1) : body;
        if (!UNITS.contains(unit)) {
            throw new TextFormatException(text, FORM);
        }
        return element(unit, negative);
    }

    private Element fromCoordinates(int[] q) {
        for (int u = 0; u < 4; u++) {
            if (q[u] != 0) {
                return (Element) elements.get(u + (q[u] < 0 ? 4 : 0));
            }
        }
        throw new IllegalStateException("not a unit of Q8: " + Arrays.toString(q));
    }

    /** ±u for a unit u of {1, i, j, k}: an immutable value of {@link QuaternionGroup#Q8}. */
    public static final class Element implements GroupElement {
        /** 0, 1, 2, 3 for 1, i, j, k. */
        private final int unit;
        private final boolean negative;

        private Element(int unit, boolean negative) {
            this.unit = unit;
            this.negative = negative;
        }

        @Override
        public QuaternionGroup group() {
            return Q8;
        }

        /** The quaternion (w, x, y, z) = w + x i + y j + z k; exactly one entry is ±1. */
        public int[] coordinates() {
            int[] q = new int[4];
            q[unit] = negative ? -1 : 1;
            return q;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && unit == e.unit && negative == e.negative;
        }

        @Override
        public int hashCode() {
            return unit + (negative ? 4 : 0);
        }

        /** {@code "Q8[-j]"}: parsed back by {@link QuaternionGroup#parseElement}. */
        @Override
        public String toString() {
            return NAME + "[" + (negative ? "-" : "") + UNITS.get(unit) + "]";
        }
    }
}
