package org.equivariant4j.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.Equivariant4jException;
import org.junit.jupiter.api.Test;

/** The closure, the table and the breadth-first tree of {@link CayleyTable}, on permutations of three points. */
class CayleyTableTest {
    /** Permutations of {0, 1, 2} as arrays, composed right to left: (p * q)[i] = p[q[i]]. */
    private static int[] compose(int[] p, int[] q) {
        return new int[] {p[q[0]], p[q[1]], p[q[2]]};
    }

    private final CayleyTable<int[]> s3 = CayleyTable.close("S3", new int[] {0, 1, 2},
            List.of(new int[] {1, 2, 0}, new int[] {1, 0, 2}), CayleyTableTest::compose, java.util.Arrays::equals);

    @Test
    void closesTwoGeneratorsOfS3ToSixElementsIdentityFirst() {
        assertThat(s3.size()).isEqualTo(6);
        assertThat(s3.members().get(0)).containsExactly(0, 1, 2);
        assertThat(s3.members().get(s3.generator(0))).containsExactly(1, 2, 0);
        assertThat(s3.members().get(s3.generator(1))).containsExactly(1, 0, 2);
    }

    @Test
    void productsInversesAndTheTreeAgreeWithTheMembers() {
        for (int i = 0; i < 6; i++) {
            assertThat(compose(s3.members().get(i), s3.members().get(s3.inverse(i)))).containsExactly(0, 1, 2);
            for (int j = 0; j < 6; j++) {
                assertThat(s3.members().get(s3.product(i, j))).isEqualTo(compose(s3.members().get(i), s3.members().get(j)));
            }
            if (i > 0) {
                int[] rebuilt = compose(s3.members().get(s3.parent(i)), s3.members().get(s3.generator(s3.step(i))));
                assertThat(rebuilt).as("member %d = parent * generator", i).isEqualTo(s3.members().get(i));
                assertThat(s3.parent(i)).isLessThan(i);
            }
        }
        assertThat(s3.parent(0)).isEqualTo(-1);
    }

    @Test
    void aGeneratorOfInfiniteOrderIsRefusedAtTheOrderBound() {
        double angle = 1.0; // radians: no power of it is the identity
        Matrix turn = Matrix.ofRowMajor(2, 2, Math.cos(angle), -Math.sin(angle), Math.sin(angle), Math.cos(angle));
        assertThatThrownBy(() -> CayleyTable.close("R", Matrix.identity(2), List.of(turn), Matrix::multiply,
                (a, b) -> a.isClose(b, 1e-9)))
                .isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("Cayley table of R").hasMessageContaining("more than " + CayleyTable.MAX_ORDER);
    }
}
