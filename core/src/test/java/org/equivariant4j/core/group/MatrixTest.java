package org.equivariant4j.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class MatrixTest {
    private final Matrix a = Matrix.ofRowMajor(2, 2, 1, 2, 3, 4);

    @Test
    void arithmetic() {
        assertThat(a.multiply(Matrix.identity(2))).isEqualTo(a);
        assertThat(a.multiply(a)).isEqualTo(Matrix.ofRowMajor(2, 2, 7, 10, 15, 22));
        assertThat(a.multiply(new double[] {1, -1})).containsExactly(-1, -1);
        assertThat(a.transpose()).isEqualTo(Matrix.ofRowMajor(2, 2, 1, 3, 2, 4));
        assertThat(a.plus(a).minus(a)).isEqualTo(a);
        assertThat(a.times(2).get(1, 1)).isEqualTo(8.0);
        assertThat(a.trace()).isEqualTo(5.0);
        assertThat(a.determinant()).isCloseTo(-2, within(1e-15));
        assertThat(a.multiply(a.inverse()).isClose(Matrix.identity(2), 1e-15)).isTrue();
    }

    @Test
    void blockOperations() {
        Matrix b = Matrix.diagonal(5);
        assertThat(a.directSum(b)).isEqualTo(Matrix.ofRowMajor(3, 3, 1, 2, 0, 3, 4, 0, 0, 0, 5));
        assertThat(b.kronecker(a)).isEqualTo(a.times(5));
        assertThat(Matrix.identity(2).kronecker(a)).isEqualTo(a.directSum(a));
        assertThat(a.kronecker(Matrix.identity(1)).shape()).isEqualTo("2x2");
    }

    @Test
    void predicates() {
        Matrix p = Matrix.permutation(new int[] {2, 0, 1});
        assertThat(p.multiply(new double[] {1, 2, 3})).containsExactly(2, 3, 1);
        assertThat(p.isPermutation(0)).isTrue();
        assertThat(p.isOrthogonal(0)).isTrue();
        assertThat(p.times(-1).isPermutation(1e-9)).isFalse();
        assertThat(a.isOrthogonal(1e-9)).isFalse();
        assertThat(Matrix.zeros(2, 3).isPermutation(0)).isFalse();
    }

    @Test
    void valueSemanticsAndText() {
        double[][] rows = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(rows);
        rows[0][0] = 99;
        assertThat(m).isEqualTo(a).hasSameHashCodeAs(a);
        m.toArray()[0][0] = 99;
        assertThat(m.get(0, 0)).as("copies never alias").isEqualTo(1.0);
        assertThat(a).hasToString("[[1.0, 2.0], [3.0, 4.0]]");
    }

    @Test
    void shapeErrorsNameTheShapes() {
        assertThatThrownBy(() -> a.multiply(Matrix.zeros(3, 1))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2x2 times 3x1");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).trace()).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2x3");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> Matrix.ofRowMajor(2, 2, 1, 2, 2, 4).inverse()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> a.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
