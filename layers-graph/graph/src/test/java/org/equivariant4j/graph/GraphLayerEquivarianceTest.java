package org.equivariant4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.PermutationReport;
import org.equivariant4j.equivariance.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The test kit checks graph layers through {@link GraphLayer#bind} (E(3): testing elements and sampled
 * rigid motions with reflections) and {@link PermutationEquivariance} (node renumbering); negative
 * controls show that both checks catch a broken layer.
 */
class GraphLayerEquivarianceTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);

    static Graph twoGraphs(FieldType type, long seed) {
        Rng rng = new Rng(seed);
        Graph a = randomGraph(type, 4, rng);
        Graph b = randomGraph(type, 3, rng);
        return Graph.batch(a, b);
    }

    private static Graph randomGraph(FieldType type, int n, Rng rng) {
        EdgeIndex e = Connectivity.fullyConnected(1, n);
        return Graph.builder(type).features(Tensors.randn(rng, DType.FLOAT64, n, type.channels()))
                .positions(Tensors.randn(rng, DType.FLOAT64, n, 3)).velocities(Tensors.randn(rng, DType.FLOAT64, n, 3))
                .edges(e).edgeAttributes(GraphFields.invariantEdges(E3, 1), Tensors.randn(rng, DType.FLOAT64, e.size(), 1))
                .build();
    }

    static List<GroupElement> elements(long seed) {
        List<GroupElement> out = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(seed);
        for (int i = 0; i < 8; i++) {
            out.add(E3.sample(rng));
        }
        return out;
    }

    private static ToyMessageLayer layer(FieldType type, boolean broken, boolean mixes) {
        ToyMessageLayer l = new ToyMessageLayer(type, 1, broken, mixes, new Rng(3));
        l.to(DType.FLOAT64);
        return l;
    }

    @Test
    void boundLayerIsEquivariantUnderSampledRigidMotionsAndReflections() {
        FieldType type = GraphFields.scalars(E3, 3);
        Graph g = twoGraphs(type, 11);
        EquivarianceAssertions.assertThat(layer(type, false, false).bind(g)).withInputs(GraphFields.pack(g))
                .isEquivariantUnder(elements(5)).within(1e-10, 1e-10);
        EquivarianceAssertions.assertThat(layer(type, false, false).bind(g.to(DType.FLOAT32)))
                .inDType(DType.FLOAT32).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements(6));
    }

    @Test
    void theCheckCatchesALayerThatSeesAbsolutePositions() {
        FieldType type = GraphFields.scalars(E3, 3);
        Graph g = twoGraphs(type, 12);
        var report = EquivarianceChecker.of(layer(type, true, false).bind(g)).measure(elements(7),
                List.of(GraphFields.pack(g)));
        assertThat(report.passes(Tolerance.of(1e-3, 1e-3))).isFalse();
    }

    @Test
    void layerIsEquivariantUnderNodePermutations() {
        FieldType type = GraphFields.scalars(E3, 3);
        Graph g = twoGraphs(type, 13);
        ToyMessageLayer l = layer(type, false, false);
        PermutationEquivariance.of(l.toString(), (Graph x) -> GraphFields.pack(l.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 6, 17))
                .assertWithin(Tolerance.of(1e-12, 1e-12));
    }

    @Test
    void thePermutationCheckCatchesALayerThatSinglesOutNodeZero() {
        FieldType type = GraphFields.scalars(E3, 3);
        Graph g = twoGraphs(type, 14);
        ToyMessageLayer l = layer(type, false, true);
        PermutationReport r = PermutationEquivariance.of(l.toString(), (Graph x) -> GraphFields.pack(l.forward(x)),
                Graph::permute).measure(g, PermutationEquivariance.random(g.numNodes(), 6, 18));
        assertThatThrownBy(() -> r.assertWithin(Tolerance.of(1e-6, 1e-6))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("not equivariant under node permutations");
    }

    @Test
    void pooledOutputsAreCheckedForInvariance() {
        FieldType type = GraphFields.scalars(E3, 2);
        Graph g = twoGraphs(type, 15);
        PermutationReport r = PermutationEquivariance.of("sum pooling",
                (Graph x) -> org.equivariant4j.core.field.GeometricTensor.of(x.features().segmentSum(x.batchIndex(), 2),
                        FieldType.of(org.equivariant4j.core.field.Domain.vectors(), type.representation())),
                Graph::permute).measureInvariance(g, PermutationEquivariance.random(g.numNodes(), 4, 19));
        r.assertWithin(Tolerance.of(1e-12, 1e-12));
        assertThat(r.entries()).hasSize(4);
    }

    @Test
    void aGraphOfAnotherTypeIsRefusedNamingTheLayer() {
        Graph g = twoGraphs(GraphFields.scalars(E3, 2), 16);
        ToyMessageLayer l = layer(GraphFields.scalars(E3, 3), false, false);
        assertThatThrownBy(() -> l.forward(g)).hasMessageContaining("ToyMessageLayer").hasMessageContaining("expected node");
    }
}
