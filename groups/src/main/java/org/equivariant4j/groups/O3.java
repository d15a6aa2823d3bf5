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
 * O(3) = SO(3) x {I, -I}, the rotations and rotoreflections of R^3, named {@code "O(3)"}. The element
 * (R, s) acts as (-1)^s R; text {@code "O(3)[q=(w,x,y,z)]"}, or {@code "O(3)[q=(w,x,y,z);inv]"} when it
 * includes the inversion -I.
 *
 * <p>Real irreps as in e3nn, ids {@code "<l>e"} and {@code "<l>o"}: D_l(R) times p^s where the parity p
 * is +1 (even, {@code e}) or -1 (odd, {@code o}). {@code "0e"} is trivial, {@code "0o"} the pseudo-scalar
 * (determinant), {@code "1o"} vectors (the standard representation), {@code "1e"} pseudo-vectors.
 */
public final class O3 extends AbstractGroup<O3.Element> implements CompactLieGroup {
    private static final String FORM = "O(3)[q=(w,x,y,z)] or O(3)[q=(w,x,y,z);inv]";
    private static final O3 INSTANCE = new O3();

    private final Element identity = new Element(this, SO3.group().identity(), false);

    private O3() {
        super(Element.class);
    }

    /** The group O(3) (a value: all instances are equal). */
    public static O3 group() {
        return INSTANCE;
    }

    /** (-I)^inversion R. */
    public Element element(SO3.Element rotation, boolean inversion) {
        return new Element(this, Objects.requireNonNull(rotation, "rotation"), inversion);
    }

    /** The inversion x -> -x. */
    public Element inversion() {
        return element(SO3.group().identity(), true);
    }

    /** The element with orthogonal matrix {@code m} (det ±1, within 1e-6). */
    public Element fromMatrix(Matrix m) {
        boolean inv = m.determinant() < 0;
        return element(SO3.group().fromMatrix(inv ? m.times(-1) : m), inv);
    }

    /** SO(3) &lt; O(3). */
    public Subgroup rotations() {
        return Subgroup.of(SO3.group(), this, "", h -> element((SO3.Element) h, false));
    }

    /** The irrep of degree l >= 0 and parity +1 (even) or -1 (odd); (0, +1) is the trivial representation. */
    public Representation irrep(int l, int parity) {
        if (l < 0 || parity != 1 && parity != -1) {
            throw new InvalidArgumentException("O(3) irreps need l >= 0 and parity ±1, got l=" + l + ", parity="
                    + parity);
        }
        if (l == 0 && parity == 1) {
            return Representation.trivial(this);
        }
        String id = l + (parity == 1 ? "e" : "o");
        return IrreducibleRepresentation.of(this, id, 2 * l + 1, true, g -> {
            Element e = (Element) g;
            Matrix d = WignerD.matrix(l, e.rotation.matrix());
            return e.inversion && parity == -1 ? d.times(-1) : d;
        });
    }

    @Override
    public String name() {
        return "O(3)";
    }

    @Override
    public Element identity() {
        return identity;
    }

    @Override
    protected Element multiply(Element a, Element b) {
        return element((SO3.Element) a.rotation.compose(b.rotation), a.inversion ^ b.inversion);
    }

    @Override
    protected Element invert(Element g) {
        return element((SO3.Element) g.rotation.inverse(), g.inversion);
    }

    /** Same inversion flag and rotations within {@code tolerance} radians (geodesic distance). */
    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        return a.inversion == b.inversion && a.rotation.isClose(b.rotation, tolerance);
    }

    /**
     * SO(3)'s testing elements, alternately without and with the inversion (the identity first), and the
     * inversion itself: both cosets with varied rotations, at half the size of the full product, which keeps
     * the cubic associativity check of O(3) and E(3) fast.
     */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> rotations = SO3.group().testingElements();
        List<GroupElement> out = new ArrayList<>();
        for (int i = 0; i < rotations.size(); i++) {
            out.add(element((SO3.Element) rotations.get(i), i % 2 == 1));
        }
        out.add(inversion());
        return List.copyOf(out);
    }

    /** Haar: an SO(3) Haar rotation and a fair coin for the inversion. */
    @Override
    public Element sample(Rng rng) {
        SO3.Element r = SO3.group().sample(rng);
        return element(r, rng.nextDouble() < 0.5);
    }

    /** SO(3).grid(n/2), then the same rotations with the inversion; n must be even. */
    @Override
    public List<GroupElement> grid(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new InvalidArgumentException("O(3).grid(n) needs an even n >= 2 (half rotations, half with the"
                    + " inversion), was " + n);
        }
        List<GroupElement> rotations = SO3.group().grid(n / 2);
        List<GroupElement> out = new ArrayList<>(n);
        for (boolean inv : new boolean[] {false, true}) {
            for (GroupElement r : rotations) {
                out.add(element((SO3.Element) r, inv));
            }
        }
        return List.copyOf(out);
    }

    /** 0e, 0o, 1e, 1o, ... up to degree {@code bandLimit}. */
    @Override
    public List<Representation> irreps(int bandLimit) {
        List<Representation> out = new ArrayList<>();
        for (int l = 0; l <= bandLimit; l++) {
            out.add(irrep(l, 1));
            out.add(irrep(l, -1));
        }
        return List.copyOf(out);
    }

    @Override
    public Representation irrep(String id) {
        String s = id.trim();
        if (s.length() >= 2 && (s.endsWith("e") || s.endsWith("o"))) {
            try {
                int l = Integer.parseInt(s.substring(0, s.length() - 1));
                if (l >= 0) {
                    return irrep(l, s.endsWith("e") ? 1 : -1);
                }
            } catch (NumberFormatException e) {
                // listed below
            }
        }
        throw new UnknownIdException("irrep id of O(3)", id, List.of("<l>e or <l>o for degree l >= 0, e.g. 0e, 1o"));
    }

    @Override
    public Element parseElement(String text) {
        List<String> fields = ElementText.fields(ElementText.body(text, name(), FORM));
        boolean inv = fields.size() == 2 && fields.get(1).equals("inv");
        if (fields.size() > 2 || fields.size() == 2 && !inv) {
            throw new TextFormatException(text, FORM);
        }
        SO3.Element r = SO3.group().parseElement("SO(3)[" + fields.get(0) + "]");
        return element(r, inv);
    }

    /** (-I)^s R: a rotation, or (s = 1) a rotation followed by the inversion x -> -x. */
    public static final class Element implements EuclideanAction {
        private final O3 group;
        private final SO3.Element rotation;
        private final boolean inversion;

        private Element(O3 group, SO3.Element rotation, boolean inversion) {
            this.group = group;
            this.rotation = rotation;
            this.inversion = inversion;
        }

        @Override
        public O3 group() {
            return group;
        }

        /** The rotation part R. */
        public SO3.Element rotation() {
            return rotation;
        }

        /** Whether the element includes the inversion (determinant -1). */
        public boolean hasInversion() {
            return inversion;
        }

        @Override
        public int spaceDimension() {
            return 3;
        }

        @Override
        public Matrix linearPart() {
            Matrix r = rotation.matrix();
            return inversion ? r.times(-1) : r;
        }

        @Override
        public double[] translation() {
            return new double[3];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && rotation.equals(e.rotation) && inversion == e.inversion;
        }

        @Override
        public int hashCode() {
            return 31 * rotation.hashCode() + (inversion ? 1 : 0);
        }

        /** {@code "O(3)[q=(w,x,y,z)]"} or {@code "O(3)[q=(w,x,y,z);inv]"}. */
        @Override
        public String toString() {
            return "O(3)[q=" + rotation.quaternion() + (inversion ? ";inv" : "") + "]";
        }
    }
}
