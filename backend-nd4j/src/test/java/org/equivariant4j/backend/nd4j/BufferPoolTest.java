package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pool on its own (a private instance, so that nothing else in the JVM takes from it): size
 * classes, reuse, zeroing, poisoning, refusal of double returns, the byte bound, and many threads
 * taking and giving back at once without ever sharing a buffer.
 */
class BufferPoolTest {

    private static DataBuffer fresh(DataType type, long length) {
        return Nd4j.createUninitialized(type, length).data();
    }

    @Test
    void aBufferGivenBackIsTakenByTheNextRequestOfItsTypeAndLengthOnly() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer b = fresh(DataType.FLOAT, 100);
        assertThat(pool.give(b)).isTrue();
        assertThat(pool.take(DataType.FLOAT, 101, false)).as("another length").isNull();
        assertThat(pool.take(DataType.DOUBLE, 100, false)).as("another type").isNull();
        assertThat(pool.take(DataType.INT, 100, false)).as("same bytes, another type").isNull();
        assertThat(pool.take(DataType.FLOAT, 100, false)).isSameAs(b);
        assertThat(pool.take(DataType.FLOAT, 100, false)).as("taken once only").isNull();
        assertThat(pool.heldBytes()).isZero();
    }

    @Test
    void theMostRecentlyReturnedBufferIsReusedFirst() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer older = fresh(DataType.FLOAT, 64);
        DataBuffer newer = fresh(DataType.FLOAT, 64);
        pool.give(older);
        pool.give(newer);
        // Last in, first out: the buffer most likely still in the CPU's caches.
        assertThat(pool.take(DataType.FLOAT, 64, false)).isSameAs(newer);
        assertThat(pool.take(DataType.FLOAT, 64, false)).isSameAs(older);
    }

    @Test
    void aRequestForZerosGetsZerosAndPoisonedBuffersReadNaN() {
        BufferPool pool = new BufferPool(true, true, 1L << 20);
        INDArray a = Nd4j.createFromArray(1f, 2f, 3f, 4f, 5f);
        DataBuffer b = a.data();
        pool.give(b);
        assertThat(a.toFloatVector()).as("poisoned on return").containsOnly(Float.NaN);
        INDArray d = Nd4j.createFromArray(1.0, 2.0, 3.0);
        pool.give(d.data());
        assertThat(d.toDoubleVector()).as("poisoned float64").containsOnly(Double.NaN);
        INDArray i = Nd4j.createFromArray(7L, 8L);
        pool.give(i.data());
        assertThat(i.toLongVector()).as("poisoned int64: -1, an index every op rejects").containsOnly(-1L);

        DataBuffer z = pool.take(DataType.FLOAT, 5, true);
        assertThat(z).isSameAs(b);
        assertThat(z.asFloat()).containsOnly(0f);
    }

    @Test
    void aBufferGivenBackTwiceIsRefused() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer b = fresh(DataType.FLOAT, 10);
        pool.give(b);
        assertThatThrownBy(() -> pool.give(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThat(pool.heldBytes()).isEqualTo(40);
    }

    @Test
    void thePoolHoldsNoMoreThanItsBoundAndAClosedBufferNever() {
        BufferPool pool = new BufferPool(true, false, 100);
        assertThat(pool.give(fresh(DataType.FLOAT, 20))).isTrue();
        assertThat(pool.give(fresh(DataType.FLOAT, 6))).as("80 + 24 bytes > 100").isFalse();
        assertThat(pool.give(fresh(DataType.FLOAT, 5))).as("80 + 20 bytes").isTrue();
        DataBuffer closed = fresh(DataType.FLOAT, 1);
        closed.close();
        assertThat(pool.give(closed)).isFalse();
        pool.drain();
        assertThat(pool.heldBytes()).isZero();
        assertThat(pool.take(DataType.FLOAT, 20, false)).isNull();
    }

    @Test
    void aDisabledPoolNeitherTakesNorGives() {
        BufferPool pool = new BufferPool(false, false, 1L << 20);
        assertThat(pool.give(fresh(DataType.FLOAT, 8))).isFalse();
        assertThat(pool.take(DataType.FLOAT, 8, false)).isNull();
    }

    @Test
    void threadsTakingAndGivingBackNeverShareABuffer() throws Exception {
        BufferPool pool = new BufferPool(true, false, 1L << 24);
        Set<DataBuffer> out = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        int threads = 4;
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                float mark = t + 1;
                results.add(exec.submit(() -> {
                    int reused = 0;
                    for (int i = 0; i < 2000; i++) {
                        long length = 16 + (i % 3);
                        DataBuffer b = pool.take(DataType.FLOAT, length, false);
                        if (b == null) {
                            b = fresh(DataType.FLOAT, length);
                        } else {
                            reused++;
                        }
                        if (!out.add(b)) {
                            throw new AssertionError("a buffer handed to two threads at once");
                        }
                        for (int k = 0; k < length; k++) {
                            b.put(k, mark);
                        }
                        Thread.yield();
                        for (int k = 0; k < length; k++) {
                            if (b.getFloat(k) != mark) {
                                throw new AssertionError("another thread wrote into a buffer this one holds");
                            }
                        }
                        out.remove(b);
                        pool.give(b);
                    }
                    return reused;
                }));
            }
            int reused = 0;
            for (Future<Integer> f : results) {
                reused += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(reused).as("the threads reused each other's buffers").isGreaterThan(threads * 1000);
        } finally {
            exec.shutdownNow();
        }
    }
}
