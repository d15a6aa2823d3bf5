package org.equivariant4j.groups.kit;

import java.util.List;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.group.AbstractGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;

/**
 * A negative control for the sampled checks: angles composed as
 * {@code a + b + 0.1 sin(a) sin(b) sin(a - b)}, which is exactly SO(2) on its testing elements (multiples of
 * pi/2, where the wobble vanishes) but is neither associative nor inverse-respecting anywhere else. Only the
 * contract's seeded samples can catch it.
 */
final class WobblyCircle extends AbstractGroup<WobblyCircle.Element> {
    private static final double TWO_PI = 2 * Math.PI;

    WobblyCircle() {
        super(Element.class);
    }

    record Element(WobblyCircle group, double angle) implements GroupElement {
        @Override
        public String toString() {
            return "Wobbly[angle=" + angle + "]";
        }
    }

    private Element at(double angle) {
        double a = angle % TWO_PI;
        return new Element(this, a < 0 ? a + TWO_PI : a);
    }

    @Override
    public String name() {
        return "Wobbly";
    }

    @Override
    public Element identity() {
        return new Element(this, 0.0);
    }

    @Override
    protected Element multiply(Element a, Element b) {
        double x = a.angle;
        double y = b.angle;
        return at(x + y + 0.1 * Math.sin(x) * Math.sin(y) * Math.sin(x - y));
    }

    @Override
    protected Element invert(Element g) {
        return at(-g.angle);
    }

    @Override
    protected boolean closeTo(Element a, Element b, double tolerance) {
        double d = Math.abs(a.angle - b.angle) % TWO_PI;
        return Math.min(d, TWO_PI - d) <= tolerance;
    }

    @Override
    public List<GroupElement> testingElements() {
        return List.of(at(0), at(Math.PI / 2), at(Math.PI), at(3 * Math.PI / 2));
    }

    @Override
    public Element sample(Rng rng) {
        return at(rng.nextDouble(0, TWO_PI));
    }

    @Override
    public Representation irrep(String id) {
        return Representation.trivial(this);
    }

    @Override
    public Element parseElement(String text) {
        if (!text.startsWith("Wobbly[angle=") || !text.endsWith("]")) {
            throw new TextFormatException(text, "Wobbly[angle=<radians>]");
        }
        return new Element(this, Double.parseDouble(text.substring(13, text.length() - 1)));
    }
}
