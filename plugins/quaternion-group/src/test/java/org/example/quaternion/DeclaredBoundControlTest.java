package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;
import static org.example.quaternion.DynamicTestRuns.outcomes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;
import org.equivariant4j.equivariance.PerturbedCopy;
import org.example.quaternion.DynamicTestRuns.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The test kit's negative controls for a declared tolerance, on Q8: a layer perturbed just beyond its declared
 * bound fails the kit and one just within passes (so the kit applies exactly that bound), and
 * {@code exceedsTheBoundDeclaredBy} accepts a broken copy that breaks the bound and fails on one that stays within
 * it or on a layer that declares nothing. This is how a declaring layer's own test proves its bound can fail.
 */
class DeclaredBoundControlTest {
    private static final List<GroupElement> Q8 = QuaternionGroup.Q8.elements();
    private static final double BOUND = 1e-2;
    private static final String REASON = "test: declared approximate so that its bound can be probed";

    /** The exact right multiplication, declared approximate within BOUND (absolute only: the bound is exactly BOUND). */
    private static EquivariantLayer declared(QuaternionMultiplication.Side side) {
        return new Declared(new QuaternionMultiplication(side, 7), new ApproximateEquivariance(BOUND, 0, REASON));
    }

    /**
     * The pattern sits at entry 0 (component 1 of the first vector); −1 maps it to its negative, so the worst
     * error is twice the amplitude: an amplitude of {@code factor · BOUND / 2} gives a worst error of {@code factor · BOUND}.
     */
    private static PerturbedCopy perturbedTo(double factor) {
        return PerturbedCopy.of(declared(QuaternionMultiplication.Side.RIGHT), factor * BOUND / 2, 0);
    }

    @Test
    void aLayerPerturbedJustBeyondItsDeclaredBoundFailsTheKitAndJustWithinPasses() {
        EquivarianceReport within = assertThat(perturbedTo(0.99)).isEquivariantUnder(Q8).report();
        assertThat(within.worst().orElseThrow().maxAbsolute()).isCloseTo(0.99 * BOUND, within(1e-12));
        assertThatThrownBy(() -> assertThat(perturbedTo(1.01)).isEquivariantUnder(Q8)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("declared approximation: " + REASON).hasMessageContaining("but was max |error| 0.01009999");
    }

    @Test
    void aBrokenCopyThatExceedsTheDeclaredBoundIsAPassingNegativeControl() {
        EquivariantLayer layer = declared(QuaternionMultiplication.Side.RIGHT);
        assertThat(layer).isEquivariantUnder(Q8);
        // The realistic bug: multiplying from the wrong side.
        EquivarianceReport broken = assertThat(declared(QuaternionMultiplication.Side.LEFT)).exceedsTheBoundDeclaredBy(layer, Q8);
        assertThat(broken.worst().orElseThrow().maxAbsolute()).isGreaterThan(10 * BOUND);
        assertThat(perturbedTo(1.01)).exceedsTheBoundDeclaredBy(layer, Q8);
    }

    @Test
    void aBrokenCopyWithinTheDeclaredBoundFailsTheControl() {
        EquivariantLayer layer = declared(QuaternionMultiplication.Side.RIGHT);
        assertThatThrownBy(() -> assertThat(perturbedTo(0.99)).exceedsTheBoundDeclaredBy(layer, Q8))
                .isInstanceOf(AssertionError.class).hasMessageContaining("every element stayed within it")
                .hasMessageContaining("too loose to catch this bug").hasMessageContaining(REASON);
    }

    @Test
    void aControlAgainstALayerThatDeclaresNothingFails() {
        EquivariantLayer exact = new QuaternionMultiplication(QuaternionMultiplication.Side.RIGHT, 7);
        assertThatThrownBy(() -> assertThat(new QuaternionMultiplication(QuaternionMultiplication.Side.LEFT, 7))
                .exceedsTheBoundDeclaredBy(exact, Q8)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to declare an approximation");
    }

    @Test
    void theLayerContractRunsTheControlOfADeclaringLayer() {
        Map<String, Outcome> good = outcomes(contract(seed -> declared(QuaternionMultiplication.Side.LEFT))
                .declaredBoundControl());
        assertThat(good).hasSize(2).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo(Outcome.PASSED));
        Map<String, Outcome> loose = outcomes(contract(seed -> perturbedTo(0.99)).declaredBoundControl());
        assertThat(loose).hasSize(2).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo(Outcome.FAILED));
        // Without a broken copy of its own, the contract perturbs entry 0 by twice the declared bound: caught.
        Map<String, Outcome> byDefault = outcomes(contract(seed -> null).declaredBoundControl());
        assertThat(byDefault).hasSize(2).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo(Outcome.PASSED))
                .allSatisfy((name, outcome) -> assertThat(name).contains("2.0x the declared bound at output entry 0"));
    }

    private static EquivariantLayerContractTest contract(LongFunction<EquivariantLayer> broken) {
        return new EquivariantLayerContractTest() {
            @Override
            protected EquivariantLayer createLayer(long seed) {
                return declared(QuaternionMultiplication.Side.RIGHT);
            }

            @Override
            protected EquivariantLayer brokenCopy(long seed) {
                return broken.apply(seed);
            }
        };
    }

    /** A layer with a declared approximation around an exact one (the quaternion layers are all exact). */
    private static final class Declared extends EquivariantLayer {
        private final EquivariantLayer inner;
        private final ApproximateEquivariance declaration;

        Declared(EquivariantLayer inner, ApproximateEquivariance declaration) {
            super(inner.inType(), inner.outType());
            this.inner = registerModule("inner", inner);
            this.declaration = declaration;
        }

        @Override
        protected GeometricTensor apply(GeometricTensor input) {
            return inner.forward(input);
        }

        @Override
        public Optional<ApproximateEquivariance> approximation() {
            return Optional.of(declaration);
        }

        @Override
        public String toString() {
            return "Declared(" + inner + ")";
        }
    }
}
