package org.equivariant4j.groups;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.testkit.group.GroupContractTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in group passes the group contract, including the round trip of its name through {@link GroupNames}. */
@ParameterizedClass(name = "{0}")
@MethodSource("groups")
class BuiltInGroupContractTest extends GroupContractTest {

    @Parameter
    Group group;

    static Stream<Group> groups() {
        return Stream.of(
                CyclicGroup.of(1), CyclicGroup.of(2), CyclicGroup.of(4), CyclicGroup.of(5), CyclicGroup.of(8),
                DihedralGroup.of(1), DihedralGroup.of(2), DihedralGroup.of(3), DihedralGroup.of(4), DihedralGroup.of(6),
                SO2.group(), O2.group(), SO3.group(), O3.group(),
                FiniteRotationGroup.tetrahedral(), FiniteRotationGroup.octahedral(), FiniteRotationGroup.icosahedral(),
                EuclideanGroup.special(2), EuclideanGroup.full(2), EuclideanGroup.special(3), EuclideanGroup.full(3));
    }

    @Override
    protected Group group() {
        return group;
    }

    @Override
    protected Optional<Function<String, Group>> nameParser() {
        return Optional.of(GroupNames::parse);
    }
}
