package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.quaternion.DynamicTestRuns.failures;

import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The layer contract must test a non-identity element: every layer commutes with the identity, so a contract given
 * only the identity, or on a field that refuses every other element, fails instead of passing on nothing. Even the
 * non-equivariant left multiplication would pass the equivariance tests on the identity alone.
 */
class IdentityOnlyContractTest {
    private static final String NEEDS_MORE = "at least one non-identity element is tested";

    private static EquivariantLayerContractTest contract(QuaternionMultiplication.Side side, List<GroupElement> elements) {
        return new EquivariantLayerContractTest() {
            @Override
            protected EquivariantLayer createLayer(long seed) {
                return new QuaternionMultiplication(side, seed);
            }

            @Override
            protected List<? extends GroupElement> elements() {
                return elements;
            }
        };
    }

    /** The identity map on Q8 fields over a 2D grid: a type on which no element of Q8 can act. */
    private static final class GridPassThrough extends EquivariantLayer {
        GridPassThrough() {
            super(FieldType.of(Domain.grid(2), QuaternionGroup.Q8.irrep("H")), FieldType.of(Domain.grid(2),
                    QuaternionGroup.Q8.irrep("H")));
        }

        @Override
        protected GeometricTensor apply(GeometricTensor input) {
            return input;
        }
    }

    @Test
    void aContractGivenOnlyTheIdentityFails() {
        EquivariantLayerContractTest identityOnly = contract(QuaternionMultiplication.Side.LEFT,
                List.of(QuaternionGroup.Q8.identity()));
        for (Stream<DynamicTest> tests : List.of(identityOnly.equivariance(), identityOnly.gradientEquivariance())) {
            assertThat(failures(tests)).singleElement().asString().startsWith(NEEDS_MORE)
                    .contains("other than the identity Q8[1] of Q8", "tested only [Q8[1]]", "seed ");
        }
    }

    @Test
    void aFieldThatRefusesEveryElementFailsTheContract() {
        // Q8 has no action on a pixel grid, so a Q8 field on a grid refuses every element, the identity included.
        EquivariantLayerContractTest refusing = new EquivariantLayerContractTest() {
            @Override
            protected EquivariantLayer createLayer(long seed) {
                return new GridPassThrough();
            }
        };
        for (Stream<DynamicTest> tests : List.of(refusing.equivariance(), refusing.gradientEquivariance())) {
            assertThat(failures(tests)).singleElement().asString().startsWith(NEEDS_MORE)
                    .contains("tested only []", "refused by the field", "does not act on the domain");
        }
    }

    @Test
    void aContractWithNonIdentityElementsHasNoSuchFailure() {
        EquivariantLayerContractTest all = contract(QuaternionMultiplication.Side.RIGHT, QuaternionGroup.Q8.elements());
        assertThat(failures(all.equivariance())).isEmpty();
        assertThat(failures(all.gradientEquivariance())).isEmpty();
        // and the same contract catches the left multiplication once it sees a non-identity element
        assertThat(failures(contract(QuaternionMultiplication.Side.LEFT, List.of(QuaternionGroup.Q8.identity(),
                QuaternionGroup.Q8.element("i", false))).equivariance())).isNotEmpty().noneMatch(f -> f.startsWith(NEEDS_MORE));
    }
}
