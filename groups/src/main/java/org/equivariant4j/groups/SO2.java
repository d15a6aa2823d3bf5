package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.List;

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
 * SO(2), the rotations of the plane, named {@code "SO(2)"}. An element is an angle in [0, 2 pi) (text
 * {@code "SO(2)[angle=1.5707963267948966]"}) acting on R^2 as the rotation R(angle); {@link #isClose}
 * compares angles around the circle.
 *
 * <p>Real irreps by frequency, ids {@code "0"} (trivial), {@code "1"}, {@code "2"}, ...: frequency j
 * is the 2x2 rotation R(j angle), of complex type. {@link #grid(int)} is C_n's angles.
 */
public final class SO2 extends AbstractGroup<SO2.Element> implements CompactLieGroup {
    private static final String FORM = "SO(2)[angle=<radians in [0, 2pi)>]";
    private static final SO2 INSTANCE = new SO2();

    private final Element identity = new Element(this, 0.0);

    private SO2() {
        super(Element.class);
    }

    /** The group SO(2) (a value: all instances are equal). */
    public static SO2 group() {
        return INSTANCE;
    }

    /** The rotation by {@code angle} radians (wrapped into [0, 2 pi)). */
    public Element rotation(double angle) {
        if (!Double.isFinite(angle)) {
            throw new InvalidArgumentException("SO(2) rotation angle must be finite, was " + angle);
        }
        return new Element(this, PlaneRotations.wrap(angle));
    }

    /** C_n &lt; SO(2): r^k is the rotation by 2 pi k / n. */
    public Subgroup cyclic(int n) {
        return Subgroup.of(CyclicGroup.of(n), this, "", h -> rotation(((CyclicGroup.Element) h).angle()));
    }

    /** The irrep of frequency j >= 0 (j = 0 is the trivial representation). */
    public Representation irrep(int j) {
        if (j < 0) {
            throw new InvalidArgumentException("SO(2) irrep frequency must be >= 0, was " + j);
        }
        if (j == 0) {
            return Representation.trivial(this);
        }
        return IrreducibleRepresentation.of(this, Integer.toString(j), 2, true,
                g -> PlaneRotations.rotation(j * ((Element) g).angle));
    }

    @Override
    public String name() {
        return "SO(2)";
    }

    @Override
    public Element identity() {
        return identity;
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return rotation(a.angle + b.angle);
    }

    @Override
    protected Element invert(Element g) {
        return rotation(-g.angle);
    }

    /** Angles within {@code tolerance} radians around the circle. */
    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        return PlaneRotations.distance(a.angle, b.angle) <= tolerance;
    }

    /** The 8 multiples of pi/4 (including the identity) and 4 generic angles. */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> out = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            out.add(rotation(PlaneRotations.angle(k, 8)));
        }
        for (double a : new double[] {0.3, 1.1, 2.9, 4.4}) {
            out.add(rotation(a));
        }
        return List.copyOf(out);
    }

    /** Uniform angle (the Haar measure). */
    @Override
    public Element sample(Rng rng) {
        return rotation(rng.nextDouble(0, PlaneRotations.TWO_PI));
    }

    /** The n angles 2 pi k / n, identity first. */
    @Override
    public List<GroupElement> grid(int n) {
        if (n < 1) {
            throw new InvalidArgumentException("SO(2).grid needs n >= 1, was " + n);
        }
        List<GroupElement> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(rotation(PlaneRotations.angle(k, n)));
        }
        return List.copyOf(out);
    }

    @Override
    public List<Representation> irreps(int bandLimit) {
        List<Representation> out = new ArrayList<>();
        for (int j = 0; j <= bandLimit; j++) {
            out.add(irrep(j));
        }
        return List.copyOf(out);
    }

    @Override
    public Representation irrep(String id) {
        try {
            int j = Integer.parseInt(id.trim());
            if (j >= 0) {
                return irrep(j);
            }
        } catch (NumberFormatException e) {
            // listed below
        }
        throw new UnknownIdException("irrep id of SO(2)", id, List.of("<j> for frequency j >= 0, e.g. 0, 1, 2"));
    }

    @Override
    public Element parseElement(String text) {
        String body = ElementText.body(text, name(), FORM);
        double angle = ElementText.number(ElementText.value(body, "angle", text, FORM), text, FORM);
        if (angle < 0 || angle >= PlaneRotations.TWO_PI) {
            throw new TextFormatException(text, FORM);
        }
        return new Element(this, angle);
    }

    /** A rotation of the plane by {@link #angle()} radians. */
    public static final class Element implements EuclideanAction {
        private final SO2 group;
        private final double angle;

        private Element(SO2 group, double angle) {
            this.group = group;
            this.angle = angle;
        }

        @Override
        public SO2 group() {
            return group;
        }

        /** The angle in [0, 2 pi). */
        public double angle() {
            return angle;
        }

        @Override
        public int spaceDimension() {
            return 2;
        }

        @Override
        public Matrix linearPart() {
            return PlaneRotations.rotation(angle);
        }

        @Override
        public double[] translation() {
            return new double[2];
        }

        /** Exact equality of angles; use {@link #isClose} for numerical comparison. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && Double.compare(angle, e.angle) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(angle);
        }

        /** {@code "SO(2)[angle=1.5707963267948966]"}. */
        @Override
        public String toString() {
            return "SO(2)[angle=" + angle + "]";
        }
    }
}
