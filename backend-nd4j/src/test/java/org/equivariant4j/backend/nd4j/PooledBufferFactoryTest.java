package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's own allocations are served from the process's pool: an op's result, a {@code dup} and a
 * request for zeros all take the block given back last, and fresh memory is counted.
 */
class PooledBufferFactoryTest {
    // Sizes no other test in this JVM is likely to give back, so that the pooled buffer found is ours.
    private static final long[] SHAPE = {7, 13};

    @Test
    void opResultsDupsAndZerosTakeReturnedBuffers() {
        BufferPool pool = BufferPool.process();
        assertThat(pool.enabled()).as("pool on (the default)").isTrue();
        INDArray x = Nd4j.rand(DataType.FLOAT, SHAPE);
        INDArray y = Nd4j.rand(DataType.FLOAT, SHAPE);

        DataBuffer dead = Nd4j.createUninitialized(DataType.FLOAT, SHAPE).data();
        long block = dead.address();
        BufferPool.release(dead);
        INDArray sum = x.add(y);
        assertThat(sum.data().address()).as("op result").isEqualTo(block);
        assertThat(sum.getFloat(5)).isEqualTo(x.getFloat(5) + y.getFloat(5));

        BufferPool.release(sum.data());
        INDArray copy = x.dup();
        assertThat(copy.data().address()).as("dup").isEqualTo(block);
        assertThat(copy).isEqualTo(x);

        BufferPool.release(copy.data());
        INDArray zeros = Nd4j.zeros(DataType.FLOAT, SHAPE);
        assertThat(zeros.data().address()).as("zeros").isEqualTo(block);
        assertThat(zeros.ravel().toFloatVector()).containsOnly(0f);
    }

    @Test
    void freshMemoryIsCounted() {
        PoolCounters c = BufferPool.process().counters();
        long before = c.bytes(PoolCounters.Event.FRESH);
        // A size no other test uses: the pool has no block of its class yet.
        Nd4j.createUninitialized(DataType.DOUBLE, 3, 100_003);
        assertThat(c.bytes(PoolCounters.Event.FRESH) - before).isGreaterThanOrEqualTo(3 * 100_003 * 8);
        long servedBefore = c.bytes(PoolCounters.Event.FRESH) + c.bytes(PoolCounters.Event.REUSED);
        Nd4j.createFromArray(new float[1001]);
        assertThat(c.bytes(PoolCounters.Event.FRESH) + c.bytes(PoolCounters.Event.REUSED) - servedBefore).as("an array from Java data: fresh or from the pool")
                .isGreaterThanOrEqualTo(1001 * 4);
    }

    @Test
    void aViewGoesBackAsAClosedViewNotIntoThePool() {
        INDArray parent = Nd4j.rand(DataType.FLOAT, 4, 9);
        INDArray row = parent.getRow(1);
        BufferPool.release(row.data());
        assertThat(BufferPool.process().holds(row.data())).isFalse();
        assertThat(BufferPool.process().holds(parent.data())).isFalse();
    }
}
