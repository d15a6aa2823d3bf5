package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.optim.Adam;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.Test;

/**
 * The whole chain on a group from a third-party plugin: Q8 (quaternion-group plugin) → generic layers →
 * training. An invariant MLP learns an invariant function of x in R^8 (the regular representation) and
 * its output is invariant under all 8 elements before and after training.
 */
class InvariantMlpQ8Test {
    private static final QuaternionGroup Q8 = QuaternionGroup.Q8;
    private static final FieldType IN = FieldType.of(Domain.vectors(), Representation.regular(Q8));
    private static final int STEPS = 80;

    /**
     * y = max_g x_g + 0.25 Σ_g x_g x_{g·i}. Under the regular action (ρ(k)x)_g = x_{k⁻¹g} both terms are
     * invariant: the max of a permuted vector, and the autocorrelation at lag i (right multiplication
     * commutes with the left action).
     */
    static double target(double[] x, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        double correlation = 0;
        List<GroupElement> elements = Q8.elements();
        for (int g = 0; g < 8; g++) {
            max = Math.max(max, x[offset + g]);
            correlation += x[offset + g] * x[offset + Q8.indexOf(Q8.compose(elements.get(g), Q8.i()))];
        }
        return max + 0.25 * correlation;
    }

    private record Data(Tensor x, Tensor y) {
    }

    private static Data data(int n, long seed) {
        Tensor x = Tensors.randn(new Rng(seed), n, 8);
        double[] v = x.toDoubleArray();
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            y[s] = target(v, 8 * s);
        }
        return new Data(x, Tensors.of(y, DType.FLOAT32, n, 1));
    }

    @Test
    void targetIsInvariant() {
        double[] x = data(1, 9).x().toDoubleArray();
        for (GroupElement g : Q8.elements()) {
            double[] gx = IN.representation().matrix(g).multiply(x);
            assertThat(target(gx, 0)).as("target at %s", g).isCloseTo(target(x, 0), offset(1e-12));
        }
    }

    @Test
    void learnsAnInvariantFunctionAndStaysInvariant() {
        InvariantMlp model = new InvariantMlp(IN, 8, 1, new Rng(2024));
        Data train = data(1024, 1);
        Data test = data(256, 2);
        double baseline = variance(test.y());
        double initialLoss = loss(model, train);
        Adam adam = new Adam(model.parameters(), 0.03);
        for (int step = 0; step < STEPS; step++) {
            model.zeroGrad();
            Tensor l = model.forward(GeometricTensor.of(train.x(), IN)).tensor().sub(train.y()).pow(2).mean();
            l.backward();
            adam.step();
        }
        double trainLoss = loss(model, train);
        double testLoss = loss(model, test);
        System.out.printf("InvariantMlp on Q8: train MSE %.4f -> %.4f after %d Adam steps; test MSE %.4f, target variance %.4f%n",
                initialLoss, trainLoss, STEPS, testLoss, baseline);
        // Measured (seeded): train MSE 7.24 -> 0.089, held-out MSE 0.109 against a target variance of 0.708 (R² 0.85).
        assertThat(trainLoss).as("train loss after training vs %.4f at start", initialLoss).isLessThan(0.05 * initialLoss);
        assertThat(testLoss).as("held-out loss vs the target's variance %.4f", baseline).isLessThan(0.25 * baseline);

        Tensor x = test.x().narrow(0, 0, 32);
        assertInvariant(model, x, 1e-5);
        model.to(DType.FLOAT64);
        assertInvariant(model, x.to(DType.FLOAT64), 1e-10);
    }

    @Test
    void isTheDocumentedChainAndNeedsAFiniteGroup() {
        InvariantMlp model = new InvariantMlp(IN, 4, 2, new Rng(1));
        assertThat(model.layers().layers()).hasSize(5);
        assertThat(model.layers().layers().get(3)).hasToString("GroupPooling(MAX: 4x regular -> 4x trivial)");
        assertThat(model.outType().representation().name()).isEqualTo("2x trivial");
        FieldType continuous = FieldType.of(Domain.vectors(), Representation.trivial(org.equivariant4j.groups.SO3.group()));
        assertThatThrownBy(() -> new InvariantMlp(continuous, 4, 1, new Rng(1)))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("SO(3) is not a finite group");
    }

    private static void assertInvariant(InvariantMlp model, Tensor x, double tolerance) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            GeometricTensor field = GeometricTensor.of(x, IN);
            Tensor fx = model.forward(field).tensor();
            for (GroupElement g : Q8.elements()) {
                double error = model.forward(field.transform(g)).tensor().sub(fx).abs().max().item();
                assertThat(error).as("max |f(g.x) - f(x)| at %s in %s", g, x.dtype()).isLessThan(tolerance);
            }
        }
    }

    private static double loss(InvariantMlp model, Data d) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return model.forward(GeometricTensor.of(d.x(), IN)).tensor().sub(d.y()).pow(2).mean().item();
        }
    }

    private static double variance(Tensor y) {
        return y.sub(y.mean()).pow(2).mean().item();
    }
}
