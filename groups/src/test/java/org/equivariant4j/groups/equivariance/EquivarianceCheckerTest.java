package org.equivariant4j.groups.equivariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.groups.SO3;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.RandomFields;
import org.equivariant4j.equivariance.Tolerance;
import org.junit.jupiter.api.Test;

/** The functional form, invariance, point clouds (positions must move) and NaN handling of the checker. */
class EquivarianceCheckerTest {
    static final CyclicGroup C4 = CyclicGroup.of(4);
    static final FieldType REGULAR = FieldType.of(Domain.grid(2), Representation.regular(C4));
    static final FieldType POOLED = FieldType.of(Domain.vectors(), Representation.trivial(C4));

    /** Mean over channels and space: a regular grid field to one invariant scalar per batch entry. */
    static GeometricTensor pool(GeometricTensor x) {
        return GeometricTensor.of(x.tensor().mean(new int[] {1, 2, 3}, false).reshape(-1, 1), POOLED);
    }

    @Test
    void aFunctionBetweenFieldTypesIsCheckedForInvarianceAndEquivariance() {
        EquivarianceChecker mean = EquivarianceChecker.of("global mean", REGULAR, POOLED, EquivarianceCheckerTest::pool);
        EquivarianceAssertions.assertThat(mean).isInvariantUnder(C4.elements());
        EquivarianceAssertions.assertThat(mean).isEquivariantUnder(C4.elements()); // trivial output: the same statement
        // a regular output moves with g, so it is not invariant
        EquivarianceChecker identity = EquivarianceChecker.of("identity", REGULAR, REGULAR, x -> x);
        assertThat(catchThrowableOfType(AssertionError.class, () -> EquivarianceAssertions.assertThat(identity)
                .as("the identity map").isInvariantUnder(C4.elements()))).hasMessageStartingWith("[the identity map] ")
                .hasMessageContaining("expected f(g·x) = f(x) for g = C4[r").hasMessageContaining("for identity in FLOAT64");
    }

    @Test
    void pointCloudsAreMovedByTranslationsToo() {
        // gating by |p| instead of |p - centroid| is rotation-equivariant but not translation-equivariant
        EuclideanGroup e3 = EuclideanGroup.full(3);
        FieldType vectors = CentroidGate.type(e3);
        EquivarianceChecker originGate = EquivarianceChecker.of("origin gate", vectors, vectors, x -> {
            Tensor gate = x.positions().pow(2.0).sum(1, true).neg().exp();
            return GeometricTensor.ofPoints(x.tensor().mul(gate), x.positions(), vectors);
        });
        GroupElement rotation = e3.testingElements().get(4);       // t = 0
        GroupElement translation = e3.testingElements().get(e3.testingElements().size() - 1);
        List<GeometricTensor> inputs = List.of(RandomFields.defaults().generate(vectors, 3));
        EquivarianceReport report = originGate.measure(List.of(rotation, translation), inputs);
        assertThat(report.errorOf(rotation).orElseThrow().passes(Tolerance.defaultFor(report.dtype()))).as(report.describe())
                .isTrue();
        assertThat(report.errorOf(translation).orElseThrow().maxAbsolute()).as(report.describe()).isGreaterThan(1e-3);
        // and the exact layer on the same elements, checked through SO(3) as well
        EquivarianceAssertions.assertThat(new CentroidGate(e3, 1)).isEquivariantUnder(rotation, translation);
        EquivarianceAssertions.assertThat(new CentroidGate(SO3.group(), 1)).isEquivariantUnder(SO3.group().testingElements());
    }

    @Test
    void outputPositionsThatDoNotMoveAreAnError() {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        FieldType vectors = CentroidGate.type(e3);
        // keeps the features equivariant but pins the output cloud where the input was before g acted: wrong
        GeometricTensor fixed = RandomFields.defaults().generate(vectors, 5);
        EquivarianceChecker pinned = EquivarianceChecker.of("pinned", vectors, vectors,
                x -> GeometricTensor.ofPoints(x.tensor(), fixed.positions().to(x.positions().dtype()), vectors));
        GroupElement translation = e3.testingElements().get(e3.testingElements().size() - 1);
        assertThat(catchThrowableOfType(AssertionError.class, () -> EquivarianceAssertions.assertThat(pinned)
                .isEquivariantUnder(translation))).hasMessageContaining("output positions off by");
    }

    @Test
    void nanFailsEveryToleranceAndWrongInputsAreNamed() {
        EquivarianceChecker nan = EquivarianceChecker.of("nan", REGULAR, REGULAR,
                x -> x.withTensor(x.tensor().mul(Tensors.scalar(Double.NaN, x.tensor().dtype()))));
        EquivarianceReport report = nan.measure(List.of(C4.identity()), List.of(RandomFields.defaults().generate(REGULAR, 1)));
        assertThat(report.worst().orElseThrow().maxAbsolute()).isInfinite();
        assertThat(report.passes(Tolerance.of(1e300, 1e300))).isFalse();

        GeometricTensor pooled = RandomFields.defaults().generate(POOLED, 1);
        assertThatThrownBy(() -> nan.measure(C4.elements(), List.of(pooled))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("nan: input 0 must be of type " + REGULAR).hasMessageContaining("but was " + POOLED);
    }
}
