package org.equivariant4j.testkit.equivariance;

import java.util.List;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;

/**
 * The one-element group, under a name no real group has: the type checks of the layer contract give a
 * layer a field of this group to prove it refuses fields of another group, without depending on any
 * group module. Being a single element, it is its own identity: one constant serves as group and element.
 */
final class ForeignGroup implements Group, GroupElement {
    static final ForeignGroup INSTANCE = new ForeignGroup();

    static final String NAME = "testkit-foreign-group";

    private ForeignGroup() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupElement identity() {
        return this;
    }

    @Override
    public GroupElement compose(GroupElement a, GroupElement b) {
        return this;
    }

    @Override
    public GroupElement inverse(GroupElement g) {
        return this;
    }

    @Override
    public boolean isClose(GroupElement a, GroupElement b, double tolerance) {
        return a == b;
    }

    @Override
    public List<GroupElement> testingElements() {
        return List.of(this);
    }

    @Override
    public GroupElement sample(Rng rng) {
        return this;
    }

    @Override
    public Representation irrep(String id) {
        if ("0".equals(id)) {
            return Representation.trivial(this);
        }
        throw new UnknownIdException("irrep of " + NAME, id, List.of("0"));
    }

    @Override
    public GroupElement parseElement(String text) {
        if (toString().equals(text)) {
            return this;
        }
        throw new TextFormatException(text, toString());
    }

    @Override
    public Group group() {
        return this;
    }

    @Override
    public String toString() {
        return NAME + "[e]";
    }
}
