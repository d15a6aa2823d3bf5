package org.equivariant4j.graph.egnn.nbody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodySplit;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The full N-body EGNN (embedding of |v|, four layers, velocity term) is E(3)- and permutation-equivariant
 * on real N-body batches (float64, 1e-9 + 1e-9 relative; permutations 1e-10); the GNN baseline is
 * permutation-equivariant but not E(3)-equivariant (its error under rotations is of order one).
 */
class NBodyModelsTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);
    private static final NBodyConfig SHORT = NBodyConfig.reference().withSteps(1200);

    private static Graph batch() {
        NBodySplit split = NBodySplit.simulate(SHORT, 5, 0, 4);
        NBodyExamples ex = new NBodyExamples(split, new NBodyTask(2, 8), SHORT, E3, DType.FLOAT64);
        return ex.batch(new int[] {0, 1, 2, 3}).graph();
    }

    private static List<GroupElement> elements() {
        List<GroupElement> out = new ArrayList<>(E3.testingElements());
        Rng rng = new Rng(3);
        for (int i = 0; i < 6; i++) {
            out.add(E3.sample(rng));
        }
        return out;
    }

    @Test
    void egnnModelIsEquivariantUnderE3AndNodePermutations() {
        Graph g = batch();
        EgnnNBodyModel model = new EgnnNBodyModel(E3, 16, 4, new Rng(1));
        model.to(DType.FLOAT64);
        EquivarianceAssertions.assertThat(model.bind(g)).withInputs(GraphFields.pack(g)).isEquivariantUnder(elements())
                .within(1e-9, 1e-9);
        PermutationEquivariance.of(model.toString(), (Graph x) -> GraphFields.pack(model.forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 4, 9)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }

    @Test
    void gnnBaselineFollowsPermutationsButNotRotations() {
        Graph g = batch();
        GnnNBodyModel model = new GnnNBodyModel(16, 2, new Rng(2));
        model.to(DType.FLOAT64);
        FieldType out = FieldType.of(Domain.vectors(), Representation.standard(E3));
        PermutationEquivariance.of("GNN", (Graph x) -> GeometricTensor.of(model.predict(x), out), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 4, 10)).assertWithin(Tolerance.of(1e-10, 1e-10));
        // as a function of the packed nodes, with the prediction as a vector field
        FieldType in = GraphFields.packedType(g.nodeType(), true);
        FieldType outPoints = FieldType.of(in.domain(), Representation.standard(E3));
        var report = EquivarianceChecker.of("GNN", in, outPoints, x -> {
            Graph y = GraphFields.unpack(g, g.nodeType(), true, x);
            return GeometricTensor.ofPoints(model.predict(y), y.positions(), outPoints);
        }).measure(elements(), List.of(GraphFields.pack(g)));
        assertThat(report.passes(Tolerance.of(1e-3, 1e-3))).isFalse();
    }
}
