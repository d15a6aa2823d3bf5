package org.example.quaternion;

import java.util.Optional;
import java.util.function.Function;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.testkit.group.GroupContractTest;

/** Q8 meets the group contract: axioms on all 8 elements, text round trip, generators, irreps complete. */
class Q8GroupContractTest extends GroupContractTest {

    @Override
    protected Group group() {
        return QuaternionGroup.Q8;
    }

    @Override
    protected Optional<Function<String, Group>> nameParser() {
        return Optional.of(new QuaternionGroupProvider()::create);
    }
}
