package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Forward semantics of the shape ops on small hand-checked examples (PyTorch's results), the
 * gradients that are easy to state by hand, and the messages of misuse. Finite-difference
 * checks live in {@code gradcheck/ShapeGradCases}.
 */
class ShapeOpsTest {

    /** 0, 1, ..., n-1 in FLOAT64, shaped. */
    private static Tensor iota(int... shape) {
        return Tensors.arange(0, Tensors.numel(shape), 1, DType.FLOAT64).reshape(shape);
    }

    private static void assertValues(Tensor t, int[] shape, double... values) {
        assertThat(t.shape()).as("shape").containsExactly(shape);
        assertThat(t.toDoubleArray()).as("values").containsExactly(values);
    }

    @Nested
    class Views {
        @Test
        void reshapeInfersMinusOneAndReadsPermutedViewsInRowMajorOrder() {
            assertValues(iota(2, 3).reshape(-1, 2), new int[] {3, 2}, 0, 1, 2, 3, 4, 5);
            assertValues(iota(2, 3).permute(1, 0).reshape(6), new int[] {6}, 0, 3, 1, 4, 2, 5);
        }

        @Test
        void permuteTransposeExpandSqueezeUnsqueeze() {
            assertValues(iota(2, 3).transpose(0, 1), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
            assertValues(iota(1, 2, 3).permute(2, 0, 1), new int[] {3, 1, 2}, 0, 3, 1, 4, 2, 5);
            assertValues(iota(2, 1).expand(2, 2, 3), new int[] {2, 2, 3}, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1);
            assertThat(iota(2, 1, 3).squeeze(1).shape()).containsExactly(2, 3);
            assertThat(iota(2, 3).unsqueeze(-1).shape()).containsExactly(2, 3, 1);
            assertThat(iota(2, 3).unsqueeze(0).shape()).containsExactly(1, 2, 3);
        }

        @Test
        void misuseNamesTheOpAndShapes() {
            assertThatThrownBy(() -> iota(2, 3).reshape(4, -1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("reshape").hasMessageContaining("[4, -1]").hasMessageContaining("[2, 3]");
            assertThatThrownBy(() -> iota(2, 3).permute(0, 0)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("permute").hasMessageContaining("repeats");
            assertThatThrownBy(() -> iota(2, 3).expand(2, 4)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("expand").hasMessageContaining("[2, 3]").hasMessageContaining("[2, 4]");
            assertThatThrownBy(() -> iota(2, 3).squeeze(0)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("squeeze").hasMessageContaining("[2, 3]");
            assertThatThrownBy(() -> iota(2, 3).transpose(0, 2)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("transpose").hasMessageContaining("[2, 3]");
        }
    }

    @Nested
    class NarrowAndSlice {
        @Test
        void narrowTakesAContiguousRange() {
            assertValues(iota(3, 4).narrow(1, 1, 2), new int[] {3, 2}, 1, 2, 5, 6, 9, 10);
            assertValues(iota(3, 4).narrow(0, 2, 1), new int[] {1, 4}, 8, 9, 10, 11);
        }

        @Test
        void sliceWithStep() {
            assertValues(iota(3, 4).slice(1, 0, 4, 2), new int[] {3, 2}, 0, 2, 4, 6, 8, 10);
            assertValues(iota(3, 4).slice(1, 1, 4, 2), new int[] {3, 2}, 1, 3, 5, 7, 9, 11);
            assertValues(iota(7).slice(0, 1, 7, 3), new int[] {2}, 1, 4);
            assertValues(iota(8).slice(0, 1, 8, 3), new int[] {3}, 1, 4, 7);
        }

        @Test
        void stridedSliceOfOneEntry() {
            // ND4J's own strided interval returns two entries here.
            assertValues(iota(3, 4).slice(1, 1, 4, 3), new int[] {3, 1}, 1, 5, 9);
            assertValues(iota(4, 2).slice(0, 1, 2, 2), new int[] {1, 2}, 2, 3);
            assertValues(iota(7).slice(0, 6, 7, 4), new int[] {1}, 6);
        }

        @Test
        void sliceOfPermutedViewAndEmptySlice() {
            // iota(3,4)^T rows are 0 4 8 / 1 5 9 / 2 6 10 / 3 7 11
            assertValues(iota(3, 4).transpose(0, 1).slice(0, 1, 4, 2), new int[] {2, 3}, 1, 5, 9, 3, 7, 11);
            assertThat(iota(3, 4).slice(1, 2, 2, 1).shape()).containsExactly(3, 0);
        }

        @Test
        void backwardPutsTheGradientBackInPlaceAndZerosElsewhere() {
            Tensor x = iota(2, 4).requiresGrad(true);
            x.slice(1, 1, 4, 2).mul(Tensors.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 2, 2)).sum().backward();
            assertValues(x.grad(), new int[] {2, 4}, 0, 1, 0, 2, 0, 3, 0, 4);
        }

        @Test
        void outOfBoundsIsAShapeMismatchNamingOpRangeAndShape() {
            assertThatThrownBy(() -> iota(3, 4).narrow(1, 3, 2)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("narrow").hasMessageContaining("start 3 and length 2").hasMessageContaining("[3, 4]");
            assertThatThrownBy(() -> iota(3, 4).narrow(0, -1, 1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("narrow");
            assertThatThrownBy(() -> iota(3, 4).slice(1, 0, 5, 1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("slice").hasMessageContaining("[0, 5)").hasMessageContaining("[3, 4]");
            assertThatThrownBy(() -> iota(3, 4).slice(1, 0, 4, 0)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("slice").hasMessageContaining("step");
            assertThatThrownBy(() -> iota(3, 4).slice(2, 0, 1, 1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("slice").hasMessageContaining("dimension 2");
            assertThatThrownBy(() -> Tensors.scalar(1, DType.FLOAT64).narrow(0, 0, 1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("narrow").hasMessageContaining("scalar");
        }
    }

    @Nested
    class FlipAndRoll {
        @Test
        void flipReversesEachNamedDimension() {
            assertValues(iota(2, 3).flip(0), new int[] {2, 3}, 3, 4, 5, 0, 1, 2);
            assertValues(iota(2, 3).flip(-1), new int[] {2, 3}, 2, 1, 0, 5, 4, 3);
            assertValues(iota(2, 3).flip(0, 1), new int[] {2, 3}, 5, 4, 3, 2, 1, 0);
            assertValues(iota(2, 3).transpose(0, 1).flip(0), new int[] {3, 2}, 2, 5, 1, 4, 0, 3);
            assertValues(iota(2, 3).flip(), new int[] {2, 3}, 0, 1, 2, 3, 4, 5);
        }

        @Test
        void rollMovesEntriesTowardHigherIndicesWithWrapAround() {
            assertValues(iota(5).roll(1, 0), new int[] {5}, 4, 0, 1, 2, 3);
            assertValues(iota(5).roll(-1, 0), new int[] {5}, 1, 2, 3, 4, 0);
            assertValues(iota(5).roll(7, 0), new int[] {5}, 3, 4, 0, 1, 2);
            assertValues(iota(5).roll(5, 0), new int[] {5}, 0, 1, 2, 3, 4);
            assertValues(iota(2, 3).roll(1, 1), new int[] {2, 3}, 2, 0, 1, 5, 3, 4);
            assertValues(iota(2, 3).roll(1, 0), new int[] {2, 3}, 3, 4, 5, 0, 1, 2);
            assertValues(iota(2, 3).transpose(0, 1).roll(1, 0), new int[] {3, 2}, 2, 5, 0, 3, 1, 4);
        }

        @Test
        void rollBackwardRollsTheGradientBack() {
            Tensor x = iota(4).requiresGrad(true);
            x.roll(1, 0).mul(Tensors.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 4)).sum().backward();
            // out[j] = x[j-1], so d/dx[i] = w[i+1]
            assertValues(x.grad(), new int[] {4}, 2, 3, 4, 1);
        }

        @Test
        void misuse() {
            assertThatThrownBy(() -> iota(2, 3).flip(1, -1)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("flip").hasMessageContaining("twice");
            assertThatThrownBy(() -> iota(2, 3).roll(1, 2)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("roll").hasMessageContaining("[2, 3]");
        }
    }

    @Nested
    class Pad {
        private final Tensor x = Tensors.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 2, 2);

        @Test
        void constantPadsFromTheLastDimension() {
            assertValues(x.pad(new int[] {1, 0}, PadMode.CONSTANT, 9), new int[] {2, 3}, 9, 1, 2, 9, 3, 4);
            assertValues(x.pad(new int[] {0, 1, 1, 0}, PadMode.CONSTANT, 0), new int[] {3, 3}, 0, 0, 0, 1, 2, 0, 3, 4, 0);
            assertValues(x.pad(new int[] {}, PadMode.CONSTANT, 0), new int[] {2, 2}, 1, 2, 3, 4);
        }

        @Test
        void circularWrapsAroundLikeATorus() {
            assertValues(iota(4).pad(new int[] {2, 1}, PadMode.CIRCULAR, 0), new int[] {7}, 2, 3, 0, 1, 2, 3, 0);
            assertValues(x.pad(new int[] {1, 1, 1, 1}, PadMode.CIRCULAR, 0), new int[] {4, 4},
                    4, 3, 4, 3,
                    2, 1, 2, 1,
                    4, 3, 4, 3,
                    2, 1, 2, 1);
            assertValues(x.transpose(0, 1).pad(new int[] {0, 1}, PadMode.CIRCULAR, 0), new int[] {2, 3}, 1, 3, 1, 2, 4, 2);
        }

        @Test
        void circularBackwardFoldsTheBorderOntoTheEdgeItCopied() {
            Tensor v = iota(3).requiresGrad(true);
            // [v2, v0, v1, v2, v0] weighted by 1..5
            v.pad(new int[] {1, 1}, PadMode.CIRCULAR, 0).mul(Tensors.of(new double[] {1, 2, 3, 4, 5}, DType.FLOAT64, 5)).sum().backward();
            assertValues(v.grad(), new int[] {3}, 2 + 5, 3, 4 + 1);
        }

        @Test
        void misuseNamesPaddingAndShape() {
            assertThatThrownBy(() -> x.pad(new int[] {1}, PadMode.CONSTANT, 0)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("pad").hasMessageContaining("[1]").hasMessageContaining("[2, 2]");
            assertThatThrownBy(() -> x.pad(new int[] {1, 1, 1, 1, 1, 1}, PadMode.CONSTANT, 0))
                    .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("pad");
            assertThatThrownBy(() -> x.pad(new int[] {-1, 0}, PadMode.CONSTANT, 0)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("negative");
            assertThatThrownBy(() -> x.pad(new int[] {3, 0}, PadMode.CIRCULAR, 0)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("circular").hasMessageContaining("[2, 2]");
        }
    }

    @Nested
    class ConcatAndStack {
        @Test
        void concatAndStackValues() {
            Tensor a = iota(2, 1);
            Tensor b = iota(2, 2).add(10);
            assertValues(Tensors.concat(1, a, b), new int[] {2, 3}, 0, 10, 11, 1, 12, 13);
            assertValues(Tensors.concat(-2, b, b.transpose(0, 1)), new int[] {4, 2}, 10, 11, 12, 13, 10, 12, 11, 13);
            assertValues(Tensors.stack(0, iota(2), iota(2).add(5)), new int[] {2, 2}, 0, 1, 5, 6);
            assertValues(Tensors.stack(1, iota(2), iota(2).add(5)), new int[] {2, 2}, 0, 5, 1, 6);
        }

        @Test
        void mismatchedPartsNameTheShapes() {
            assertThatThrownBy(() -> Tensors.concat(0, iota(2, 3), iota(2, 2))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("concat").hasMessageContaining("[2, 2]").hasMessageContaining("[2, 3]");
            assertThatThrownBy(() -> Tensors.concat(0, iota(2, 3), iota(3))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("concat").hasMessageContaining("[3]").hasMessageContaining("[2, 3]");
            assertThatThrownBy(() -> Tensors.concat(0, iota(2), iota(2).to(DType.FLOAT32))).isInstanceOf(DTypeMismatchException.class)
                    .hasMessageContaining("concat").hasMessageContaining("FLOAT32").hasMessageContaining("FLOAT64");
            assertThatThrownBy(() -> Tensors.stack(0, iota(2, 3), iota(3, 2))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("stack").hasMessageContaining("[3, 2]").hasMessageContaining("[2, 3]");
            assertThatThrownBy(() -> Tensors.stack(0, iota(2), iota(2).to(DType.FLOAT32))).isInstanceOf(DTypeMismatchException.class)
                    .hasMessageContaining("stack").hasMessageContaining("FLOAT32");
        }
    }
}
