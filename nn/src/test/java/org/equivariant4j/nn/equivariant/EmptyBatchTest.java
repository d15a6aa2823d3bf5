package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.sum;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.loss.BceWithLogitsLoss;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;

/**
 * An empty batch ({@code [0, ...]}) through the layers, forward and backward, as PyTorch: linear
 * maps and pooling give {@code [0, ...]} of their output width, and the parameters get a zero
 * gradient (no example contributed); batch norm refuses to train on it by name (PyTorch: "Expected
 * more than 1 value per channel when training") and evaluates it; the losses refuse it (the
 * decision documented in {@code EmptyBatches}: PyTorch's NaN would train silently on NaN).
 */
class EmptyBatchTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);
    private static final FieldType C4_VECTORS = FieldType.of(Domain.vectors(),
            sum(Representation.regular(C4), Representation.trivial(C4)));
    private static final FieldType C4_VECTORS_OUT = FieldType.of(Domain.vectors(),
            sum(Representation.regular(C4), Representation.regular(C4)));
    private static final FieldType C4_GRID = FieldType.of(Domain.grid(2),
            sum(Representation.regular(C4), Representation.trivial(C4)));
    private static final FieldType C4_GRID_OUT = FieldType.of(Domain.grid(2), Representation.regular(C4));

    private static void assertZeroGradients(Iterable<Parameter> parameters) {
        for (Parameter p : parameters) {
            assertThat(p.value().grad()).as(p.toString()).isNotNull();
            assertThat(p.value().grad().toDoubleArray()).as(p.toString()).containsOnly(0.0);
        }
    }

    @Test
    void linearMapsAnEmptyBatchToAnEmptyBatchWithZeroParameterGradients() {
        Linear layer = new Linear(4, 3, new Rng(1));
        Tensor x = Tensors.zeros(0, 4).requiresGrad(true);
        Tensor y = layer.forward(x);
        assertThat(y.shape()).containsExactly(0, 3);
        y.sum().backward();
        assertThat(x.grad().shape()).containsExactly(0, 4);
        assertZeroGradients(layer.parameters());
    }

    @Test
    void equivariantLinearMapsEmptyBatchesOfVectorsAndGrids() {
        EquivariantLinear vectors = new EquivariantLinear(C4_VECTORS, C4_VECTORS_OUT, new Rng(2));
        Tensor x = Tensors.zeros(0, 5).requiresGrad(true);
        Tensor y = vectors.forward(GeometricTensor.of(x, C4_VECTORS)).tensor();
        assertThat(y.shape()).containsExactly(0, 8);
        y.sum().backward();
        assertThat(x.grad().shape()).containsExactly(0, 5);
        assertZeroGradients(vectors.parameters());

        EquivariantLinear grid = new EquivariantLinear(C4_GRID, C4_GRID_OUT, new Rng(3));
        Tensor image = Tensors.zeros(0, 5, 6, 6).requiresGrad(true);
        Tensor out = grid.forward(GeometricTensor.of(image, C4_GRID)).tensor();
        assertThat(out.shape()).containsExactly(0, 4, 6, 6);
        out.sum().backward();
        assertThat(image.grad().shape()).containsExactly(0, 5, 6, 6);
        assertZeroGradients(grid.parameters());
    }

    @Test
    void poolingAnEmptyBatchGivesAnEmptyBatch() {
        Tensor image = Tensors.zeros(0, 5, 4, 4).requiresGrad(true);
        GeometricTensor input = GeometricTensor.of(image, C4_GRID);
        Tensor spatial = new SpatialPooling(C4_GRID, SpatialPooling.Mode.MAX, 2).forward(input).tensor();
        assertThat(spatial.shape()).containsExactly(0, 5, 2, 2);
        Tensor global = SpatialPooling.global(C4_GRID, SpatialPooling.Mode.MEAN).forward(input).tensor();
        assertThat(global.shape()).containsExactly(0, 5, 1, 1);
        Tensor group = new GroupPooling(C4_GRID, GroupPooling.Mode.MAX).forward(input).tensor();
        assertThat(group.shape()).containsExactly(0, 2, 4, 4);
        spatial.sum().add(global.sum()).add(group.sum()).backward();
        assertThat(image.grad().shape()).containsExactly(0, 5, 4, 4);
    }

    @Test
    void batchNormRefusesToTrainOnAnEmptyBatchAndEvaluatesIt() {
        BatchNorm plain = new BatchNorm(3);
        assertThatThrownBy(() -> plain.forward(Tensors.zeros(0, 3))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("BatchNorm(3): training needs more than 1 value per channel")
                .hasMessageContaining("[0, 3]").hasMessageContaining("empty batch");
        plain.eval();
        Tensor x = Tensors.zeros(0, 3).requiresGrad(true);
        Tensor y = plain.forward(x);
        assertThat(y.shape()).containsExactly(0, 3);
        y.sum().backward();
        assertZeroGradients(plain.parameters());

        EquivariantBatchNorm equivariant = new EquivariantBatchNorm(C4_GRID);
        GeometricTensor empty = GeometricTensor.of(Tensors.zeros(0, 5, 4, 4), C4_GRID);
        assertThatThrownBy(() -> equivariant.forward(empty)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("EquivariantBatchNorm").hasMessageContaining("more than 1 value per field")
                .hasMessageContaining("[0, 5, 4, 4]");
        // The refusal happened before any statistic moved.
        assertThat(equivariant.stateDict().get("running_mean").toDoubleArray()).containsOnly(0.0);
        equivariant.eval();
        assertThat(equivariant.forward(empty).tensor().shape()).containsExactly(0, 5, 4, 4);
    }

    @Test
    void lossesRefuseAnEmptyBatchByName() {
        assertThatThrownBy(() -> new MseLoss().compute(Tensors.zeros(0, 3), Tensors.zeros(0, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("MseLoss: the batch is empty (prediction [0, 3])");
        assertThatThrownBy(() -> new BceWithLogitsLoss().compute(Tensors.zeros(0), Tensors.zeros(0)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("BceWithLogitsLoss: the batch is empty");
        assertThatThrownBy(() -> new CrossEntropyLoss().compute(Tensors.zeros(0, 10), Tensors.zeros(DType.INT64, 0)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("CrossEntropyLoss: the batch is empty (logits [0, 10])");
    }
}
