package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.AbstractGroup;
import org.equivariant4j.core.group.CompactLieGroup;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;
import org.equivariant4j.core.tensor.Rng;

/**
 * O(2), the rotations and reflections of the plane, named {@code "O(2)"}. The element (angle, s) (text
 * {@code "O(2)[angle=0.5]"} or {@code "O(2)[angle=0.5;flip]"}) acts on R^2 as R(angle) F^s with
 * F = diag(1, -1); D_n is the subgroup of angles 2 pi k / n.
 *
 * <p>Real irreps, ids as in escnn: {@code "(0,0)"} trivial, {@code "(1,0)"} the determinant (-1)^s, and
 * {@code "(1,j)"} for j >= 1 the 2x2 matrices R(j angle) F^s. {@link #irreps(int)} lists those with
 * j &lt;= bandLimit.
 */
public final class O2 extends AbstractGroup<O2.Element> implements CompactLieGroup {
    private static final String FORM = "O(2)[angle=<radians in [0, 2pi)>] or O(2)[angle=<radians>;flip]";
    private static final O2 INSTANCE = new O2();

    private final Element identity = new Element(this, 0.0, false);

    private O2() {
        super(Element.class);
    }

    /** The group O(2) (a value: all instances are equal). */
    public static O2 group() {
        return INSTANCE;
    }

    /** R(angle) F^flip. */
    public Element element(double angle, boolean flip) {
        if (!Double.isFinite(angle)) {
            throw new InvalidArgumentException("O(2) angle must be finite, was " + angle);
        }
        return new Element(this, PlaneRotations.wrap(angle), flip);
    }

    /** SO(2) &lt; O(2). */
    public Subgroup rotations() {
        return Subgroup.of(SO2.group(), this, "", h -> element(((SO2.Element) h).angle(), false));
    }

    /** D_n &lt; O(2): r^k f^s is (2 pi k / n, s). */
    public Subgroup dihedral(int n) {
        return Subgroup.of(DihedralGroup.of(n), this, "", h -> {
            DihedralGroup.Element e = (DihedralGroup.Element) h;
            return element(PlaneRotations.angle(e.rotationPower(), n), e.isFlip());
        });
    }

    private Representation determinant() {
        Matrix plus = Matrix.identity(1);
        Matrix minus = Matrix.diagonal(-1);
        return IrreducibleRepresentation.of(this, "(1,0)", 1, true, g -> ((Element) g).flip ? minus : plus);
    }

    /** The 2-dimensional irrep (1,j), j >= 1. */
    private Representation frequency(int j) {
        return IrreducibleRepresentation.of(this, "(1," + j + ")", 2, true, g -> {
            Element e = (Element) g;
            return PlaneRotations.rotationFlip(j * e.angle, e.flip);
        });
    }

    @Override
    public String name() {
        return "O(2)";
    }

    @Override
    public Element identity() {
        return identity;
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return element(a.angle + (a.flip ? -b.angle : b.angle), a.flip ^ b.flip);
    }

    @Override
    protected Element invert(Element g) {
        return g.flip ? g : element(-g.angle, false);
    }

    /** Same reflection flag and angles within {@code tolerance} radians around the circle. */
    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        return a.flip == b.flip && PlaneRotations.distance(a.angle, b.angle) <= tolerance;
    }

    /** SO(2)'s testing angles, each with and without the flip. */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> out = new ArrayList<>();
        for (boolean flip : new boolean[] {false, true}) {
            for (GroupElement r : SO2.group().testingElements()) {
                out.add(element(((SO2.Element) r).angle(), flip));
            }
        }
        return List.copyOf(out);
    }

    /** Uniform angle and a fair coin for the flip (the Haar measure). */
    @Override
    public Element sample(Rng rng) {
        double angle = rng.nextDouble(0, PlaneRotations.TWO_PI);
        return element(angle, rng.nextDouble() < 0.5);
    }

    /** The elements of D_(n/2): n/2 rotations, then the same rotations with the flip. n must be even. */
    @Override
    public List<GroupElement> grid(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new InvalidArgumentException("O(2).grid(n) needs an even n >= 2 (half rotations, half reflections),"
                    + " was " + n);
        }
        List<GroupElement> out = new ArrayList<>(n);
        for (boolean flip : new boolean[] {false, true}) {
            for (int k = 0; k < n / 2; k++) {
                out.add(element(PlaneRotations.angle(k, n / 2), flip));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Representation> irreps(int bandLimit) {
        List<Representation> out = new ArrayList<>();
        out.add(Representation.trivial(this));
        out.add(determinant());
        for (int j = 1; j <= bandLimit; j++) {
            out.add(frequency(j));
        }
        return List.copyOf(out);
    }

    @Override
    public Representation irrep(String id) {
        String s = id.replace(" ", "");
        if (s.equals("(0,0)")) {
            return Representation.trivial(this);
        }
        if (s.equals("(1,0)")) {
            return determinant();
        }
        if (s.startsWith("(1,") && s.endsWith(")")) {
            try {
                int j = Integer.parseInt(s.substring(3, s.length() - 1));
                if (j >= 1) {
                    return frequency(j);
                }
            } catch (NumberFormatException e) {
                // listed below
            }
        }
        throw new UnknownIdException("irrep id of O(2)", id, List.of("(0,0)", "(1,0)", "(1,<j>) for j >= 1"));
    }

    @Override
    public Element parseElement(String text) {
        List<String> fields = ElementText.fields(ElementText.body(text, name(), FORM));
        boolean flip = fields.size() == 2 && fields.get(1).equals("flip");
        if (fields.size() > 2 || fields.size() == 2 && !flip) {
            throw new TextFormatException(text, FORM);
        }
        double angle = ElementText.number(ElementText.value(fields.get(0), "angle", text, FORM), text, FORM);
        if (angle < 0 || angle >= PlaneRotations.TWO_PI) {
            throw new TextFormatException(text, FORM);
        }
        return new Element(this, angle, flip);
    }

    /** R(angle) F^s: a rotation, or (s = 1) a reflection of the plane. */
    public static final class Element implements EuclideanAction {
        private final O2 group;
        private final double angle;
        private final boolean flip;

        private Element(O2 group, double angle, boolean flip) {
            this.group = group;
            this.angle = angle;
            this.flip = flip;
        }

        @Override
        public O2 group() {
            return group;
        }

        /** The angle in [0, 2 pi). */
        public double angle() {
            return angle;
        }

        /** Whether the element reflects. */
        public boolean isFlip() {
            return flip;
        }

        @Override
        public int spaceDimension() {
            return 2;
        }

        @Override
        public Matrix linearPart() {
            return PlaneRotations.rotationFlip(angle, flip);
        }

        @Override
        public double[] translation() {
            return new double[2];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && Double.compare(angle, e.angle) == 0 && flip == e.flip;
        }

        @Override
        public int hashCode() {
            return Objects.hash(angle, flip);
        }

        /** {@code "O(2)[angle=0.5]"} or {@code "O(2)[angle=0.5;flip]"}. */
        @Override
        public String toString() {
            return "O(2)[angle=" + angle + (flip ? ";flip" : "") + "]";
        }
    }
}
