package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.EXACT_IN_FLOAT64;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.sum;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Pointwise, norm and gated nonlinearities: equivariance for every element, values, gradients, refusals. */
class NonlinearitiesTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);
    private static final DihedralGroup D4 = DihedralGroup.of(4);
    private static final QuaternionGroup Q8 = QuaternionGroup.Q8;

    private record Case(String name, EquivariantLayer layer) {
    }

    private static List<Case> cases() {
        Representation c4 = Representation.regular(C4);
        Representation d4 = Representation.regular(D4);
        Representation q8 = Representation.regular(Q8);
        Representation o = Representation.regular(FiniteRotationGroup.octahedral());
        FieldType c4Grid = FieldType.of(Domain.grid(2), sum(c4, c4, Representation.trivial(C4)));
        FieldType d4Vectors = FieldType.of(Domain.vectors(), sum(d4, Representation.quotient(D4.rotations()), Representation.trivial(D4)));
        FieldType q8Vectors = FieldType.of(Domain.vectors(), sum(q8, q8));
        FieldType c4Points = FieldType.of(Domain.points(2), sum(Representation.quotient(C4.subgroup(2)), c4));
        return List.of(
                new Case("relu, C4 grid", PointwiseNonlinearity.relu(c4Grid)),
                new Case("elu, D4 vectors", PointwiseNonlinearity.elu(d4Vectors)),
                new Case("tanh, Q8 vectors", PointwiseNonlinearity.tanh(q8Vectors)),
                new Case("leaky relu, C4 points", PointwiseNonlinearity.leakyRelu(c4Points, 0.1)),
                new Case("norm relu, C4 grid irreps", new NormNonlinearity(FieldType.of(Domain.grid(2),
                        sum(C4.irrep("1"), C4.irrep("2"), c4, C4.irrep("1"))))),
                new Case("norm sigmoid, D4 vectors", new NormNonlinearity(FieldType.of(Domain.vectors(),
                        sum(D4.irrep("(1,1)"), D4.irrep("(1,1)"), D4.irrep("(1,0)"))), NormNonlinearity.Kind.SIGMOID)),
                new Case("norm relu, Q8 vectors", new NormNonlinearity(FieldType.of(Domain.vectors(), sum(Q8.irrep("H"), q8)))),
                new Case("norm relu, O vectors", new NormNonlinearity(FieldType.of(Domain.vectors(),
                        sum(Representation.standard(FiniteRotationGroup.octahedral()), o)))),
                new Case("gated, C4 grid", new GatedNonlinearity(FieldType.of(Domain.grid(2), sum(C4.irrep("1"), c4)))),
                new Case("gated, D4 points", new GatedNonlinearity(FieldType.of(Domain.points(2), sum(D4.irrep("(1,1)"), d4)))),
                new Case("gated, Q8 vectors", new GatedNonlinearity(FieldType.of(Domain.vectors(), sum(Q8.irrep("H"), Q8.irrep("i"))))));
    }

    @TestFactory
    Stream<DynamicTest> equivariantForEveryElement() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long seed = 21;
            Rng rng = new Rng(seed);
            c.layer().to(DType.FLOAT64);
            // A random bias so the norm nonlinearities are not at their identity start.
            c.layer().parameters().forEach(p -> p.set(Tensors.randn(rng, DType.FLOAT64, p.shape()).mul(0.5)));
            EquivarianceAssertions.assertThat(c.layer()).withSeed(seed)
                    .isEquivariantUnder(c.layer().inType().group().asFinite().elements()).within(EXACT_IN_FLOAT64);
        }));
    }

    @Test
    void pointwiseRefusesIrrepsAndSuggestsNormOrGated() {
        FieldType t = FieldType.of(Domain.vectors(), sum(Representation.regular(C4), C4.irrep("1")));
        assertThatThrownBy(() -> PointwiseNonlinearity.relu(t)).isInstanceOf(FieldTypeMismatchException.class)
                .hasMessageContaining("PointwiseNonlinearity(relu)").hasMessageContaining("irrep(1) of C4")
                .hasMessageContaining("not permutations").hasMessageContaining("Use NormNonlinearity")
                .hasMessageContaining("GatedNonlinearity");
        Representation skewed = C4.irrep("1").changeBasis(Matrix.ofRowMajor(2, 2, 2, 1, 0, 1));
        assertThatThrownBy(() -> PointwiseNonlinearity.relu(FieldType.of(Domain.vectors(), skewed)))
                .hasMessageContaining("Use GatedNonlinearity").hasMessageContaining("NormNonlinearity does not apply");
    }

    @Test
    void reluOnAnIrrepFailsTheEquivarianceCheckWhichIsWhyPointwiseRefusesIt() {
        // ReLU on an irrep, smuggled past PointwiseNonlinearity's refusal: what the refusal prevents is a real error.
        // (The kit's own negative controls, in groups' tests, show that the check fails broken layers in general.)
        FieldType t = FieldType.of(Domain.vectors(), C4.irrep("1"));
        EquivariantLayer smuggled = new EquivariantLayer(t, t) {
            @Override
            protected GeometricTensor apply(GeometricTensor input) {
                return input.withTensor(input.tensor().relu());
            }
        };
        assertThatThrownBy(() -> EquivarianceAssertions.assertThat(smuggled).withSeed(5).isEquivariantUnder(C4.elements()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected f(g·x) = g·f(x) for g = C4[r")
                .hasMessageContaining("seed 5");
    }

    @Test
    void normRefusesNonOrthogonalSummands() {
        Representation skewed = C4.irrep("1").changeBasis(Matrix.ofRowMajor(2, 2, 2, 1, 0, 1));
        assertThatThrownBy(() -> new NormNonlinearity(FieldType.of(Domain.vectors(), skewed)))
                .isInstanceOf(FieldTypeMismatchException.class).hasMessageContaining("non-orthogonal summand(s) changeBasis(irrep(1)) of C4")
                .hasMessageContaining("GatedNonlinearity");
    }

    @Test
    void normReluScalesEachFieldByItsShiftedNorm() {
        FieldType t = FieldType.of(Domain.vectors(), sum(C4.irrep("1"), C4.irrep("1")));
        NormNonlinearity layer = new NormNonlinearity(t);
        layer.to(DType.FLOAT64);
        layer.parameters().get(0).set(Tensors.of(new double[] {-1, -10}, DType.FLOAT64, 2));
        double[] y = layer.forward(GeometricTensor.of(Tensors.of(new double[] {3, 4, 3, 4}, DType.FLOAT64, 1, 4), t)).tensor().toDoubleArray();
        // |x| = 5: relu(5 - 1) / 5 = 0.8 keeps the direction; relu(5 - 10) = 0 switches the second field off.
        assertThat(y).containsExactly(new double[] {2.4, 3.2, 0, 0}, offset(1e-9));
    }

    @Test
    void gatedTakesOneTrivialGatePerFieldFirst() {
        FieldType gated = FieldType.of(Domain.vectors(), sum(C4.irrep("1"), Representation.regular(C4)));
        GatedNonlinearity layer = new GatedNonlinearity(gated);
        assertThat(layer.inType().representation().name()).isEqualTo("2x trivial + irrep(1) + regular");
        assertThat(layer.outType()).isEqualTo(gated);
        layer.to(DType.FLOAT64);
        double[] x = {0, 100, 1, 1, 2, 2, 2, 2};
        double[] y = layer.forward(GeometricTensor.of(Tensors.of(x, DType.FLOAT64, 1, 8), layer.inType())).tensor().toDoubleArray();
        assertThat(y).containsExactly(new double[] {0.5, 0.5, 2, 2, 2, 2}, offset(1e-9)); // sigmoid(0), sigmoid(100)
    }

    @Test
    void gradients() {
        FieldType reg = FieldType.of(Domain.vectors(), sum(Representation.regular(Q8), Representation.trivial(Q8)));
        FieldType irreps = FieldType.of(Domain.vectors(), sum(Q8.irrep("H"), Representation.regular(Q8)));
        check("pointwise elu", PointwiseNonlinearity.elu(reg), 1);
        NormNonlinearity norm = new NormNonlinearity(irreps);
        norm.to(DType.FLOAT64);
        norm.parameters().get(0).set(Tensors.of(new double[] {-0.3, 0.2}, DType.FLOAT64, 2));
        check("norm relu", norm, 2);
        check("norm sigmoid", new NormNonlinearity(irreps, NormNonlinearity.Kind.SIGMOID), 3);
        check("gated", new GatedNonlinearity(irreps), 4);
    }

    private static void check(String name, EquivariantLayer layer, long seed) {
        layer.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(seed), DType.FLOAT64, 2, layer.inType().channels());
        Function<Tensor[], Tensor> f = in -> layer.forward(GeometricTensor.of(in[0], layer.inType())).tensor();
        GradientCheck.of(name, f, x).seed(seed).assertCorrect();
    }
}
