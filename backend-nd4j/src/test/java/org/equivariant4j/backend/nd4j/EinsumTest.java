package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Einsum;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Einsum lowered to permute/reshape/matmul agrees with a direct sum over all index values. */
class EinsumTest {
    private final Rng rng = new Rng(5);

    @ParameterizedTest
    @ValueSource(strings = {"ij,jk->ik", "bij,bjk->bik", "gij,nj->ngi", "ij,ij->i", "ijk,k->ji", "ab,cd->abcd", "abc,bd->d",
        "ij->ji", "ijk->k"})
    void matchesTheDefinition(String spec) {
        String[] ins = spec.split("->")[0].split(",");
        int[] extents = {2, 3, 4, 2, 3, 2};   // a..f, and i..n share these by letter position below
        Tensor[] ops = new Tensor[ins.length];
        for (int k = 0; k < ins.length; k++) {
            int[] shape = ins[k].chars().map(c -> extents[(c - 'a') % extents.length]).toArray();
            ops[k] = Tensors.randn(rng, DType.FLOAT64, shape);
        }
        Tensor fast = Einsum.contract(spec, ops);
        double[] slow = Reference.einsum(spec, ops, extents);
        assertThat(fast.toDoubleArray()).hasSize(slow.length);
        double[] f = fast.toDoubleArray();
        for (int i = 0; i < slow.length; i++) {
            assertThat(f[i]).as("entry %d of %s", i, spec).isCloseTo(slow[i], within(1e-10));
        }
    }

    @Test
    void isDifferentiableThroughItsLowering() {
        GradientCheck.of("einsum gij,nj->ngi", x -> Einsum.contract("gij,nj->ngi", x[0], x[1]),
                Tensors.randn(rng, DType.FLOAT64, 3, 2, 4), Tensors.randn(rng, DType.FLOAT64, 5, 4)).assertCorrect();
    }

    @Test
    void mismatchedIndexSizesAreNamed() {
        assertThatThrownBy(() -> Einsum.contract("ij,jk->ik", Tensors.zeros(2, 3), Tensors.zeros(4, 5)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("index 'j' has size 3")
                .hasMessageContaining("4");
    }

    /** Direct evaluation by enumerating every assignment of the indices. */
    private static final class Reference {
        static double[] einsum(String spec, Tensor[] ops, int[] extents) {
            String[] ins = spec.split("->")[0].split(",");
            String out = spec.split("->")[1];
            String all = (String.join("", ins) + out).chars().distinct()
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            int[] size = all.chars().map(c -> extents[(c - 'a') % extents.length]).toArray();
            double[][] vals = new double[ops.length][];
            for (int k = 0; k < ops.length; k++) {
                vals[k] = ops[k].toDoubleArray();
            }
            int outN = out.chars().map(c -> size[all.indexOf(c)]).reduce(1, (x, y) -> x * y);
            double[] result = new double[outN];
            int[] idx = new int[all.length()];
            while (true) {
                double prod = 1;
                for (int k = 0; k < ops.length; k++) {
                    prod *= vals[k][flat(ins[k], all, idx, size)];
                }
                result[flat(out, all, idx, size)] += prod;
                int d = all.length() - 1;
                while (d >= 0 && ++idx[d] == size[d]) {
                    idx[d--] = 0;
                }
                if (d < 0) {
                    return result;
                }
            }
        }

        static int flat(String sub, String all, int[] idx, int[] size) {
            int f = 0;
            for (char c : sub.toCharArray()) {
                int p = all.indexOf(c);
                f = f * size[p] + idx[p];
            }
            return f;
        }
    }
}
