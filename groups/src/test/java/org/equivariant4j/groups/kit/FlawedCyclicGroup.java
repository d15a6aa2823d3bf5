package org.equivariant4j.groups.kit;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;

/**
 * Negative controls: the cyclic group C5 acting on the plane, with exactly one deliberate {@link Flaw}. Each
 * flaw breaks one axiom and leaves the others intact, so the self-test can show that the contract fails on
 * the axiom that is broken, and only there.
 */
final class FlawedCyclicGroup implements FiniteGroup {
    /** Which axiom to break. */
    enum Flaw {
        /** inverse(g) returns g: right only for r0. */
        WRONG_INVERSE,
        /** identity() returns r1. */
        WRONG_IDENTITY,
        /** parseElement returns the next element. */
        WRONG_TEXT,
        /** irreps() lists the trivial irrep twice and the others not at all. */
        WRONG_IRREPS,
        /** generators() is just the identity. */
        TOO_FEW_GENERATORS,
        /** Elements act on R^2 rotated by an extra 0.1 rad: e(x) != x and (g·h)(x) != g(h(x)). */
        SKEWED_ACTION
    }

    private static final int N = 5;

    private final Flaw flaw;
    private final List<GroupElement> elements;

    FlawedCyclicGroup(Flaw flaw) {
        this.flaw = flaw;
        List<GroupElement> list = new ArrayList<>();
        for (int k = 0; k < N; k++) {
            list.add(new Element(this, k));
        }
        elements = List.copyOf(list);
    }

    record Element(FlawedCyclicGroup group, int k) implements EuclideanAction {
        @Override
        public int spaceDimension() {
            return 2;
        }

        @Override
        public Matrix linearPart() {
            double a = 2 * Math.PI * k / N + (group.flaw == Flaw.SKEWED_ACTION ? 0.1 : 0);
            return Matrix.ofRowMajor(2, 2, Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a));
        }

        @Override
        public double[] translation() {
            return new double[2];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && e.k == k && e.group.equals(group);
        }

        @Override
        public int hashCode() {
            return k;
        }

        @Override
        public String toString() {
            return group.name() + "[r" + k + "]";
        }
    }

    private Element at(int k) {
        return (Element) elements.get(Math.floorMod(k, N));
    }

    @Override
    public String name() {
        return "FlawedC5(" + flaw + ")";
    }

    @Override
    public GroupElement identity() {
        return flaw == Flaw.WRONG_IDENTITY ? at(1) : at(0);
    }

    @Override
    public GroupElement compose(GroupElement a, GroupElement b) {
        return at(((Element) a).k + ((Element) b).k);
    }

    @Override
    public GroupElement inverse(GroupElement g) {
        return flaw == Flaw.WRONG_INVERSE ? g : at(-((Element) g).k);
    }

    @Override
    public boolean isClose(GroupElement a, GroupElement b, double tolerance) {
        return a.equals(b);
    }

    @Override
    public List<GroupElement> elements() {
        return elements;
    }

    @Override
    public int indexOf(GroupElement g) {
        return ((Element) g).k;
    }

    @Override
    public List<GroupElement> generators() {
        return flaw == Flaw.TOO_FEW_GENERATORS ? List.of(at(0)) : List.of(at(1));
    }

    @Override
    public List<Representation> irreps() {
        Representation trivial = Representation.trivial(this);
        if (flaw == Flaw.WRONG_IRREPS) {
            return List.of(trivial, trivial);
        }
        List<Representation> out = new ArrayList<>(List.of(trivial));
        for (int j = 1; j <= 2; j++) {
            out.add(irrep(Integer.toString(j)));
        }
        return out;
    }

    @Override
    public Representation irrep(String id) {
        int j = Integer.parseInt(id);
        if (j == 0) {
            return Representation.trivial(this);
        }
        return IrreducibleRepresentation.of(this, id, 2, true, g -> {
            double a = 2 * Math.PI * j * ((Element) g).k / N;
            return Matrix.ofRowMajor(2, 2, Math.cos(a), -Math.sin(a), Math.sin(a), Math.cos(a));
        });
    }

    @Override
    public GroupElement parseElement(String text) {
        String prefix = name() + "[r";
        if (!text.startsWith(prefix) || !text.endsWith("]")) {
            throw new TextFormatException(text, prefix + "<k>]");
        }
        int k = Integer.parseInt(text.substring(prefix.length(), text.length() - 1));
        return flaw == Flaw.WRONG_TEXT ? at(k + 1) : at(k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlawedCyclicGroup f && f.flaw == flaw;
    }

    @Override
    public int hashCode() {
        return flaw.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
