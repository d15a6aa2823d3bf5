package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.group.AbstractGroup;
import org.equivariant4j.core.group.CompactLieGroup;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.GroupHomomorphism;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.Subgroup;
import org.equivariant4j.core.tensor.Rng;

/**
 * The Euclidean groups acting on point clouds: E(n) = R^n ⋊ O(n) (rigid motions and reflections) and
 * SE(n) = R^n ⋊ SO(n) (rigid motions), for n = 2, 3; named {@code "E(2)"}, {@code "SE(2)"}, {@code "E(3)"},
 * {@code "SE(3)"}. The element (t, A) maps a point x to A x + t ({@link Element#apply}); its text is the
 * translation followed by the fields of its orthogonal part, e.g. {@code "SE(3)[t=(1.0,0.0,0.0);q=(1.0,0.0,0.0,0.0)]"}.
 *
 * <p>Features of a point cloud transform under the orthogonal part only, so the irreps offered are those of
 * O(n) / SO(n) pulled back along {@link #orthogonalProjection()}, with the same ids ({@code "1o"} for
 * E(3)). The group is not compact: there is no grid and no Haar probability measure.
 */
public final class EuclideanGroup extends AbstractGroup<EuclideanGroup.Element> {
    private final int n;
    private final CompactLieGroup orthogonal;
    private final String name;
    private final Element identity;

    private EuclideanGroup(int n, CompactLieGroup orthogonal, String name) {
        super(Element.class);
        this.n = n;
        this.orthogonal = orthogonal;
        this.name = name;
        this.identity = new Element(this, new double[n], (EuclideanAction) orthogonal.identity());
    }

    /** SE(n) for n = 2 or 3: rotations and translations. */
    public static EuclideanGroup special(int n) {
        return switch (n) {
            case 2 -> new EuclideanGroup(2, SO2.group(), "SE(2)");
            case 3 -> new EuclideanGroup(3, SO3.group(), "SE(3)");
            default -> throw new InvalidArgumentException("SE(n) is built in for n = 2 and 3, not " + n);
        };
    }

    /** E(n) for n = 2 or 3: rotations, reflections and translations. */
    public static EuclideanGroup full(int n) {
        return switch (n) {
            case 2 -> new EuclideanGroup(2, O2.group(), "E(2)");
            case 3 -> new EuclideanGroup(3, O3.group(), "E(3)");
            default -> throw new InvalidArgumentException("E(n) is built in for n = 2 and 3, not " + n);
        };
    }

    /** The dimension n of the space. */
    public int spaceDimension() {
        return n;
    }

    /** The orthogonal part: SO(n) for SE(n), O(n) for E(n). */
    public CompactLieGroup orthogonalPart() {
        return orthogonal;
    }

    /** x -> A x + t, for {@code orthogonalElement} an element A of {@link #orthogonalPart()}. */
    public Element element(double[] translation, GroupElement orthogonalElement) {
        if (translation.length != n) {
            throw new InvalidArgumentException(name + ": translation must have length " + n + ", was "
                    + translation.length);
        }
        for (double v : translation) {
            if (!Double.isFinite(v)) {
                throw new InvalidArgumentException(name + ": translation must be finite: " + Arrays.toString(translation));
            }
        }
        if (!orthogonal.contains(orthogonalElement)) {
            throw new GroupMismatchException(name + ".element", orthogonal.name(),
                    orthogonalElement.group().name());
        }
        return new Element(this, translation.clone(), (EuclideanAction) orthogonalElement);
    }

    /** The pure translation x -> x + t. */
    public Element translation(double... t) {
        return element(t, orthogonal.identity());
    }

    /** The homomorphism (t, A) -> A onto the orthogonal part. */
    public GroupHomomorphism orthogonalProjection() {
        return new Projection(this);
    }

    /** (t, A) -> A; a record, so two projections of equal groups are equal (and so are their pull-backs). */
    private record Projection(EuclideanGroup group) implements GroupHomomorphism {
        @Override
        public Group domain() {
            return group;
        }

        @Override
        public Group codomain() {
            return group.orthogonal;
        }

        @Override
        public GroupElement apply(GroupElement g) {
            return group.member(g, "orthogonalProjection").orthogonal;
        }

        @Override
        public String name() {
            return group.name + " -> " + group.orthogonal.name();
        }
    }

    /** The orthogonal part as the subgroup of elements with t = 0. */
    public Subgroup orthogonalSubgroup() {
        return Subgroup.of(orthogonal, this, "", h -> element(new double[n], h));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Element identity() {
        return identity;
    }

    /** (t1, A1)(t2, A2) = (t1 + A1 t2, A1 A2). */
    @Override
    protected Element multiply(Element a, Element b) {
        double[] t = a.orthogonal.apply(b.translation);
        for (int i = 0; i < n; i++) {
            t[i] += a.translation[i];
        }
        return new Element(this, t, (EuclideanAction) a.orthogonal.compose(b.orthogonal));
    }

    /** (t, A)⁻¹ = (-A⁻¹ t, A⁻¹). */
    @Override
    protected Element invert(Element g) {
        EuclideanAction inv = (EuclideanAction) g.orthogonal.inverse();
        double[] t = inv.apply(g.translation);
        for (int i = 0; i < n; i++) {
            t[i] = -t[i] + 0.0;
        }
        return new Element(this, t, inv);
    }

    /** Translations within {@code tolerance} per coordinate and orthogonal parts close in their own metric. */
    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(a.translation[i] - b.translation[i]) <= tolerance)) {
                return false;
            }
        }
        return a.orthogonal.isClose(b.orthogonal, tolerance);
    }

    /**
     * The orthogonal part's testing elements (identity first), the i-th paired with the i-th of four fixed
     * translations in turn (the first is zero), plus one pure translation.
     */
    @Override
    public List<GroupElement> testingElements() {
        double[][] shifts = n == 2
                ? new double[][] {{0, 0}, {1, -2}, {-0.25, 3.5}, {2.75, 0.5}}
                : new double[][] {{0, 0, 0}, {1, -2, 0.5}, {-0.25, 3.5, -1}, {2.75, 0.5, 1.5}};
        List<GroupElement> out = new ArrayList<>();
        List<GroupElement> rotations = orthogonal.testingElements();
        for (int i = 0; i < rotations.size(); i++) {
            out.add(element(shifts[i % shifts.length], rotations.get(i)));
        }
        out.add(translation(shifts[1]));
        return List.copyOf(out);
    }

    /**
     * A Haar-uniform orthogonal part and a standard normal translation. E(n) has no Haar probability
     * measure; this is the distribution used for random tests.
     */
    @Override
    public Element sample(Rng rng) {
        GroupElement a = orthogonal.sample(rng);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextGaussian();
        }
        return element(t, a);
    }

    /** The orthogonal part's irrep {@code id}, pulled back along the projection (translations act trivially). */
    @Override
    public Representation irrep(String id) {
        Representation r = orthogonal.irrep(id);
        return r.pullback(orthogonalProjection());
    }

    @Override
    public Element parseElement(String text) {
        String form = name + "[t=(" + (n == 2 ? "x,y" : "x,y,z") + ");<fields of an " + orthogonal.name()
                + " element>]";
        String body = ElementText.body(text, name, form);
        int split = body.indexOf(';');
        if (split < 0) {
            throw new TextFormatException(text, form);
        }
        double[] t = ElementText.tuple(ElementText.value(body.substring(0, split).trim(), "t", text, form), n, text,
                form);
        GroupElement a;
        try {
            a = orthogonal.parseElement(orthogonal.name() + "[" + body.substring(split + 1) + "]");
        } catch (TextFormatException e) {
            throw new TextFormatException(text, form, e);
        }
        return element(t, a);
    }

    /** The rigid motion x -> A x + t. */
    public static final class Element implements EuclideanAction {
        private final EuclideanGroup group;
        private final double[] translation;
        private final EuclideanAction orthogonal;

        private Element(EuclideanGroup group, double[] translation, EuclideanAction orthogonal) {
            this.group = group;
            this.translation = translation;
            this.orthogonal = orthogonal;
        }

        @Override
        public EuclideanGroup group() {
            return group;
        }

        /** The orthogonal part A, an element of {@link EuclideanGroup#orthogonalPart()}. */
        public GroupElement orthogonalPart() {
            return orthogonal;
        }

        @Override
        public int spaceDimension() {
            return group.n;
        }

        @Override
        public Matrix linearPart() {
            return orthogonal.linearPart();
        }

        @Override
        public double[] translation() {
            return translation.clone();
        }

        /** A x + t. */
        @Override
        public double[] apply(double[] point) {
            double[] y = orthogonal.apply(point);
            for (int i = 0; i < y.length; i++) {
                y[i] += translation[i];
            }
            return y;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && group.equals(e.group) && Arrays.equals(translation, e.translation)
                    && orthogonal.equals(e.orthogonal);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(translation) + orthogonal.hashCode();
        }

        /** {@code "SE(3)[t=(x,y,z);q=(w,x,y,z)]"}: the translation, then the orthogonal part's fields. */
        @Override
        public String toString() {
            String inner = orthogonal.toString();
            String fields = inner.substring(inner.indexOf('[') + 1, inner.length() - 1);
            return group.name + "[t=" + ElementText.tuple(translation) + ";" + fields + "]";
        }
    }
}
