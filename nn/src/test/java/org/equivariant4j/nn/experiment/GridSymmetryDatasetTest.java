package org.equivariant4j.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;

/** A rotated copy of a data set: each image moved as {@link GridSymmetry#moveEachRandomly} moves it, labels kept. */
class GridSymmetryDatasetTest {

    @Test
    void movesEachImageLikeMoveEachRandomlyAndKeepsTheLabels() {
        GridSymmetry quarterTurns = new GridSymmetry(CyclicGroup.of(4), 4);
        Tensor images = Tensors.randn(new Rng(3), 6, 16);
        Tensor labels = Tensors.arange(6);
        TensorDataset moved = quarterTurns.withEachMovedRandomly(new TensorDataset(images, labels), new Rng(9));

        assertThat(moved.features().toDoubleArray()).containsExactly(
                quarterTurns.moveEachRandomly(images, new Rng(9)).toDoubleArray());
        assertThat(moved.features().toDoubleArray()).isNotEqualTo(images.toDoubleArray());
        assertThat(moved.labels().toDoubleArray()).containsExactly(labels.toDoubleArray());
    }
}
