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
 * SO(3), the rotations of R^3, named {@code "SO(3)"}. Elements are unit quaternions in canonical sign
 * (text {@code "SO(3)[q=(w,x,y,z)]"}); they convert to and from rotation matrices and axis-angle.
 * {@link #isClose} and {@link #distance} use the geodesic distance: the angle of a⁻¹b, in [0, pi].
 *
 * <p>Real irreps by degree l, ids {@code "0"}, {@code "1"}, ...: the real Wigner-D matrices of
 * {@link WignerD}, consistent with {@link SphericalHarmonics}: Y(R x) = D(R) Y(x). The finite rotation
 * groups T, O and I are subgroups ({@link #tetrahedral()} ...), and {@link #grid(int)} gives
 * deterministic, repulsion-refined uniform grids of any size.
 */
public final class SO3 extends AbstractGroup<SO3.Element> implements CompactLieGroup {
    private static final String FORM = "SO(3)[q=(w,x,y,z)] with a unit quaternion";
    private static final SO3 INSTANCE = new SO3();

    private final Element identity = new Element(this, Quaternion.identity());

    private SO3() {
        super(Element.class);
    }

    /** The group SO(3) (a value: all instances are equal). */
    public static SO3 group() {
        return INSTANCE;
    }

    /** The rotation of the unit quaternion {@code q} (normalised if needed; q and -q give the same element). */
    public Element element(Quaternion q) {
        double n2 = q.dot(q);
        // Normalising an already-unit quaternion can move its last bit; skipping it keeps text round trips exact.
        Quaternion unit = Math.abs(n2 - 1) <= 1e-15 ? q : q.normalized();
        return new Element(this, unit.canonical());
    }

    /** The rotation with matrix {@code r} (orthogonal, det +1 within 1e-6). */
    public Element fromMatrix(Matrix r) {
        return element(Quaternion.fromRotationMatrix(r));
    }

    /** The rotation by {@code angle} radians about {@code axis} (right-hand rule). */
    public Element fromAxisAngle(double[] axis, double angle) {
        return element(Quaternion.fromAxisAngle(axis, angle));
    }

    /** The geodesic distance: the angle in [0, pi] of the rotation a⁻¹b. */
    public double distance(GroupElement a, GroupElement b) {
        Element x = member(a, "distance");
        Element y = member(b, "distance");
        return x.q.conjugate().multiply(y.q).angle();
    }

    /** The irrep of degree l >= 0 (dimension 2l + 1; l = 0 is the trivial representation). */
    public Representation irrep(int l) {
        if (l < 0) {
            throw new InvalidArgumentException("SO(3) irrep degree must be >= 0, was " + l);
        }
        if (l == 0) {
            return Representation.trivial(this);
        }
        return IrreducibleRepresentation.of(this, Integer.toString(l), 2 * l + 1, true,
                g -> WignerD.matrix(l, ((Element) g).matrix()));
    }

    /** T &lt; SO(3): the 12 rotations of the tetrahedron with vertices (1,1,1), (1,-1,-1), (-1,1,-1), (-1,-1,1). */
    public Subgroup tetrahedral() {
        return FiniteRotationGroup.tetrahedral().embedding();
    }

    /** O &lt; SO(3): the 24 rotations of the cube [-1, 1]^3 (signed permutation matrices with det 1). */
    public Subgroup octahedral() {
        return FiniteRotationGroup.octahedral().embedding();
    }

    /** I &lt; SO(3): the 60 rotations of the icosahedron, in the frame where T &lt; I. */
    public Subgroup icosahedral() {
        return FiniteRotationGroup.icosahedral().embedding();
    }

    /** SO(2) &lt; SO(3): rotations about the z-axis. */
    public Subgroup planarRotations() {
        return Subgroup.of(SO2.group(), this, "z-axis",
                h -> fromAxisAngle(new double[] {0, 0, 1}, ((SO2.Element) h).angle()));
    }

    @Override
    public String name() {
        return "SO(3)";
    }

    @Override
    public Element identity() {
        return identity;
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return element(a.q.multiply(b.q));
    }

    @Override
    protected Element invert(Element g) {
        return element(g.q.conjugate());
    }

    /** Geodesic distance (radians) at most {@code tolerance}. */
    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        return a.q.conjugate().multiply(b.q).angle() <= tolerance;
    }

    /** The 24 octahedral rotations (90- and 180-degree turns) and 11 generic ones from {@code grid(12)}. */
    @Override
    public List<GroupElement> testingElements() {
        return Testing.ELEMENTS;
    }

    /** Haar-uniform: a normalised standard Gaussian in R^4 is uniform on the unit quaternions. */
    @Override
    public Element sample(Rng rng) {
        Quaternion q;
        do {
            q = Quaternion.of(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian());
        } while (q.norm() < 1e-8);
        return element(q.normalized());
    }

    /** n rotations spread uniformly (super-Fibonacci start, then repulsion), the identity first. */
    @Override
    public List<GroupElement> grid(int n) {
        if (n < 1) {
            throw new InvalidArgumentException("SO(3).grid needs n >= 1, was " + n);
        }
        List<GroupElement> out = new ArrayList<>(n);
        for (Quaternion q : SO3Grid.quaternions(n)) {
            out.add(element(q));
        }
        return List.copyOf(out);
    }

    @Override
    public List<Representation> irreps(int bandLimit) {
        List<Representation> out = new ArrayList<>();
        for (int l = 0; l <= bandLimit; l++) {
            out.add(irrep(l));
        }
        return List.copyOf(out);
    }

    @Override
    public Representation irrep(String id) {
        try {
            int l = Integer.parseInt(id.trim());
            if (l >= 0) {
                return irrep(l);
            }
        } catch (NumberFormatException e) {
            // listed below
        }
        throw new UnknownIdException("irrep id of SO(3)", id, List.of("<l> for degree l >= 0, e.g. 0, 1, 2"));
    }

    @Override
    public Element parseElement(String text) {
        String body = ElementText.body(text, name(), FORM);
        double[] q = ElementText.tuple(ElementText.value(body, "q", text, FORM), 4, text, FORM);
        Quaternion quaternion = Quaternion.of(q[0], q[1], q[2], q[3]);
        if (Math.abs(quaternion.norm() - 1) > 1e-9) {
            throw new TextFormatException(text, FORM);
        }
        return element(quaternion);
    }

    /** Built on first use: needs the octahedral group and a grid, which need this class. */
    private static final class Testing {
        static final List<GroupElement> ELEMENTS = build();

        private static List<GroupElement> build() {
            List<GroupElement> out = new ArrayList<>();
            for (Quaternion q : FiniteRotationGroup.octahedral().quaternions()) {
                out.add(INSTANCE.element(q));
            }
            List<GroupElement> generic = INSTANCE.grid(12);
            out.addAll(generic.subList(1, generic.size()));
            return List.copyOf(out);
        }
    }

    /** A rotation of R^3, stored as a unit quaternion with canonical sign. */
    public static final class Element implements EuclideanAction {
        private final SO3 group;
        private final Quaternion q;

        private Element(SO3 group, Quaternion q) {
            this.group = group;
            this.q = q;
        }

        @Override
        public SO3 group() {
            return group;
        }

        /** The unit quaternion (w > 0, or the first non-zero component positive). */
        public Quaternion quaternion() {
            return q;
        }

        /** The 3x3 rotation matrix. */
        public Matrix matrix() {
            return q.toRotationMatrix();
        }

        /** The rotation angle in [0, pi]. */
        public double angle() {
            return q.angle();
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
        public double[] apply(double[] point) {
            return q.rotate(point);
        }

        /** Exact equality of the canonical quaternions; use {@link #isClose} for numerical comparison. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && q.equals(e.q);
        }

        @Override
        public int hashCode() {
            return q.hashCode();
        }

        /** {@code "SO(3)[q=(w,x,y,z)]"} at full precision. */
        @Override
        public String toString() {
            return "SO(3)[q=" + q + "]";
        }
    }
}
