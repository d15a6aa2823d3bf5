package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.groups.SO2;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** EquivariantLinear on C4, D4, the plugin group Q8 and the octahedral group, on vectors, grids and points. */
class EquivariantLinearTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);
    private static final DihedralGroup D4 = DihedralGroup.of(4);
    private static final QuaternionGroup Q8 = QuaternionGroup.Q8;
    private static final FiniteRotationGroup O = FiniteRotationGroup.octahedral();

    /**
     * The blocks are exact, so their float64 checks are held to 1e-10 + 1e-10·|f(x)|∞, ten times tighter
     * than the kit's float64 default (the bound these tests used before they moved onto the kit).
     */
    static final Tolerance EXACT_IN_FLOAT64 = Tolerance.of(1e-10, 1e-10);

    private record Case(String name, FieldType in, FieldType out) {
    }

    static Representation sum(Representation... parts) {
        return Representation.directSum(List.of(parts));
    }

    private static List<Case> cases() {
        Representation c4 = Representation.regular(C4);
        Representation d4 = Representation.regular(D4);
        Representation q8 = Representation.regular(Q8);
        Representation o = Representation.regular(O);
        Domain vectors = Domain.vectors();
        return List.of(
                // Interleaved summand types on both sides exercise the reordering of the assembled weight.
                new Case("C4 vectors, interleaved", FieldType.of(vectors, sum(c4, C4.irrep("1"), Representation.trivial(C4), c4)),
                        FieldType.of(vectors, sum(C4.irrep("1"), c4, c4, Representation.trivial(C4), C4.irrep("2")))),
                new Case("C4 grid", FieldType.of(Domain.grid(2), sum(c4, c4, Representation.trivial(C4))),
                        FieldType.of(Domain.grid(2), sum(c4, C4.irrep("1")))),
                new Case("C4 points", FieldType.of(Domain.points(2), sum(Representation.standard(C4), Representation.trivial(C4))),
                        FieldType.of(Domain.points(2), sum(c4, Representation.standard(C4)))),
                new Case("D4 vectors", FieldType.of(vectors, sum(d4, D4.irrep("(1,1)"))),
                        FieldType.of(vectors, sum(Representation.quotient(D4.rotations()), d4, D4.irrep("(1,0)")))),
                new Case("D4 grid", FieldType.of(Domain.grid(2), d4), FieldType.of(Domain.grid(2), sum(d4, d4))),
                new Case("Q8 (plugin) vectors", FieldType.of(vectors, sum(q8, Q8.irrep("H"))),
                        FieldType.of(vectors, sum(Q8.irrep("H"), q8, q8, Q8.irrep("i")))),
                new Case("O vectors", FieldType.of(vectors, sum(o, Representation.standard(O))),
                        FieldType.of(vectors, sum(Representation.standard(O), o, Representation.trivial(O)))));
    }

    @TestFactory
    Stream<DynamicTest> equivariantForEveryElement() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long seed = 11;
            Rng rng = new Rng(seed);
            EquivariantLinear layer = new EquivariantLinear(c.in(), c.out(), rng);
            layer.to(DType.FLOAT64);
            randomiseBiases(layer, rng);
            EquivarianceAssertions.assertThat(layer).withSeed(seed).isEquivariantUnder(c.in().group().asFinite().elements())
                    .within(EXACT_IN_FLOAT64);
        }));
    }

    @TestFactory
    Stream<DynamicTest> weightIntertwinesTheRepresentations() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            EquivariantLinear layer = new EquivariantLinear(c.in(), c.out(), new Rng(3));
            layer.to(DType.FLOAT64);
            Tensor w = layer.weight();
            assertThat(w.shape()).containsExactly(c.out().channels(), c.in().channels());
            Matrix weight = Matrix.ofRowMajor(w.size(0), w.size(1), w.toDoubleArray());
            for (GroupElement g : ((FiniteGroup) c.in().group()).elements()) {
                Matrix left = c.out().representation().matrix(g).multiply(weight);
                Matrix right = weight.multiply(c.in().representation().matrix(g));
                assertThat(left.maxAbsDifference(right)).as("ρ_out(%s) W - W ρ_in(%s)", g, g).isLessThan(1e-12);
            }
        }));
    }

    @Test
    void parametersArePerTypePairAndTheBiasOnlyOnInvariants() {
        Representation reg = Representation.regular(C4);
        FieldType in = FieldType.of(Domain.vectors(), sum(reg, reg, C4.irrep("1")));
        FieldType out = FieldType.of(Domain.vectors(), sum(C4.irrep("1"), reg, reg, reg));
        EquivariantLinear layer = new EquivariantLinear(in, out, new Rng(1));
        Map<String, Parameter> p = layer.namedParameters();
        // Out types: irrep(1) (0), regular (1); in types: regular (0), irrep(1) (1).
        assertThat(p.keySet()).containsExactly("weight_0_0", "weight_0_1", "weight_1_0", "weight_1_1", "bias_1");
        assertThat(p.get("weight_0_0").shape()).containsExactly(1, 2, 2); // 1 irrep(1) out, 2 regular in, 2 maps
        assertThat(p.get("weight_1_0").shape()).containsExactly(3, 2, 4); // regular -> regular: 4 maps
        assertThat(p.get("weight_1_1").shape()).containsExactly(3, 1, 2);
        assertThat(p.get("bias_1").shape()).containsExactly(3, 1); // the constant vector of each regular field
        assertThat(layer.bias().orElseThrow().toDoubleArray()).containsOnly(0.0);
        assertThat(layer).hasToString("EquivariantLinear(2x regular + irrep(1) -> irrep(1) + 3x regular, "
                + layer.parameterCount() + " parameters)");
        assertThat(new EquivariantLinear(in, out, false, new Rng(1)).bias()).isEmpty();
    }

    @Test
    void noEquivariantMapGivesZeroWithoutParameters() {
        FieldType in = FieldType.of(Domain.vectors(), C4.irrep("1"));
        FieldType out = FieldType.of(Domain.vectors(), Representation.trivial(C4));
        EquivariantLinear layer = new EquivariantLinear(in, out, false, new Rng(1));
        assertThat(layer.parameters()).isEmpty();
        Tensor y = layer.forward(GeometricTensor.of(Tensors.randn(new Rng(2), DType.FLOAT64, 3, 2), in)).tensor();
        assertThat(y.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(y.toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void gradientsOfTheCoefficientsAndTheInput() {
        // Interleaved summands on both sides, so the gradient also flows through the reordering.
        Representation reg = Representation.regular(Q8);
        FieldType in = FieldType.of(Domain.vectors(), sum(Q8.irrep("i"), reg, Q8.irrep("i")));
        FieldType out = FieldType.of(Domain.vectors(), sum(reg, Q8.irrep("H"), reg));
        EquivariantLinear layer = new EquivariantLinear(in, out, new Rng(5));
        layer.to(DType.FLOAT64);
        GradientCheck.of("EquivariantLinear basis expansion", c -> layer.weight(List.of(c)),
                layer.coefficients().toArray(Tensor[]::new)).assertCorrect();
        Tensor x = Tensors.randn(new Rng(6), DType.FLOAT64, 2, in.channels());
        GradientCheck.of("EquivariantLinear forward", v -> layer.forward(GeometricTensor.of(v[0], in)).tensor(), x)
                .assertCorrect();
    }

    @Test
    void heLikeInitialisationKeepsTheSecondMoment() {
        Representation reg = Representation.regular(Q8);
        FieldType in = FieldType.of(Domain.vectors(), Representation.directSum(java.util.Collections.nCopies(16, reg)));
        FieldType out = FieldType.of(Domain.vectors(), Representation.directSum(java.util.Collections.nCopies(16, reg)));
        EquivariantLinear layer = new EquivariantLinear(in, out, false, new Rng(7));
        Tensor x = Tensors.randn(new Rng(8), 512, in.channels());
        double secondMoment = layer.forward(GeometricTensor.of(x, in)).tensor().pow(2).mean().item();
        // He: E[y²] = 2 E[x²] = 2; the weights are one random draw, so allow a margin.
        assertThat(secondMoment).isBetween(1.5, 2.5);
    }

    @Test
    void continuousGroupsAreRefusedWithAFiniteSubgroupSuggested() {
        FieldType t = FieldType.of(Domain.vectors(), Representation.trivial(SO2.group()));
        assertThatThrownBy(() -> new EquivariantLinear(t, t, new Rng(0))).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("SO(2) is not a finite group").hasMessageContaining("C_n or D_n");
    }

    @Test
    void typesOnDifferentDomainsAreRefused() {
        Representation reg = Representation.regular(C4);
        assertThatThrownBy(() -> new EquivariantLinear(FieldType.of(Domain.grid(2), reg), FieldType.of(Domain.vectors(), reg),
                new Rng(0))).isInstanceOf(FieldTypeMismatchException.class).hasMessageContaining("different domains");
    }

    private static void randomiseBiases(EquivariantLinear layer, Rng rng) {
        layer.namedParameters().forEach((name, p) -> {
            if (name.startsWith("bias")) {
                p.set(Tensors.randn(rng, DType.FLOAT64, p.shape()));
            }
        });
    }
}
