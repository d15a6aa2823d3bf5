package org.equivariant4j.fields.latentforce.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local-frame interaction network on its own: rotation-, translation- and permutation-equivariant by the test kit
 * (float64, 1e-9, E(2)'s proper testing elements and 6 sampled ones), and — the negative control of the same check at
 * the same bound — not reflection-equivariant, since a frame built from one vector by a +90° turn is chiral. Its
 * gradients (parameters, and positions and velocities, through which the frames vary) match finite differences,
 * with a particle at rest among the inputs; the zero-velocity rule of {@link LocalFrames} holds: finite values, zero
 * interaction acceleration at rest, LoCS's orthonormal frame at ordinary speeds.
 */
class LocalFrameInteractionsTest {
    private static final EuclideanGroup E2 = EuclideanGroup.full(2);

    private static Graph batch() {
        FieldDataset data = FieldDataset.generate(FieldSystem.electrostatic().withSteps(300), 3, 3, 0, 1);
        return new Transitions(data.train(), E2, DType.FLOAT64).state(new int[] {0, 1, 2}, new int[] {0, 1, 2});
    }

    private static LocalFrameInteractions layer(long seed) {
        LocalFrameInteractions m = new LocalFrameInteractions(E2, 8, 2, new Rng(seed));
        m.to(DType.FLOAT64);
        return m;
    }

    /** E(2)'s testing elements and 6 sampled ones whose linear part has determinant {@code sign}. */
    private static List<GroupElement> elements(int sign) {
        List<GroupElement> all = new ArrayList<>(E2.testingElements());
        Rng rng = new Rng(7);
        for (int i = 0; i < 12; i++) {
            all.add(E2.sample(rng));
        }
        List<GroupElement> out = new ArrayList<>();
        for (GroupElement g : all) {
            Matrix m = ((EuclideanGroup.Element) g).linearPart();
            if (Math.signum(m.get(0, 0) * m.get(1, 1) - m.get(0, 1) * m.get(1, 0)) == sign) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void isEquivariantUnderRotationsTranslationsAndPermutations() {
        Graph g = batch();
        LocalFrameInteractions m = layer(1);
        List<GroupElement> proper = elements(1);
        assertThat(proper).hasSizeGreaterThanOrEqualTo(6);
        EquivarianceAssertions.assertThat(m.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(proper)
                .within(1e-9, 1e-9);
        PermutationEquivariance.of("local frames", (Graph x) -> GraphFields.pack(m.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 4, 9)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }

    /** Negative control: the same kit at the same bound fails under reflections (errors of order one). */
    @Test
    void isNotEquivariantUnderReflections() {
        Graph g = batch();
        List<GroupElement> improper = elements(-1);
        assertThat(improper).isNotEmpty();
        var report = EquivarianceChecker.measure(layer(1).bind(g), improper, List.of(GraphFields.pack(g)));
        assertThat(report.passes(Tolerance.of(1e-9, 1e-9))).as("a chiral frame under reflections").isFalse();
        assertThat(report.passes(Tolerance.of(1e-3, 1e-3))).as("not a rounding-level failure").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding.weight", "edge0.linear0.linear.weight", "edge1.linear1.linear.bias",
            "node1.linear0.linear.weight", "decoder.layers.2.weight"})
    void parameterGradientsMatchFiniteDifferences(String parameter) {
        Graph g = batch();
        LocalFrameInteractions m = layer(4);
        ParameterGradientCheck.of(m, parameter, () -> {
            Tensor x = m.forward(g).positions();
            return x.mul(x).sum();
        }).entries(6).seed(5).assertCorrect();
    }

    /** Through the frames: positions and velocities, one particle at rest (the zero-velocity rule is smooth). */
    @Test
    void inputGradientsMatchFiniteDifferencesWithAParticleAtRest() {
        Graph g = atRest(batch(), 0);
        LocalFrameInteractions m = layer(6);
        GradientCheck.of("local-frame interactions", in -> {
            Graph y = g.withNodes(g.nodeType(), g.features(), in[0]).withVelocities(in[1]);
            Tensor a = m.forward(y).positions().sub(in[0]);
            return a.mul(a).sum();
        }, g.positions(), g.velocities()).seed(3).assertCorrect();
    }

    /** The rule: a particle at rest gets zero interaction acceleration and finite gradients; nothing turns NaN. */
    @Test
    void aParticleAtRestReceivesZeroInteractionAccelerationAndNothingIsNaN() {
        Graph g = atRest(batch(), 0);
        LocalFrameInteractions m = layer(8);
        Tensor a = m.forward(g).positions().sub(g.positions());
        double[] values = a.toDoubleArray();
        assertThat(finite(values)).as("finite accelerations").isTrue();
        assertThat(Math.abs(values[0]) + Math.abs(values[1])).isZero();
        assertThat(Math.abs(values[2]) + Math.abs(values[3])).as("a moving neighbour still interacts").isPositive();
        a.mul(a).sum().backward();
        m.namedParameters().forEach((name, p) -> assertThat(finite(p.grad().toDoubleArray())).as(name).isTrue());
        Graph still = g.withVelocities(Tensors.zeros(DType.FLOAT64, g.numNodes(), 2));
        assertThat(m.forward(still).positions().sub(still.positions()).abs().max().item()).as("all at rest").isZero();
    }

    @Test
    void theFrameIsLocsOrthonormalFrameAtOrdinarySpeeds() {
        Tensor v = Tensors.of(new double[] {0.3, -0.4, 0, 0}, DType.FLOAT64, 2, 2);
        LocalFrames f = LocalFrames.of(v);
        double[] local = f.toLocal(Tensors.of(new double[] {0.3, -0.4, 1, 2}, DType.FLOAT64, 2, 2)).toDoubleArray();
        assertThat(local[0]).isCloseTo(0.5, within(1e-5));
        assertThat(local[1]).isCloseTo(0.0, within(1e-12));
        assertThat(local[2]).isZero();
        assertThat(local[3]).isZero();
        double[] back = f.toGlobal(Tensors.of(new double[] {0, 1, 1, 1}, DType.FLOAT64, 2, 2)).toDoubleArray();
        assertThat(back[0]).isCloseTo(0.8, within(1e-5));
        assertThat(back[1]).isCloseTo(0.6, within(1e-5));
    }

    @Test
    void threeDimensionsAreRefusedNamingTheLayer() {
        assertThatThrownBy(() -> new LocalFrameInteractions(EuclideanGroup.full(3), 8, 2, new Rng(1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("LocalFrameInteractions")
                .hasMessageContaining("2D only");
    }

    private static boolean finite(double[] values) {
        return java.util.Arrays.stream(values).allMatch(Double::isFinite);
    }

    private static Graph atRest(Graph g, int node) {
        double[] v = g.velocities().toDoubleArray();
        v[2 * node] = 0;
        v[2 * node + 1] = 0;
        return g.withVelocities(Tensors.of(v, DType.FLOAT64, g.numNodes(), 2));
    }
}
