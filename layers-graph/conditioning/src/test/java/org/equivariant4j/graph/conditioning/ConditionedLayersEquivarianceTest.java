package org.equivariant4j.graph.conditioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyModel;
import org.equivariant4j.graph.message.RadialBasis;
import org.equivariant4j.graph.empcn.CellLifting;
import org.equivariant4j.graph.empcn.EmpcnNetwork;
import org.equivariant4j.graph.empcn.EmpcnVariant;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conditioned message functions keep a layer's equivariance when the attributes are invariant: the N-body
 * EGNN conditioned on the charge product (as in the experiments), and an EMPCN whose edge and cell messages
 * are conditioned (weak, strong, pure) on charges-like edge attributes and on the cells' distances, lengths
 * and areas, and the N-body EGNN conditioned on a radial basis of the distance (with a finite-difference check
 * of its gradient through the basis), checked with the test kit on a two-graph batch for E(3)
 * (testing elements and 6 sampled elements, float64 within 1e-9) and node permutations (within 1e-10).
 */
class ConditionedLayersEquivarianceTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);

    private static Graph batch(long seed) {
        Rng rng = new Rng(seed);
        EdgeIndex e = Connectivity.fullyConnected(new int[] {4, 3}, false);
        return Graph.builder(GraphFields.scalars(E3, 1)).features(Tensors.randn(rng, DType.FLOAT64, 7, 1))
                .positions(Tensors.randn(rng, DType.FLOAT64, 7, 3)).velocities(Tensors.randn(rng, DType.FLOAT64, 7, 3))
                .edges(e).edgeAttributes(GraphFields.invariantEdges(E3, 2), Tensors.randn(rng, DType.FLOAT64, e.size(), 2))
                .batch(new int[] {0, 0, 0, 0, 1, 1, 1}, 2).build();
    }

    private static EmpcnNetwork network(ConditioningMode mode, long seed) {
        EmpcnNetwork n = EmpcnNetwork.builder(E3, 1, 4).layers(2).edgeAttributes(2).variant(EmpcnVariant.DECOUPLED)
                .velocity(true).lifting(CellLifting.triangles()).linearFactory(ConditioningFactory.of(mode))
                .rng(new Rng(seed)).build();
        n.to(DType.FLOAT64);
        return n;
    }

    private static List<GroupElement> elements(long seed) {
        List<GroupElement> out = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(seed);
        for (int i = 0; i < 6; i++) {
            out.add(E3.sample(rng));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void conditionedEmpcnIsEquivariantUnderRigidMotionsAndNodePermutations(ConditioningMode mode) {
        Graph g = batch(1);
        EmpcnNetwork n = network(mode, 2);
        EquivarianceAssertions.assertThat(n.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements(3))
                .within(1e-9, 1e-9);
        PermutationEquivariance.of(n.toString(), (Graph x) -> GraphFields.pack(n.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 5, 4)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void conditionedEgnnIsEquivariantUnderRigidMotionsAndNodePermutations(ConditioningMode mode) {
        Graph two = batch(5);
        Graph g = two.withEdgeAttributes(GraphFields.invariantEdges(E3, 1), two.edgeAttributes().narrow(1, 0, 1));
        EgnnNBodyModel m = new EgnnNBodyModel(E3, 8, 2, ConditioningFactory.of(mode).conditionOn(0), new Rng(6));
        m.to(DType.FLOAT64);
        EquivarianceAssertions.assertThat(m.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements(7))
                .within(1e-9, 1e-9);
        PermutationEquivariance.of(m.toString(), (Graph x) -> GraphFields.pack(m.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 5, 8)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }

    @ParameterizedTest
    @EnumSource(ConditioningMode.class)
    void egnnConditionedOnARadialBasisIsEquivariantAndDifferentiable(ConditioningMode mode) {
        Graph two = batch(9);
        Graph g = two.withEdgeAttributes(GraphFields.invariantEdges(E3, 1), two.edgeAttributes().narrow(1, 0, 1));
        RadialBasis basis = RadialBasis.of(4, 3.0);
        EgnnNBodyModel m = new EgnnNBodyModel(E3, 6, 2, ConditioningFactory.of(mode).conditionOn(2, 3, 4, 5), basis,
                new Rng(10));
        m.to(DType.FLOAT64);
        assertThat(m.edgeAttributeCount()).isEqualTo(6);
        EquivarianceAssertions.assertThat(m.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements(11))
                .within(1e-9, 1e-9);
        PermutationEquivariance.of(m.toString(), (Graph x) -> GraphFields.pack(m.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 5, 12)).assertWithin(Tolerance.of(1e-10, 1e-10));
        // the basis is computed from the positions, so their gradient flows through it too
        GradientCheck.of("radial-basis conditioned EGNN (" + mode + ") positions, velocities",
                in -> m.forward(g.withNodes(g.nodeType(), g.features(), in[0]).withVelocities(in[1])).positions(),
                g.positions(), g.velocities()).assertCorrect();
    }
}
