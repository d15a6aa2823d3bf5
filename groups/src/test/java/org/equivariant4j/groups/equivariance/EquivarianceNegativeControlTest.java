package org.equivariant4j.groups.equivariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.equivariance.ElementError;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.RandomFields;
import org.junit.jupiter.api.Test;

/**
 * The equivariance kit against layers whose (in)equivariance is known: exact layers pass every element in
 * both dtypes; a layer off by 1e-2 at one entry fails both default tolerances and is located exactly; a
 * badly broken one fails by orders of magnitude; a declared approximation is honoured and shown. A kit
 * that cannot fail is worthless (e3nn's negative control).
 */
class EquivarianceNegativeControlTest {
    static final CyclicGroup C4 = CyclicGroup.of(4);
    static final FieldType REGULAR = FieldType.of(Domain.grid(2), Representation.regular(C4));
    static final long SEED = 7;
    /** Flat index of [batch 0, channel 0, row 0, column 1] in a [2, 4, 5, 5] output. */
    static final int ENTRY = 1;

    static PerturbedLayer slightlyBroken(ApproximateEquivariance declared) {
        return new PerturbedLayer(new PointwiseRelu(REGULAR), 1e-2, ENTRY, declared);
    }

    static AssertionError failureOf(Runnable assertion) {
        return catchThrowableOfType(AssertionError.class, assertion::run);
    }

    @Test
    void exactLayersPassEveryElementInBothDtypes() {
        for (EquivariantLayer layer : List.of(new PointwiseRelu(REGULAR), new RegularChannelMix(C4, Domain.grid(2), SEED))) {
            for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
                EquivarianceAssertions.assertThat(layer).inDType(dtype).withSeed(SEED).isEquivariantUnder(C4.elements());
            }
            // exact means exact: far below the float64 tolerance, not just within it
            EquivarianceReport report = EquivarianceChecker.of(layer).measure(C4.elements(),
                    List.of(RandomFields.defaults().generate(REGULAR, SEED)));
            assertThat(report.worst().orElseThrow().maxAbsolute()).as(report.describe()).isLessThan(1e-12);
        }
    }

    @Test
    void aLayerOffBy1eMinus2FailsBothDtypeTolerancesAndNamesTheElementIndexAndSeed() {
        PerturbedLayer layer = slightlyBroken(null);
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            AssertionError e = failureOf(() -> EquivarianceAssertions.assertThat(layer).inDType(dtype).withSeed(SEED)
                    .isEquivariantUnder(C4.elements()));
            assertThat(e).as("%s must fail in %s", layer, dtype).isNotNull();
            assertThat(e.getMessage()).contains("expected f(g·x) = g·f(x) for g = C4[r", "within", "at input 0 index [",
                    "seed " + SEED, dtype + " default", "3 of 4 elements fail")
                    .containsPattern("but was max \\|error\\| 0\\.0(1|099)"); // 1e-2, give or take a float32 ulp
        }
    }

    @Test
    void theReportLocatesTheErrorAtThePerturbedEntryOrItsImage() {
        PerturbedLayer layer = slightlyBroken(null);
        GeometricTensor x = RandomFields.defaults().generate(REGULAR, SEED);
        EquivarianceReport report = EquivarianceChecker.of(layer).seed(SEED).measure(C4.elements(), List.of(x));
        assertThat(report.errorOf(C4.identity()).orElseThrow().maxAbsolute()).isZero();
        for (GroupElement g : C4.elements()) {
            if (g.equals(C4.identity())) {
                continue;
            }
            ElementError e = report.errorOf(g).orElseThrow();
            assertThat(e.maxAbsolute()).as(e.describe()).isCloseTo(1e-2, within(1e-12));
            assertThat(e.meanAbsolute()).as("two entries of %s are off", x.tensor().numel())
                    .isCloseTo(2e-2 / x.tensor().numel(), within(1e-12));
            // the pattern sits at ENTRY in f(g·x) and at g·ENTRY in g·f(x): the worst entry is one of the two
            assertThat(e.worstFlatIndex()).as(e.describe()).isIn((long) ENTRY, imageOf(ENTRY, g, x));
            assertThat(e.worstInput()).isZero();
        }
        ElementError r1 = report.errorOf(C4.rotation(1)).orElseThrow();
        assertThat(r1.worstIndex()).as("multi-index of flat %s in [2, 4, 5, 5]", r1.worstFlatIndex()).containsExactly(
                (int) r1.worstFlatIndex() / 100, (int) r1.worstFlatIndex() / 25 % 4, (int) r1.worstFlatIndex() / 5 % 5,
                (int) r1.worstFlatIndex() % 5);
    }

    /** Where g moves the one-hot output entry {@code flat}: transform the one-hot field itself. */
    private static long imageOf(int flat, GroupElement g, GeometricTensor like) {
        double[] oneHot = new double[(int) like.tensor().numel()];
        oneHot[flat] = 1;
        double[] moved = like.withTensor(Tensors.of(oneHot, DType.FLOAT64, like.tensor().shape()))
                .transform(g).tensor().toDoubleArray();
        for (int i = 0; i < moved.length; i++) {
            if (moved[i] == 1) {
                return i;
            }
        }
        throw new AssertionError("one-hot lost by " + g);
    }

    @Test
    void aBadlyBrokenLayerFailsByOrdersOfMagnitude() {
        ShiftedLayer layer = new ShiftedLayer(REGULAR);
        AssertionError e = failureOf(() -> EquivarianceAssertions.assertThat(layer).inDType(DType.FLOAT32)
                .isEquivariantUnder(C4.elements()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("3 of 4 elements fail", "seed " + EquivarianceAssertions.seed());
        EquivarianceReport report = EquivarianceChecker.of(layer).measure(C4.elements(),
                List.of(RandomFields.defaults().generate(REGULAR, SEED)));
        assertThat(report.errorOf(C4.rotation(1)).orElseThrow().maxAbsolute()).isGreaterThan(1);
    }

    @Test
    void aDeclaredApproximationIsTheToleranceAndItsReasonIsReported() {
        String reason = "test layer: one output entry is off by 1e-2";
        PerturbedLayer honest = slightlyBroken(new ApproximateEquivariance(5e-2, 0, reason));
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            EquivarianceReport report = EquivarianceAssertions.assertThat(honest).inDType(dtype).withSeed(SEED)
                    .isEquivariantUnder(C4.elements()).report();
            assertThat(report.describe()).contains(reason, "declared approximate");
            assertThat(report.defaultTolerance().origin()).contains(reason);
        }
        // the declaration bounds the check: stricter than the declared 5e-2 still fails, with the reason shown
        AssertionError tighter = failureOf(() -> EquivarianceAssertions.assertThat(honest).isEquivariantUnder(C4.elements())
                .within(1e-3, 0));
        assertThat(tighter.getMessage()).contains(reason, "explicit");
        // declaring less than the actual error fails
        PerturbedLayer optimistic = slightlyBroken(new ApproximateEquivariance(5e-3, 0, "claims 5e-3"));
        assertThat(failureOf(() -> EquivarianceAssertions.assertThat(optimistic).isEquivariantUnder(C4.elements())))
                .hasMessageContaining("claims 5e-3").hasMessageContaining("but was max |error| 0.01");  // float64: exact
    }

    @Test
    void inputGradientsOfAnExactLayerTransformAndThoseOfABrokenOneDoNot() {
        RegularChannelMix exact = new RegularChannelMix(C4, Domain.grid(2), SEED);
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            EquivarianceAssertions.assertThat(exact).inDType(dtype).hasEquivariantGradientUnder(C4.elements());
        }
        // ∇ Σ (f + p)² = 2 Jᵀ (f + p): the pattern breaks the gradient too
        PerturbedLayer broken = new PerturbedLayer(new RegularChannelMix(C4, Domain.grid(2), SEED), 1e-2, ENTRY, null);
        AssertionError e = failureOf(() -> EquivarianceAssertions.assertThat(broken).hasEquivariantGradientUnder(
                C4.elements()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("∇L(g·x) = g·∇L(x) with L(x) = Σ f(x)²", "g = C4[r");
    }

    @Test
    void measuringInFloat64LeavesAFloat32LayerExactlyAsItWas() {
        RegularChannelMix layer = new RegularChannelMix(C4, Domain.grid(2), SEED);
        double[] before = layer.stateDict().get("weight").toDoubleArray();
        layer.train();
        EquivarianceAssertions.assertThat(layer).inDType(DType.FLOAT64).isEquivariantUnder(C4.elements());
        EquivarianceAssertions.assertThat(layer).inDType(DType.FLOAT64).hasEquivariantGradientUnder(C4.elements());
        assertThat(layer.stateDict().get("weight").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(layer.stateDict().get("weight").toDoubleArray()).containsExactly(before);
        assertThat(layer.isTraining()).as("training mode restored").isTrue();
        assertThat(layer.parameters()).allSatisfy(p -> assertThat(p.grad()).isNull());
    }
}
