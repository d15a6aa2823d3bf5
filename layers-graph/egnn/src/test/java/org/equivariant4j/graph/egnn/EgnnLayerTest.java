package org.equivariant4j.graph.egnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.message.Aggregation;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EGNN layer: E(3) equivariance (the group's testing elements — rotations, reflections, translations —
 * plus 10 sampled rigid motions, float64 within 1e-9 absolute + 1e-9 relative, float32 within the kit's
 * default 1e-3 + 1e-3 relative), node-permutation equivariance (float64, 1e-12), float64 gradient checks
 * of inputs and every parameter, and refusals of bad input.
 */
class EgnnLayerTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);

    static Graph batch(Group group, int channels, int dim, long seed) {
        Rng rng = new Rng(seed);
        List<Graph> parts = new ArrayList<>();
        for (int n : new int[] {4, 3, 5}) {
            EdgeIndex e = Connectivity.fullyConnected(1, n);
            parts.add(Graph.builder(GraphFields.scalars(group, channels)).features(Tensors.randn(rng, DType.FLOAT64, n, channels))
                    .positions(Tensors.randn(rng, DType.FLOAT64, n, dim)).velocities(Tensors.randn(rng, DType.FLOAT64, n, dim))
                    .edges(e).edgeAttributes(GraphFields.invariantEdges(group, 2), Tensors.randn(rng, DType.FLOAT64, e.size(), 2))
                    .build());
        }
        return Graph.batch(parts);
    }

    private static EgnnLayer layer(String variant) {
        EgnnLayer.Builder b = EgnnLayer.builder(E3, 3, 8, 3).edgeAttributes(2).rng(new Rng(2));
        switch (variant) {
            case "velocity" -> b.velocity(true);
            case "attention" -> b.attention(true).normalizeDifferences(true).tanh(3.0);
            case "sum" -> b.coordinateAggregation(Aggregation.SUM).residual(false).coordinateWeight(0.5);
            default -> { }
        }
        EgnnLayer l = b.build();
        l.to(DType.FLOAT64);
        return l;
    }

    private static List<GroupElement> elements() {
        List<GroupElement> out = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(31);
        for (int i = 0; i < 10; i++) {
            out.add(E3.sample(rng));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "velocity", "attention", "sum"})
    void equivariantUnderRotationsReflectionsAndTranslations(String variant) {
        Graph g = batch(E3, 3, 3, 5);
        EgnnLayer l = layer(variant);
        EquivarianceAssertions.assertThat(l.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements())
                .within(1e-9, 1e-9);
        EquivarianceAssertions.assertThat(layer(variant).bind(g.to(DType.FLOAT32))).inDType(DType.FLOAT32)
                .withInputs(GraphFields.pack(g)).isEquivariantUnder(elements());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "velocity", "attention"})
    void equivariantUnderNodePermutations(String variant) {
        Graph g = batch(E3, 3, 3, 6);
        EgnnLayer l = layer(variant);
        PermutationEquivariance.of(l.toString(), (Graph x) -> GraphFields.pack(l.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 6, 7)).assertWithin(Tolerance.of(1e-12, 1e-12));
    }

    @Test
    void equivariantInTheOtherDimension() {
        EuclideanGroup e2 = EuclideanGroup.full(2);
        Graph g = batch(e2, 3, 2, 8);
        EgnnLayer l = EgnnLayer.builder(e2, 3, 8, 3).edgeAttributes(2).velocity(true).rng(new Rng(4)).build();
        l.to(DType.FLOAT64);
        EquivarianceAssertions.assertThat(l.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(e2.testingElements())
                .within(1e-9, 1e-9);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Graph g = batch(E3, 3, 3, 9);
        for (String variant : List.of("velocity", "attention")) {
            EgnnLayer l = layer(variant);
            GradientCheck.of("EgnnLayer(" + variant + ") features, positions, velocities", in -> {
                Graph out = l.forward(g.withNodes(g.nodeType(), in[0], in[1]).withVelocities(in[2]));
                return Tensors.concat(1, out.features(), out.positions());
            }, g.features(), g.positions(), g.velocities()).assertCorrect();
            l.namedParameters().keySet().forEach(name -> ParameterGradientCheck.of(l, name, () -> {
                Graph out = l.forward(g);
                return Tensors.concat(1, out.features(), out.positions());
            }).assertCorrect());
        }
    }

    @Test
    void theNodeProjectionFastPathComputesTheSameFunction() {
        Graph g = batch(E3, 3, 3, 13);
        for (Graph graph : List.of(g, g.withEdgeAttributes(null, null))) {
            int attributes = graph.edgeAttributes() == null ? 0 : 2;
            EgnnLayer l = EgnnLayer.builder(E3, 3, 8, 3).edgeAttributes(attributes).velocity(true).rng(new Rng(6)).build();
            l.to(DType.FLOAT64);
            Graph fast = l.forward(graph);
            l.nodeProjection(false);
            Graph generic = l.forward(graph);
            assertThat(fast.features().toDoubleArray()).containsExactly(generic.features().toDoubleArray(),
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(fast.positions().toDoubleArray()).containsExactly(generic.positions().toDoubleArray(),
                    org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void positionsMoveOnlyAlongRelativeVectorsAndVelocities() {
        Graph g = batch(E3, 3, 3, 10);
        EgnnLayer l = EgnnLayer.builder(E3, 3, 8, 3).edgeAttributes(2).updatePositions(false).rng(new Rng(1)).build();
        l.to(DType.FLOAT64);
        Tensor out = l.forward(g).positions();
        assertThat(out.toDoubleArray()).containsExactly(g.positions().toDoubleArray());
    }

    @Test
    void badInputIsRefusedNamingTheLayer() {
        Graph g = batch(E3, 3, 3, 11);
        EgnnLayer l = layer("plain");
        assertThatThrownBy(() -> l.forward(g.withEdgeAttributes(null, null))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("EgnnLayer").hasMessageContaining("[38, 2]").hasMessageContaining("none");
        EgnnLayer v = layer("velocity");
        assertThatThrownBy(() -> v.forward(g.withVelocities(null))).hasMessageContaining("velocities");
        assertThatThrownBy(() -> l.forward(batch(E3, 4, 3, 12))).hasMessageContaining("expected node features");
        assertThatThrownBy(() -> EgnnLayer.builder(E3, 3, 8, 4).rng(new Rng(1)).build())
                .hasMessageContaining("residual layer needs in == out");
    }
}
