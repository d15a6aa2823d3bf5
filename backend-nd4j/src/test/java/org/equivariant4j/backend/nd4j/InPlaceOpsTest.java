package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.core.tensor.UpdateKernels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The optimisers' in-place updates ({@link UpdateKernels}) give the formula's values on all three paths: the
 * engine's fused Java kernel, ND4J's in-place ops ({@code equivariant4j.kernels=nd4j}) and
 * {@link UpdateKernels#portable()}, with random operands in both float dtypes, an operand that is the target
 * itself, and strided (transposed) operands.
 */
class InPlaceOpsTest {
    private static final int ROWS = 37;
    private static final int COLS = 29;

    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(KernelSelection.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(KernelSelection.PROPERTY);
        } else {
            System.setProperty(KernelSelection.PROPERTY, saved);
        }
    }

    private enum Path { KERNEL, ND4J, PORTABLE_DEFAULT }

    private interface Update {
        void apply(UpdateKernels kernels, Tensor target, Tensor a, Tensor b);
    }

    private interface Formula {
        double at(double t, double a, double b);
    }

    private static final double ALPHA = 0.9;
    private static final double BETA = -0.37;
    private static final double EPS = 1e-3;

    @ParameterizedTest
    @EnumSource(Path.class)
    void scaleAddMatchesTheFormula(Path path) {
        check(path, (k, t, a, b) -> k.scaleAdd(t, ALPHA, a, BETA), (t, a, b) -> ALPHA * t + BETA * a);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void scaleAddProductMatchesTheFormula(Path path) {
        check(path, (k, t, a, b) -> k.scaleAddProduct(t, ALPHA, a, b, BETA), (t, a, b) -> ALPHA * t + BETA * a * b);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void addRootQuotientMatchesTheFormula(Path path) {
        check(path, (k, t, a, b) -> k.addRootQuotient(t, BETA, a, b, EPS), (t, a, b) -> t + BETA * a / (Math.sqrt(b) + EPS));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void anOperandMayBeTheTargetItself(Path path) {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor t = positive(new Rng(3), dtype);
            double[] before = t.toDoubleArray();
            kernels(path).scaleAddProduct(t, ALPHA, t, t, BETA);
            double[] after = t.toDoubleArray();
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).as("%s %s entry %d", path, dtype, i)
                        .isCloseTo(ALPHA * before[i] + BETA * before[i] * before[i], within(tolerance(dtype)));
            }
        }
    }

    @Test
    void stridedOperandsTakeTheNd4jRouteWithTheSameResult() {
        Rng rng = new Rng(11);
        Tensor t = positive(rng, DType.FLOAT64);
        Tensor aT = Tensors.uniform(rng, 0.1, 2, DType.FLOAT64, COLS, ROWS);
        Tensor a = aT.transpose(0, 1);
        double[] tv = t.toDoubleArray();
        double[] av = a.toDoubleArray();
        Tensors.backend().updateKernels().scaleAdd(t, ALPHA, a, BETA);
        double[] out = t.toDoubleArray();
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isCloseTo(ALPHA * tv[i] + BETA * av[i], within(1e-12));
        }
    }

    @Test
    void refusesOperandsOfAnotherShapeOrDtype() {
        Tensor t = Tensors.zeros(DType.FLOAT32, 2, 3);
        UpdateKernels kernels = Tensors.backend().updateKernels();
        assertThatThrownBy(() -> kernels.scaleAdd(t, 1, Tensors.zeros(DType.FLOAT32, 3, 2), 1))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("scaleAdd")
                .hasMessageContaining("[3, 2]").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> kernels.addRootQuotient(t, 1, Tensors.zeros(DType.FLOAT64, 2, 3), t, 1e-8))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("addRootQuotient");
    }

    private static void check(Path path, Update update, Formula formula) {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Rng rng = new Rng(dtype.ordinal() * 7L + path.ordinal());
            Tensor t = positive(rng, dtype);
            Tensor a = Tensors.randn(rng, dtype, ROWS, COLS);
            Tensor b = positive(rng, dtype);
            double[] tv = t.toDoubleArray();
            double[] av = a.toDoubleArray();
            double[] bv = b.toDoubleArray();
            update.apply(kernels(path), t, a, b);
            double[] out = t.toDoubleArray();
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).as("%s %s entry %d", path, dtype, i)
                        .isCloseTo(formula.at(tv[i], av[i], bv[i]), within(tolerance(dtype) * (1 + Math.abs(out[i]))));
            }
            assertThat(a.toDoubleArray()).as("operands are left alone").containsExactly(av);
            assertThat(b.toDoubleArray()).as("operands are left alone").containsExactly(bv);
        }
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    private static Tensor positive(Rng rng, DType dtype) {
        return Tensors.uniform(rng, 0.1, 2, dtype, ROWS, COLS);
    }

    /** The kernels of the path: the engine's with the kernel property set, or the portable ones. */
    private static UpdateKernels kernels(Path path) {
        switch (path) {
            case KERNEL -> System.setProperty(KernelSelection.PROPERTY, "auto");
            case ND4J -> System.setProperty(KernelSelection.PROPERTY, "nd4j");
            case PORTABLE_DEFAULT -> {
                return UpdateKernels.portable();
            }
        }
        return Tensors.backend().updateKernels();
    }
}
