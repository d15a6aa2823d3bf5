package org.example.quaternion;

import java.util.List;

import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.spi.GroupProvider;

/** The family of exactly one group, Q8: how the runtime resolves the name {@code "Q8"} to {@link QuaternionGroup#Q8}. */
public final class QuaternionGroupProvider implements GroupProvider {

    @Override
    public String id() {
        return "quaternion";
    }

    @Override
    public String description() {
        return "Q8: the quaternion units ±1, ±i, ±j, ±k under multiplication";
    }

    @Override
    public List<String> examples() {
        return List.of("Q8");
    }

    @Override
    public boolean accepts(String name) {
        return "Q8".equals(name);
    }

    @Override
    public Group create(String name) {
        if (!accepts(name)) {
            throw new UnknownIdException("group name of family '" + id() + "'", name, examples());
        }
        return QuaternionGroup.Q8;
    }
}
