package org.equivariant4j.fields.latentforce.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interaction part (the N-body EGNN on these systems' graphs) is E(n)- and permutation-equivariant on its own,
 * in 2D and 3D, by the test kit (float64, 1e-9); the full model with a neural field follows node permutations but
 * not E(n) (its error under the testing elements is of order one, as it must be: the field depends on absolute
 * position); the integrator is {@code v' = v + T a, x' = x + T v + T² a / 2}; gradients of the training loss with respect to
 * the parameters match finite differences.
 */
class LatentForceModelTest {
    private static final LatentForceModel.Sizes SIZES = new LatentForceModel.Sizes(8, 2, 8, 4, 1.0);

    private static FieldSystem system(int dims) {
        return (dims == 2 ? FieldSystem.electrostatic() : FieldSystem.gravitational()).withSteps(300);
    }

    private static Graph batch(int dims) {
        FieldDataset data = FieldDataset.generate(system(dims), 3, 3, 0, 1);
        Transitions t = new Transitions(data.train(), EuclideanGroup.full(dims), DType.FLOAT64);
        return t.state(new int[] {0, 1, 2}, new int[] {0, 1, 2});
    }

    private static List<GroupElement> elements(EuclideanGroup group) {
        List<GroupElement> out = new ArrayList<>(group.testingElements());
        Rng rng = new Rng(7);
        for (int i = 0; i < 6; i++) {
            out.add(group.sample(rng));
        }
        return out;
    }

    private static LatentForceModel model(ForceModel kind, int dims, long seed) {
        LatentForceModel m = new LatentForceModel(kind, EuclideanGroup.full(dims), dims, 0.1, SIZES, new Rng(seed));
        m.to(DType.FLOAT64);
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void theInteractionPartIsEquivariantOnItsOwn(int dims) {
        EuclideanGroup group = EuclideanGroup.full(dims);
        Graph g = batch(dims);
        LatentForceModel m = model(ForceModel.AETHER, dims, 1);
        EquivarianceAssertions.assertThat(m.interactions().bind(g)).withInputs(GraphFields.pack(g))
                .isEquivariantUnder(elements(group)).within(1e-9, 1e-9);
        PermutationEquivariance.of("interactions", (Graph x) -> GraphFields.pack(m.interactions().forward(x)), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 4, 9)).assertWithin(Tolerance.of(1e-10, 1e-10));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void theFullModelFollowsPermutationsButNotRigidMotions(int dims) {
        EuclideanGroup group = EuclideanGroup.full(dims);
        Graph g = batch(dims);
        LatentForceModel m = model(ForceModel.AETHER, dims, 2);
        FieldType out = FieldType.of(org.equivariant4j.core.field.Domain.vectors(), Representation.standard(group));
        PermutationEquivariance.of("aether", (Graph x) -> GeometricTensor.of(m.acceleration(x), out), Graph::permute)
                .measure(g, PermutationEquivariance.random(g.numNodes(), 4, 10)).assertWithin(Tolerance.of(1e-10, 1e-10));
        FieldType in = GraphFields.packedType(g.nodeType(), true);
        FieldType outPoints = FieldType.of(in.domain(), Representation.standard(group));
        var report = EquivarianceChecker.of("aether", in, outPoints, x -> {
            Graph y = GraphFields.unpack(g, g.nodeType(), true, x);
            return GeometricTensor.ofPoints(m.step(y).positions(), y.positions(), outPoints);
        }).measure(elements(group), List.of(GraphFields.pack(g)));
        assertThat(report.passes(Tolerance.of(1e-3, 1e-3))).as("a model with a field of absolute position").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aether", "egnn", "aether-locs", "locs", "gnn", "field"})
    void theIntegratorStepsWithConstantAcceleration(String id) {
        Graph g = batch(2);
        LatentForceModel m = model(ForceModel.byId(id), 2, 3);
        Tensor a = m.acceleration(g);
        State next = m.step(g);
        Tensor v = g.velocities().add(a.mul(0.1));
        assertThat(next.velocities().sub(v).abs().max().item()).isLessThan(1e-12);
        Tensor x = g.positions().add(g.velocities().mul(0.1)).add(a.mul(0.005));
        assertThat(next.positions().sub(x).abs().max().item()).isLessThan(1e-12);
        List<State> rollout = m.rollout(g, 3);
        assertThat(rollout).hasSize(3);
        assertThat(rollout.get(0).positions().sub(next.positions()).abs().max().item()).isLessThan(1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"field.mlp.layers.0.weight", "interactions.embedding.weight",
            "interactions.layer1.coordinate.linear0.linear.weight", "interactions.layer0.velocity.linear1.linear.bias"})
    void parameterGradientsMatchFiniteDifferences(String parameter) {
        Graph g = batch(2);
        LatentForceModel m = model(ForceModel.AETHER, 2, 4);
        ParameterGradientCheck.of(m, parameter, () -> {
            State s = m.step(g);
            return s.positions().mul(s.positions()).sum().add(s.velocities().sum());
        }).entries(6).seed(5).assertCorrect();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnn.embedding.weight", "gnn.decoder.layers.2.weight"})
    void gnnParameterGradientsMatchFiniteDifferences(String parameter) {
        Graph g = batch(2);
        LatentForceModel m = model(ForceModel.GNN, 2, 6);
        ParameterGradientCheck.of(m, parameter, () -> {
            State s = m.step(g);
            return s.positions().mul(s.positions()).sum().add(s.velocities().sum());
        }).entries(6).seed(5).assertCorrect();
    }

    @ParameterizedTest
    @ValueSource(ints = {2})
    void graphsWithoutTheCouplingAreRefusedNamingTheModel(int dims) {
        Graph g = batch(dims);
        Graph bare = g.withNodes(GraphFields.scalars(EuclideanGroup.full(dims), 2),
                org.equivariant4j.core.tensor.Tensors.concat(1, g.features(), g.features()), g.positions());
        assertThatThrownBy(() -> model(ForceModel.AETHER, dims, 5).acceleration(bare))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("LatentForceModel(aether)");
    }
}
