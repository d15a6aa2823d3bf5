package org.equivariant4j.groups;

import java.util.stream.Stream;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.testkit.group.GroupContractTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The cube's signed-permutation groups pass the group contract: axioms, generators, irreps (count, dimensions, orthogonality). */
@ParameterizedClass(name = "{0}")
@MethodSource("groups")
class CubicGroupContractTest extends GroupContractTest {

    @Parameter
    Group group;

    static Stream<Group> groups() {
        return Stream.of(CubicGroup.cyclicZ(2), CubicGroup.cyclicZ(4), CubicGroup.dihedralZ(2), CubicGroup.dihedralZ(4),
                CubicGroup.fullOctahedral());
    }

    @Override
    protected Group group() {
        return group;
    }
}
