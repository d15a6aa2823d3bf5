package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Which arrays count as dense, and that the address of a view (of a view) is its first element. */
class NativeMemoryTest {

    @Test
    void rowSlicesAreDenseTransposesAndColumnSlicesAreNot() {
        INDArray x = Nd4j.arange(0, 60).castTo(DataType.FLOAT).reshape(6, 10);
        assertThat(NativeMemory.isDense(x)).isTrue();
        assertThat(NativeMemory.isDense(x.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all()))).isTrue();
        assertThat(NativeMemory.isDense(x.getRow(3))).isTrue();
        assertThat(NativeMemory.isDense(x.transpose())).isFalse();
        assertThat(NativeMemory.isDense(x.getColumn(3))).isFalse();
        assertThat(NativeMemory.isDense(x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5)))).isFalse();
        assertThat(NativeMemory.isDense(x.dup('f'))).isFalse();
        assertThat(NativeMemory.isDense(x.reshape(6, 1, 10))).isTrue();
    }

    @Test
    void theAddressOfANestedViewIsItsFirstElement() {
        INDArray x = Nd4j.arange(0, 60).castTo(DataType.DOUBLE).reshape(6, 10);
        INDArray rows = x.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all());
        INDArray row = rows.getRow(1);
        INDArray tail = row.get(NDArrayIndex.interval(4, 10));
        assertThat(NativeMemory.isDense(tail)).isTrue();
        assertThat(NativeMemory.UNSAFE.getDouble(NativeMemory.address(rows))).isEqualTo(20.0);
        assertThat(NativeMemory.UNSAFE.getDouble(NativeMemory.address(row))).isEqualTo(30.0);
        assertThat(NativeMemory.UNSAFE.getDouble(NativeMemory.address(tail))).isEqualTo(34.0);
        assertThat(NativeMemory.UNSAFE.getDouble(NativeMemory.address(tail) + 5 * Double.BYTES)).isEqualTo(39.0);
    }
}
