package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pool on its own (a private instance, so that nothing else in the JVM takes from it): size
 * classes, reuse across types, zeroing, poisoning, refusal of double returns, blocks coming back
 * when the collector finds their buffer unreachable, the byte bound, and many threads taking and
 * giving back at once without ever sharing a block.
 */
class BufferPoolTest {
    private static final PooledBufferFactory.BufferMaker MAKER =
            (block, type, length) -> PooledBufferFactory.onBlock(Nd4j.getDataBufferFactory(), block, type, length);

    private static DataBuffer take(BufferPool pool, DataType type, long length) {
        return pool.take(type, length, false, MAKER);
    }

    @Test
    void sizeClassesAreFourPerPowerOfTwoAndWasteLessThanAQuarter() {
        assertThat(BufferPool.sizeClass(1)).isEqualTo(64);
        assertThat(BufferPool.sizeClass(64)).isEqualTo(64);
        assertThat(BufferPool.sizeClass(65)).isEqualTo(80);
        assertThat(BufferPool.sizeClass(81)).isEqualTo(96);
        assertThat(BufferPool.sizeClass(128)).isEqualTo(128);
        assertThat(BufferPool.sizeClass(129)).isEqualTo(160);
        assertThat(BufferPool.sizeClass(1025)).isEqualTo(1280);
        assertThat(BufferPool.sizeClass(256 * 256 * 4)).as("a [256, 256] float32 array fits exactly").isEqualTo(256 * 256 * 4);
        SplittableRandom rnd = new SplittableRandom(1);
        Set<Long> classes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long n = 65 + rnd.nextLong(1L << 34);
            long c = BufferPool.sizeClass(n);
            assertThat(c).as("class of %d", n).isGreaterThanOrEqualTo(n);
            assertThat((double) c / n).as("waste of %d", n).isLessThan(1.25);
            assertThat(BufferPool.sizeClass(c)).as("a class is its own class").isEqualTo(c);
            classes.add(c);
        }
        assertThat(classes.size()).as("few classes for many sizes").isLessThan(4 * 35);
    }

    @Test
    void aBlockGivenBackServesTheNextRequestOfItsClassWhateverTheType() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer f = take(pool, DataType.FLOAT, 100);
        long address = f.address();
        assertThat(pool.give(f)).isTrue();
        DataBuffer d = take(pool, DataType.DOUBLE, 50);
        assertThat(d.address()).as("400 bytes as float64").isEqualTo(address);
        assertThat(d.length()).isEqualTo(50);
        pool.give(d);
        DataBuffer g = take(pool, DataType.FLOAT, 105);
        assertThat(g.address()).as("420 bytes: the same class, 448").isEqualTo(address);
        DataBuffer other = take(pool, DataType.FLOAT, 100);
        assertThat(other.address()).as("a block is handed to one buffer at a time").isNotEqualTo(address);
        assertThat(pool.give(Nd4j.createFromArray(1f, 2f).data())).as("a buffer the pool did not make").isFalse();
    }

    @Test
    void theMostRecentlyReturnedBlockIsReusedFirst() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer older = take(pool, DataType.FLOAT, 64);
        DataBuffer newer = take(pool, DataType.FLOAT, 64);
        long olderAddress = older.address();
        long newerAddress = newer.address();
        pool.give(older);
        pool.give(newer);
        // Last in, first out: the block most likely still in the CPU's caches.
        assertThat(take(pool, DataType.FLOAT, 64).address()).isEqualTo(newerAddress);
        assertThat(take(pool, DataType.FLOAT, 64).address()).isEqualTo(olderAddress);
    }

    @Test
    void aRequestForZerosGetsZerosAndReturnedBlocksArePoisoned() {
        BufferPool pool = new BufferPool(true, true, 1L << 20);
        DataBuffer f = take(pool, DataType.FLOAT, 5);
        for (int i = 0; i < 5; i++) {
            f.put(i, i + 1f);
        }
        pool.give(f);
        assertThat(f.asFloat()).as("a stale float32 reader sees NaN").containsOnly(Float.NaN);
        DataBuffer l = take(pool, DataType.LONG, 2);
        assertThat(l.asLong()).as("the same block as int64: -1, an index every op rejects").containsOnly(-1L);
        pool.give(l);
        DataBuffer z = pool.take(DataType.DOUBLE, 2, true, MAKER);
        assertThat(z.asDouble()).containsOnly(0.0);
    }

    @Test
    void aBufferGivenBackTwiceIsRefused() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer b = take(pool, DataType.FLOAT, 10);
        pool.give(b);
        assertThatThrownBy(() -> pool.give(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    @Test
    void aStaleBufferGivenBackAfterItsBlockWasReusedIsNotTakenNorDoesItFreeTheBlock() {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        DataBuffer stale = take(pool, DataType.FLOAT, 10);
        pool.give(stale);
        DataBuffer now = take(pool, DataType.FLOAT, 10);
        assertThat(pool.give(stale)).isFalse();
        // ND4J's close of a buffer on external memory must not free the block under the new owner.
        stale.close();
        now.put(3, 42f);
        assertThat(now.getFloat(3)).isEqualTo(42f);
        assertThat(pool.give(now)).isTrue();
        pool.drain();
    }

    @Test
    void aBlockComesBackWhenTheCollectorFindsItsBufferUnreachable() throws InterruptedException {
        BufferPool pool = new BufferPool(true, false, 1L << 20);
        take(pool, DataType.FLOAT, 1000);
        assertThat(pool.heldBytes()).isZero();
        for (int i = 0; i < 50 && pool.heldBytes() == 0; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(pool.heldBytes()).isEqualTo(BufferPool.sizeClass(4000));
        assertThat(pool.counters().count(PoolCounters.Event.COLLECTED)).isEqualTo(1);
        assertThat(pool.leasedBytes()).isZero();
    }

    @Test
    void thePoolKeepsNoMoreFreeBytesThanItsBound() {
        BufferPool pool = new BufferPool(true, false, 100);
        DataBuffer a = take(pool, DataType.FLOAT, 20);
        DataBuffer b = take(pool, DataType.FLOAT, 20);
        pool.give(a);
        pool.give(b);
        assertThat(pool.heldBytes()).as("80 bytes kept, the second 80 freed").isEqualTo(80);
        pool.drain();
        assertThat(pool.heldBytes()).isZero();
    }

    @Test
    void aDisabledPoolNeitherTakesNorGives() {
        BufferPool pool = new BufferPool(false, false, 1L << 20);
        assertThat(take(pool, DataType.FLOAT, 8)).isNull();
    }

    @Test
    void threadsTakingAndGivingBackNeverShareABlock() throws Exception {
        BufferPool pool = new BufferPool(true, false, 1L << 24);
        Set<Long> out = Collections.synchronizedSet(new HashSet<>());
        int threads = 4;
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                float mark = t + 1;
                results.add(exec.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        long length = 16 + (i % 3);
                        DataBuffer b = take(pool, DataType.FLOAT, length);
                        if (!out.add(b.address())) {
                            throw new AssertionError("a block handed to two threads at once");
                        }
                        for (int k = 0; k < length; k++) {
                            b.put(k, mark);
                        }
                        Thread.yield();
                        for (int k = 0; k < length; k++) {
                            if (b.getFloat(k) != mark) {
                                throw new AssertionError("another thread wrote into a block this one holds");
                            }
                        }
                        out.remove(b.address());
                        pool.give(b);
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(pool.counters().count(PoolCounters.Event.REUSED)).as("the threads reused each other's blocks")
                    .isGreaterThan(threads * 1000L);
        } finally {
            exec.shutdownNow();
            pool.drain();
        }
    }
}
