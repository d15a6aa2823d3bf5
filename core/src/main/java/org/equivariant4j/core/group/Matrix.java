package org.equivariant4j.core.group;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;

/**
 * An immutable dense float64 matrix: the value a {@link Representation} returns for a group element.
 *
 * <p>Group math is small (2x2 rotations, 60x60 regular representations) and must stay exact to about
 * 1e-12, so it lives here in plain Java rather than on a {@code Tensor}: a third-party group compiles
 * against {@code core} alone and needs no engine. Every operation returns a new matrix; the backing
 * array never escapes. {@link #toString()} prints every entry at full precision, so a failure
 * message shows the actual numbers.
 */
public final class Matrix {
    private final int rows;
    private final int columns;
    /** Row-major; never shared with callers. */
    private final double[] data;

    private Matrix(int rows, int columns, double[] data) {
        this.rows = rows;
        this.columns = columns;
        this.data = data;
    }

    /** A copy of {@code entries} (rows of equal length; at least one row and one column). */
    public static Matrix of(double[][] entries) {
        if (entries.length == 0 || entries[0].length == 0) {
            throw new ShapeMismatchException("Matrix.of: a matrix needs at least one row and one column, got "
                    + entries.length + " rows");
        }
        int r = entries.length;
        int c = entries[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (entries[i].length != c) {
                throw new ShapeMismatchException("Matrix.of: row " + i + " has " + entries[i].length
                        + " entries, row 0 has " + c);
            }
            System.arraycopy(entries[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** A {@code rows x columns} matrix from row-major {@code values} (copied). */
    public static Matrix ofRowMajor(int rows, int columns, double... values) {
        if (rows <= 0 || columns <= 0 || values.length != rows * columns) {
            throw new ShapeMismatchException("Matrix.ofRowMajor: " + values.length + " values for a " + rows + "x"
                    + columns + " matrix");
        }
        return new Matrix(rows, columns, values.clone());
    }

    /** The n x n identity. */
    public static Matrix identity(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1.0;
        }
        return new Matrix(n, n, d);
    }

    /** A rows x columns matrix of zeros. */
    public static Matrix zeros(int rows, int columns) {
        return new Matrix(rows, columns, new double[rows * columns]);
    }

    /** A square diagonal matrix. */
    public static Matrix diagonal(double... diagonal) {
        int n = diagonal.length;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = diagonal[i];
        }
        return new Matrix(n, n, d);
    }

    /** The n x n permutation matrix sending basis vector j to basis vector {@code target[j]}. */
    public static Matrix permutation(int[] target) {
        int n = target.length;
        double[] d = new double[n * n];
        for (int j = 0; j < n; j++) {
            d[target[j] * n + j] = 1.0;
        }
        return new Matrix(n, n, d);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public boolean isSquare() {
        return rows == columns;
    }

    public double get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside a " + rows + "x" + columns
                    + " matrix");
        }
        return data[row * columns + column];
    }

    /** A fresh copy of the entries, one array per row. */
    public double[][] toArray() {
        double[][] out = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * columns, out[i], 0, columns);
        }
        return out;
    }

    /** A fresh row-major copy of the entries. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** {@code this * other}. */
    public Matrix multiply(Matrix other) {
        if (columns != other.rows) {
            throw new ShapeMismatchException("Matrix.multiply: " + shape() + " times " + other.shape());
        }
        int n = other.columns;
        double[] out = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < columns; k++) {
                double a = data[i * columns + k];
                if (a == 0.0) {
                    continue; // representation matrices are often sparse (permutations, block sums)
                }
                int o = k * n;
                int r = i * n;
                for (int j = 0; j < n; j++) {
                    out[r + j] += a * other.data[o + j];
                }
            }
        }
        return new Matrix(rows, n, out);
    }

    /** {@code this * vector}. */
    public double[] multiply(double[] vector) {
        if (vector.length != columns) {
            throw new ShapeMismatchException("Matrix.multiply: " + shape() + " times a vector of length "
                    + vector.length);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < columns; j++) {
                s += data[i * columns + j] * vector[j];
            }
            out[i] = s;
        }
        return out;
    }

    public Matrix transpose() {
        double[] out = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[j * rows + i] = data[i * columns + j];
            }
        }
        return new Matrix(columns, rows, out);
    }

    public Matrix plus(Matrix other) {
        requireSameShape("plus", other);
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] + other.data[i];
        }
        return new Matrix(rows, columns, out);
    }

    public Matrix minus(Matrix other) {
        requireSameShape("minus", other);
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] - other.data[i];
        }
        return new Matrix(rows, columns, out);
    }

    public Matrix times(double scalar) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] * scalar;
        }
        return new Matrix(rows, columns, out);
    }

    public double trace() {
        requireSquare("trace");
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += data[i * columns + i];
        }
        return s;
    }

    /** Block-diagonal {@code [[this, 0], [0, other]]}. */
    public Matrix directSum(Matrix other) {
        int r = rows + other.rows;
        int c = columns + other.columns;
        double[] out = new double[r * c];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * columns, out, i * c, columns);
        }
        for (int i = 0; i < other.rows; i++) {
            System.arraycopy(other.data, i * other.columns, out, (rows + i) * c + columns, other.columns);
        }
        return new Matrix(r, c, out);
    }

    /** The Kronecker product: entry {@code (i*p + k, j*q + l) = this(i, j) * other(k, l)}. */
    public Matrix kronecker(Matrix other) {
        int p = other.rows;
        int q = other.columns;
        int c = columns * q;
        double[] out = new double[rows * p * c];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double a = data[i * columns + j];
                if (a == 0.0) {
                    continue;
                }
                for (int k = 0; k < p; k++) {
                    for (int l = 0; l < q; l++) {
                        out[(i * p + k) * c + j * q + l] = a * other.data[k * q + l];
                    }
                }
            }
        }
        return new Matrix(rows * p, c, out);
    }

    /** The determinant, by LU decomposition with partial pivoting. */
    public double determinant() {
        requireSquare("determinant");
        return GaussianElimination.determinant(rows, data);
    }

    /**
     * The inverse, by Gauss-Jordan elimination with partial pivoting.
     *
     * @throws ArithmeticException if the matrix is singular to working precision
     */
    public Matrix inverse() {
        requireSquare("inverse");
        double[] inv = GaussianElimination.inverse(rows, data, maxAbs());
        if (inv == null) {
            throw new ArithmeticException("Matrix.inverse: singular " + shape() + " matrix " + this);
        }
        return new Matrix(rows, rows, inv);
    }

    /** The largest absolute entry. */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** The largest absolute entry of {@code this - other} (NaN-aware: any NaN gives NaN). */
    public double maxAbsDifference(Matrix other) {
        requireSameShape("maxAbsDifference", other);
        double m = 0;
        for (int i = 0; i < data.length; i++) {
            double d = Math.abs(data[i] - other.data[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            m = Math.max(m, d);
        }
        return m;
    }

    /** Same shape and every entry within {@code tolerance}. */
    public boolean isClose(Matrix other, double tolerance) {
        return rows == other.rows && columns == other.columns && maxAbsDifference(other) <= tolerance;
    }

    /** Square with {@code this^T this = I} to within {@code tolerance}. */
    public boolean isOrthogonal(double tolerance) {
        return isSquare() && transpose().multiply(this).isClose(identity(rows), tolerance);
    }

    /** Square, every entry 0 or 1 (within {@code tolerance}), exactly one 1 per row and per column. */
    public boolean isPermutation(double tolerance) {
        if (!isSquare()) {
            return false;
        }
        int[] perRow = new int[rows];
        int[] perColumn = new int[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double v = data[i * columns + j];
                if (Math.abs(v - 1.0) <= tolerance) {
                    perRow[i]++;
                    perColumn[j]++;
                } else if (Math.abs(v) > tolerance) {
                    return false;
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            if (perRow[i] != 1 || perColumn[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /** {@code "3x3"}. */
    public String shape() {
        return rows + "x" + columns;
    }

    private void requireSquare(String op) {
        if (!isSquare()) {
            throw new ShapeMismatchException("Matrix." + op + ": needs a square matrix, got " + shape());
        }
    }

    private void requireSameShape(String op, Matrix other) {
        if (rows != other.rows || columns != other.columns) {
            throw new ShapeMismatchException("Matrix." + op + ": " + shape() + " and " + other.shape());
        }
    }

    /** Exact equality of shape and entries; use {@link #isClose} for numerical comparisons. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && columns == m.columns && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(data);
    }

    /** {@code [[1.0, 0.0], [0.0, 1.0]]}, every entry at full precision. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < columns; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(data[i * columns + j]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
