package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Forward semantics of indexing, segment reductions and {@code where} on small hand-checked
 * examples (PyTorch / torch_scatter results), hand-stated gradients where duplicates matter,
 * and the messages of misuse. Finite-difference checks live in {@code gradcheck/IndexGradCases}.
 */
class IndexOpsTest {

    private static Tensor t(int[] shape, double... values) {
        return Tensors.of(values, DType.FLOAT64, shape);
    }

    private static Tensor ids(long... values) {
        return Tensors.of(values, values.length);
    }

    private static void assertValues(Tensor actual, int[] shape, double... values) {
        assertThat(actual.shape()).as("shape").containsExactly(shape);
        assertThat(actual.toDoubleArray()).as("values").containsExactly(values, within(1e-12));
    }

    /** [[0,1],[2,3],[4,5]] */
    private static Tensor rows3() {
        return t(new int[] {3, 2}, 0, 1, 2, 3, 4, 5);
    }

    @Nested
    class IndexSelect {
        @Test
        void picksRowsInOrderWithRepeats() {
            assertValues(rows3().indexSelect(0, ids(2, 0, 2)), new int[] {3, 2}, 4, 5, 0, 1, 4, 5);
            assertValues(rows3().indexSelect(1, ids(1, 1, 0).to(DType.INT32)), new int[] {3, 3}, 1, 1, 0, 3, 3, 2, 5, 5, 4);
            assertValues(rows3().transpose(0, 1).indexSelect(1, ids(2)), new int[] {2, 1}, 4, 5);
            assertThat(rows3().indexSelect(0, Tensors.zeros(DType.INT64, 0)).shape()).containsExactly(0, 2);
        }

        @Test
        void gradientAccumulatesOverDuplicates() {
            Tensor x = rows3().requiresGrad(true);
            x.indexSelect(0, ids(2, 0, 2, 2)).sum().backward();
            assertValues(x.grad(), new int[] {3, 2}, 1, 1, 0, 0, 3, 3);
        }

        @Test
        void badIndicesAreRejectedWithValuePositionAndRange() {
            assertThatThrownBy(() -> rows3().indexSelect(0, ids(0, 3))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("indexSelect").hasMessageContaining("value 3 at position 1")
                    .hasMessageContaining("[0, 3)").hasMessageContaining("[3, 2]");
            assertThatThrownBy(() -> rows3().indexSelect(1, ids(1, -1, 0))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("value -1 at position 1").hasMessageContaining("[0, 2)");
            assertThatThrownBy(() -> rows3().indexSelect(0, t(new int[] {1}, 0))).isInstanceOf(DTypeMismatchException.class)
                    .hasMessageContaining("indexSelect").hasMessageContaining("INT32 or INT64").hasMessageContaining("FLOAT64");
            assertThatThrownBy(() -> rows3().indexSelect(0, Tensors.of(new long[] {0, 1}, 1, 2)))
                    .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("rank 1").hasMessageContaining("[1, 2]");
            assertThatThrownBy(() -> rows3().indexSelect(2, ids(0))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("indexSelect").hasMessageContaining("dimension 2");
        }
    }

    @Nested
    class Gather {
        private final Tensor x = t(new int[] {2, 2}, 1, 2, 3, 4);

        @Test
        void followsTorchGather() {
            // torch.gather(t, 1, [[0,0],[1,0]]) == [[1,1],[4,3]]
            assertValues(x.gather(1, Tensors.of(new long[] {0, 0, 1, 0}, 2, 2)), new int[] {2, 2}, 1, 1, 4, 3);
            assertValues(x.gather(0, Tensors.of(new long[] {1, 0, 0, 0}, 2, 2)), new int[] {2, 2}, 3, 2, 1, 2);
            assertValues(x.gather(1, Tensors.of(new long[] {1}, 1, 1)), new int[] {1, 1}, 2);
            assertValues(x.gather(0, Tensors.of(new long[] {1, 1, 0, 0, 1, 0}, 3, 2)), new int[] {3, 2}, 3, 4, 1, 2, 3, 2);
            assertValues(x.transpose(0, 1).gather(1, Tensors.of(new long[] {1, 0}, 2, 1)), new int[] {2, 1}, 3, 2);
        }

        @Test
        void gradientAccumulatesOverDuplicates() {
            Tensor leaf = x.detach().requiresGrad(true);
            leaf.gather(1, Tensors.of(new long[] {0, 0, 1, 0}, 2, 2)).sum().backward();
            assertValues(leaf.grad(), new int[] {2, 2}, 2, 0, 1, 1);
        }

        @Test
        void misuse() {
            assertThatThrownBy(() -> x.gather(1, ids(0, 1))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("gather").hasMessageContaining("rank").hasMessageContaining("[2]")
                    .hasMessageContaining("[2, 2]");
            assertThatThrownBy(() -> x.gather(1, Tensors.of(new long[] {0, 0, 0}, 3, 1))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("gather").hasMessageContaining("[3, 1]").hasMessageContaining("dimension 0");
            assertThatThrownBy(() -> x.gather(0, Tensors.of(new long[] {0, 1, 2, 0}, 2, 2))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("gather").hasMessageContaining("value 2 at position [1, 0]")
                    .hasMessageContaining("[0, 2)");
            assertThatThrownBy(() -> x.gather(0, x)).isInstanceOf(DTypeMismatchException.class).hasMessageContaining("gather");
        }
    }

    @Nested
    class IndexAdd {
        @Test
        void addsSourceSlicesOutOfPlaceAccumulatingDuplicates() {
            Tensor a = Tensors.ones(DType.FLOAT64, 3, 2);
            Tensor source = t(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
            assertValues(a.indexAdd(0, ids(0, 2, 0), source), new int[] {3, 2}, 7, 9, 1, 1, 4, 5);
            assertValues(a, new int[] {3, 2}, 1, 1, 1, 1, 1, 1);
            Tensor wide = t(new int[] {3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertValues(a.indexAdd(1, ids(1, 0, 1).to(DType.INT32), wide), new int[] {3, 2}, 3, 5, 6, 11, 9, 17);
        }

        @Test
        void gradientFlowsToInputAndGatheredToSource() {
            Tensor a = Tensors.zeros(DType.FLOAT64, 3, 1).requiresGrad(true);
            Tensor source = Tensors.zeros(DType.FLOAT64, 4, 1).requiresGrad(true);
            Tensor weights = t(new int[] {3, 1}, 1, 2, 3);
            a.indexAdd(0, ids(2, 2, 0, 1), source).mul(weights).sum().backward();
            assertValues(a.grad(), new int[] {3, 1}, 1, 2, 3);
            assertValues(source.grad(), new int[] {4, 1}, 3, 3, 1, 2);
        }

        @Test
        void misuse() {
            Tensor a = Tensors.zeros(DType.FLOAT64, 3, 2);
            assertThatThrownBy(() -> a.indexAdd(0, ids(0, 1), Tensors.zeros(DType.FLOAT64, 3, 2)))
                    .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("indexAdd")
                    .hasMessageContaining("[2, 2]").hasMessageContaining("[3, 2]");
            assertThatThrownBy(() -> a.indexAdd(0, ids(0), Tensors.zeros(DType.FLOAT32, 1, 2)))
                    .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("indexAdd").hasMessageContaining("FLOAT32");
            assertThatThrownBy(() -> a.indexAdd(0, ids(5), Tensors.zeros(DType.FLOAT64, 1, 2)))
                    .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("value 5").hasMessageContaining("[0, 3)");
        }
    }

    @Nested
    class Segments {
        /** [[1,2],[3,4],[5,6],[7,8]] in segments 1, 1, 3, 1 of 4 */
        private final Tensor x = t(new int[] {4, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
        private final Tensor segments = ids(1, 1, 3, 1);

        @Test
        void sumMeanMaxWithEmptySegmentsZero() {
            assertValues(x.segmentSum(segments, 4), new int[] {4, 2}, 0, 0, 11, 14, 0, 0, 5, 6);
            assertValues(x.segmentMean(segments, 4), new int[] {4, 2}, 0, 0, 11 / 3.0, 14 / 3.0, 0, 0, 5, 6);
            assertValues(x.segmentMax(segments, 4), new int[] {4, 2}, 0, 0, 7, 8, 0, 0, 5, 6);
            assertValues(x.neg().segmentMax(segments.to(DType.INT32), 4), new int[] {4, 2}, 0, 0, -1, -2, 0, 0, -5, -6);
            assertValues(t(new int[] {3}, 1, 2, 3).segmentSum(ids(0, 0, 1), 2), new int[] {2}, 3, 3);
            assertValues(x.transpose(0, 1).segmentSum(ids(1, 1), 2), new int[] {2, 4}, 0, 0, 0, 0, 3, 7, 11, 15);
        }

        @Test
        void gradients() {
            Tensor leaf = x.detach().requiresGrad(true);
            leaf.segmentMean(segments, 4).sum().backward();
            assertValues(leaf.grad(), new int[] {4, 2}, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1, 1, 1 / 3.0, 1 / 3.0);
            leaf.zeroGrad();
            leaf.segmentMax(segments, 4).sum().backward();
            assertValues(leaf.grad(), new int[] {4, 2}, 0, 0, 0, 0, 1, 1, 1, 1);
        }

        @Test
        void noRowsGiveZeroSegmentsAndAZeroGradient() {
            Tensor none = Tensors.zeros(DType.FLOAT64, 0, 2).requiresGrad(true);
            Tensor noIds = Tensors.zeros(DType.INT64, 0);
            assertValues(none.segmentSum(noIds, 2), new int[] {2, 2}, 0, 0, 0, 0);
            assertValues(none.segmentMean(noIds, 2), new int[] {2, 2}, 0, 0, 0, 0);
            Tensor max = none.segmentMax(noIds, 2);
            assertValues(max, new int[] {2, 2}, 0, 0, 0, 0);
            max.sum().backward();
            assertThat(none.grad().shape()).containsExactly(0, 2);
        }

        @Test
        void tiedMaximaSplitTheGradientEvenly() {
            Tensor tied = t(new int[] {3, 1}, 2, 2, 1).requiresGrad(true);
            tied.segmentMax(ids(0, 0, 0), 1).sum().backward();
            assertValues(tied.grad(), new int[] {3, 1}, 0.5, 0.5, 0);
        }

        @Test
        void misuse() {
            assertThatThrownBy(() -> x.segmentSum(ids(0, 1, 2), 3)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("segmentSum").hasMessageContaining("3 entries").hasMessageContaining("4 rows")
                    .hasMessageContaining("[4, 2]");
            assertThatThrownBy(() -> x.segmentMean(ids(0, 1, 4, 1), 4)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("segmentMean").hasMessageContaining("value 4 at position 2")
                    .hasMessageContaining("[0, 4)");
            assertThatThrownBy(() -> x.segmentMax(x, 4)).isInstanceOf(DTypeMismatchException.class)
                    .hasMessageContaining("segmentMax").hasMessageContaining("segmentIds");
            assertThatThrownBy(() -> x.segmentSum(segments, -1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("numSegments");
        }
    }

    @Nested
    class Where {
        @Test
        void selectsWithBroadcastingOfAllThree() {
            Tensor condition = Tensors.of(new long[] {1, 0, 1}, 3).to(DType.FLOAT64).gt(0.5);
            Tensor a = t(new int[] {2, 1}, 10, 20);
            Tensor b = Tensors.scalar(-1, DType.FLOAT64);
            assertValues(Tensors.where(condition, a, b), new int[] {2, 3}, 10, -1, 10, 20, -1, 20);
        }

        @Test
        void infinityInTheBranchNotTakenDoesNotLeak() {
            Tensor x = t(new int[] {3}, -1, 0.5, 2);
            Tensor safeLog = Tensors.where(x.gt(0.0), x.log(), Tensors.zeros(DType.FLOAT64, 3));
            assertValues(safeLog, new int[] {3}, 0, Math.log(0.5), Math.log(2));
        }

        @Test
        void gradientGoesToTheSelectedOperandSummedOverBroadcasting() {
            Tensor condition = Tensors.of(new long[] {1, 0, 1}, 3).to(DType.FLOAT64).gt(0.5);
            Tensor a = t(new int[] {2, 1}, 10, 20).requiresGrad(true);
            Tensor b = Tensors.scalar(-1, DType.FLOAT64).requiresGrad(true);
            Tensors.where(condition, a, b).sum().backward();
            assertValues(a.grad(), new int[] {2, 1}, 2, 2);
            assertValues(b.grad(), new int[] {}, 2);
        }

        @Test
        void misuse() {
            Tensor x = Tensors.zeros(DType.FLOAT64, 2, 3);
            assertThatThrownBy(() -> Tensors.where(x, x, x)).isInstanceOf(DTypeMismatchException.class)
                    .hasMessageContaining("where").hasMessageContaining("BOOL").hasMessageContaining("FLOAT64");
            assertThatThrownBy(() -> Tensors.where(x.gt(0.0), x, Tensors.zeros(DType.FLOAT32, 2, 3)))
                    .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("where");
            assertThatThrownBy(() -> Tensors.where(x.gt(0.0), x, Tensors.zeros(DType.FLOAT64, 3, 2)))
                    .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("where")
                    .hasMessageContaining("condition [2, 3]").hasMessageContaining("b [3, 2]");
        }
    }
}
