package org.equivariant4j.graph.empcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * EMPCN networks (both variants) on a batch of a complete graph on 4 nodes (4 triangles and 3 four-cycles)
 * and a triangle, lifted with rings up to length 4: E(3) (testing elements and 8 sampled rigid motions with
 * reflections) within 1e-9 in float64 and the test kit's default in float32; node permutations within
 * 1e-10; float64 gradients of inputs and of every parameter.
 */
class EmpcnNetworkTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);
    private static final int IN = 2;

    static Graph batch(long seed) {
        Rng rng = new Rng(seed);
        EdgeIndex e = Connectivity.fullyConnected(new int[] {4, 3}, false);
        return Graph.builder(GraphFields.scalars(E3, IN)).features(Tensors.randn(rng, DType.FLOAT64, 7, IN))
                .positions(Tensors.randn(rng, DType.FLOAT64, 7, 3)).velocities(Tensors.randn(rng, DType.FLOAT64, 7, 3))
                .edges(e).edgeAttributes(GraphFields.invariantEdges(E3, 1), Tensors.randn(rng, DType.FLOAT64, e.size(), 1))
                .batch(new int[] {0, 0, 0, 0, 1, 1, 1}, 2).build();
    }

    static EmpcnNetwork network(EmpcnVariant variant, int layers, long seed) {
        EmpcnNetwork n = EmpcnNetwork.builder(E3, IN, 5).layers(layers).edgeAttributes(1).variant(variant).velocity(true)
                .lifting(CellLifting.rings(4, false)).rng(new Rng(seed)).build();
        n.to(DType.FLOAT64);
        return n;
    }

    private static List<GroupElement> elements(long seed) {
        List<GroupElement> out = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(seed);
        for (int i = 0; i < 8; i++) {
            out.add(E3.sample(rng));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(EmpcnVariant.class)
    void isEquivariantUnderRigidMotionsAndReflections(EmpcnVariant variant) {
        Graph g = batch(1);
        EquivarianceAssertions.assertThat(network(variant, 2, 2).bind(g)).withInputs(GraphFields.pack(g))
                .isEquivariantUnder(elements(3)).within(1e-9, 1e-9);
        EmpcnNetwork f32 = network(variant, 2, 2);
        f32.to(DType.FLOAT32);
        EquivarianceAssertions.assertThat(f32.bind(g.to(DType.FLOAT32))).inDType(DType.FLOAT32)
                .withInputs(GraphFields.pack(g)).isEquivariantUnder(elements(4));
    }

    @ParameterizedTest
    @EnumSource(EmpcnVariant.class)
    void isEquivariantUnderNodePermutations(EmpcnVariant variant) {
        Graph g = batch(5);
        EmpcnNetwork n = network(variant, 2, 6);
        PermutationEquivariance.of(n.toString(), (Graph x) -> GraphFields.pack(n.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 6, 7)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }

    @Test
    void theVariantsDifferAndPositionsMove() {
        Graph g = batch(8);
        Graph coupled = network(EmpcnVariant.COUPLED, 1, 9).forward(g);
        Graph decoupled = network(EmpcnVariant.DECOUPLED, 1, 9).forward(g);
        assertThat(coupled.features().sub(decoupled.features()).abs().max().item()).isGreaterThan(1e-6);
        assertThat(coupled.positions().sub(g.positions()).abs().max().item()).isGreaterThan(1e-3);
    }

    @ParameterizedTest
    @EnumSource(EmpcnVariant.class)
    void gradientsOfInputsAndParametersMatchFiniteDifferences(EmpcnVariant variant) {
        Graph g = batch(10);
        EmpcnNetwork n = network(variant, 1, 11);
        FieldType type = g.nodeType();
        GradientCheck.of("EMPCN features, positions, velocities", in -> {
            Graph out = n.forward(g.withVelocities(in[2]).withNodes(type, in[0], in[1]));
            return Tensors.concat(1, out.features(), out.positions());
        }, g.features(), g.positions(), g.velocities()).assertCorrect();
        for (String name : n.namedParameters().keySet()) {
            ParameterGradientCheck.of(n, name, () -> {
                Graph out = n.forward(g);
                return Tensors.concat(1, out.features(), out.positions());
            }).entries(2).assertCorrect();
        }
    }

    @Test
    void badInputsAreRefusedNamingTheLayerAndTheShapes() {
        Graph g = batch(12);
        EmpcnNetwork n = network(EmpcnVariant.COUPLED, 1, 13);
        Graph noAttributes = g.withEdgeAttributes(null, null);
        assertThatThrownBy(() -> n.forward(noAttributes)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("EmpcnNetwork").hasMessageContaining("[" + g.numEdges() + ", 1]");
        EmpcnLayer layer = n.layers().get(0);
        CellComplex c = n.complexOf(g);
        Tensor h = Tensors.zeros(DType.FLOAT64, 7, 5);
        CellFeatures wrong = new CellFeatures(h, Tensors.zeros(DType.FLOAT64, c.numEdges(), 4),
                Tensors.zeros(DType.FLOAT64, c.numRings(), 5));
        assertThatThrownBy(() -> layer.forward(g, c, g.positions(), wrong)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("EmpcnLayer").hasMessageContaining("edge cell features [" + c.numEdges() + ", 5]")
                .hasMessageContaining("[" + c.numEdges() + ", 4]");
        assertThatThrownBy(() -> n.forward(batch(14).to(DType.FLOAT64).withNodes(GraphFields.scalars(E3, 3),
                Tensors.zeros(DType.FLOAT64, 7, 3), g.positions()))).hasMessageContaining("expected node features");
    }
}
