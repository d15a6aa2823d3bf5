package org.equivariant4j.graph.egnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Forces as {@code -dE/dx} of an invariant EGNN energy: they are the negative gradient of the
 * energy (finite differences), E(3)-equivariant (the test kit, float64, 1e-9), and a loss on them
 * trains the parameters through the energy's second derivative (finite differences of the
 * parameter gradient of a force loss).
 */
class EgnnEnergyModelTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);

    private static Graph molecules(long seed) {
        Rng rng = new Rng(seed);
        List<Graph> parts = new ArrayList<>();
        for (int n : new int[] {4, 3}) {
            EdgeIndex e = Connectivity.fullyConnected(1, n);
            parts.add(Graph.builder(GraphFields.scalars(E3, 2)).features(Tensors.randn(rng, DType.FLOAT64, n, 2))
                    .positions(Tensors.randn(rng, DType.FLOAT64, n, 3)).edges(e).build());
        }
        return Graph.batch(parts);
    }

    private static EgnnEnergyModel model() {
        EgnnEnergyModel m = new EgnnEnergyModel(E3, 2, 6, 2, new Rng(4));
        m.to(DType.FLOAT64);
        return m;
    }

    private static double energy(EgnnEnergyModel m, Graph g, Tensor positions) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return m.nodeEnergies(g.withNodes(g.nodeType(), g.features(), positions)).sum().item();
        }
    }

    @Test
    void forcesAreTheNegativeGradientOfTheEnergy() {
        EgnnEnergyModel m = model();
        Graph g = molecules(1);
        double[] forces = m.forward(g).features().narrow(1, 1, 3).toDoubleArray();
        double[] x = g.positions().toDoubleArray();
        double eps = 1e-6;
        for (int j = 0; j < x.length; j++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] += eps;
            minus[j] -= eps;
            double numeric = -(energy(m, g, Tensors.of(plus, DType.FLOAT64, g.positions().shape()))
                    - energy(m, g, Tensors.of(minus, DType.FLOAT64, g.positions().shape()))) / (2 * eps);
            assertThat(forces[j]).as("force entry %d", j).isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));
        }
        assertThat(forces).as("a zero force field would pass the checks below trivially").satisfies(
                f -> assertThat(java.util.Arrays.stream(f).map(Math::abs).max().orElse(0)).isGreaterThan(1e-3));
    }

    @Test
    void forcesAreEquivariantUnderRigidMotions() {
        Graph g = molecules(2);
        List<GroupElement> elements = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(9);
        for (int i = 0; i < 5; i++) {
            elements.add(E3.sample(rng));
        }
        EquivarianceAssertions.assertThat(model().bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements)
                .within(1e-9, 1e-9);
    }

    /**
     * A force-matching loss: its parameter gradient runs through {@code d(dE/dx)/d theta}, a
     * second-order path every op of the EGNN layer (gathers, segment sums, SiLU, matmul, concat) takes part in.
     */
    @Test
    void trainingOnForcesDifferentiatesThroughTheSecondDerivative() {
        EgnnEnergyModel m = model();
        Graph g = molecules(3);
        Tensor target = Tensors.randn(new Rng(12), DType.FLOAT64, g.numNodes(), 3);
        // The first, a middle and the last weight: the first layer's is the farthest from the
        // loss, so its gradient takes the second-order path through every op of both layers.
        List<String> weights = m.namedParameters().keySet().stream().filter(n -> n.endsWith("weight")).toList();
        for (String name : List.of(weights.get(0), weights.get(weights.size() / 2), weights.get(weights.size() - 1))) {
            ParameterGradientCheck.of(m, name, () -> {
                Tensor d = m.forward(g).features().narrow(1, 1, 3).sub(target);
                return d.mul(d).sum();
            }).entries(3).assertCorrect();
        }
    }
}
