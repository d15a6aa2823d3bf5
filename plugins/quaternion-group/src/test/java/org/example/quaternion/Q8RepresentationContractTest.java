package org.example.quaternion;

import java.util.stream.Stream;

import org.equivariant4j.core.group.Representation;
import org.equivariant4j.testkit.group.RepresentationContractTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every irrep of Q8, and its regular representation, meets the representation contract. */
@ParameterizedClass(name = "{0}")
@MethodSource("representations")
class Q8RepresentationContractTest extends RepresentationContractTest {

    @Parameter
    Representation representation;

    static Stream<Representation> representations() {
        return Stream.concat(QuaternionGroup.Q8.irreps().stream(), Stream.of(Representation.regular(QuaternionGroup.Q8)));
    }

    @Override
    protected Representation representation() {
        return representation;
    }
}
