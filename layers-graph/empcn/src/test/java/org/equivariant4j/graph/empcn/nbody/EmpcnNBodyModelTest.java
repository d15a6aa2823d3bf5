package org.equivariant4j.graph.empcn.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.empcn.EmpcnVariant;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The N-body EMPCN on two simulated 5-body graphs (charges as edge attributes, velocities): E(3) testing
 * elements and 6 sampled rigid motions with reflections within 1e-9 (float64), node permutations within
 * 1e-10; the fully connected 5-body graphs lift to 10 edge cells and 10 triangles each.
 */
class EmpcnNBodyModelTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);

    @ParameterizedTest
    @EnumSource(EmpcnVariant.class)
    void isEquivariantOnNBodyGraphs(EmpcnVariant variant) {
        NBodyConfig config = NBodyConfig.reference();
        NBodyDataset data = NBodyDataset.generate(config, 7, 2, 1, 1);
        NBodyExamples examples = new NBodyExamples(data.train(), NBodyTask.reference(), config, E3, DType.FLOAT64);
        Graph g = examples.batch(new int[] {0, 1}).graph();
        EmpcnNBodyModel model = new EmpcnNBodyModel(E3, 8, 2, variant, new Rng(3));
        model.to(DType.FLOAT64);
        assertThat(model.network().complexOf(g).numEdges()).isEqualTo(20);
        assertThat(model.network().complexOf(g).numRings()).isEqualTo(20);
        List<GroupElement> elements = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(4);
        for (int i = 0; i < 6; i++) {
            elements.add(E3.sample(rng));
        }
        EquivarianceAssertions.assertThat(model.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements)
                .within(1e-9, 1e-9);
        PermutationEquivariance.of(model.toString(), (Graph x) -> GraphFields.pack(model.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 5, 5)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }
}
