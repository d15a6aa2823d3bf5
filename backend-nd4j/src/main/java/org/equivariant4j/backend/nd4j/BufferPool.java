package org.equivariant4j.backend.nd4j;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Native buffers that died, kept for the next request of the same size instead of being freed.
 * Freeing and allocating again is what a training step did with every gradient: libc hands large
 * blocks back to the kernel, so the next allocation faults in fresh pages (4 KiB at a time), and
 * ND4J's per-allocation set-up runs again. A step asks for the same sizes every time, so a buffer
 * given back by one step is taken by the next.
 *
 * <p><b>Size classes.</b> A class is a data type and an exact element count. The pool keeps ND4J's
 * own buffer objects, and an ND4J buffer has a fixed type and length: an array over a longer buffer
 * would be a view to ND4J (some of its ops copy views first), so rounding sizes up to powers of two
 * would trade page faults for copies. Training asks for the same shapes step after step, so exact
 * classes hit; {@link PoolCounters} shows how often.
 *
 * <p><b>Who gives back.</b> Only code that has proved nobody refers to a buffer any more calls
 * {@link #release}: the backward pass for gradients it made and handed on ({@link GradientBuffers}),
 * and kernels for the dense copies they made themselves ({@link NativeMemory#release}). Everything
 * else (forward values, closures' captures, leaf gradients, tensors the caller holds) is freed by
 * the garbage collector as before, because no code can know when the caller lets go of it.
 * {@link PooledBufferFactory} serves ND4J's allocations from the pool.
 *
 * <p><b>Bounds and checks.</b> The pool keeps at most {@code equivariant4j.pool.maxBytes} bytes
 * (default 1 GiB; larger returns are freed), refuses a buffer it already holds (a double return is
 * a bug and throws), and with {@code -Dequivariant4j.pool.poison=true} fills every returned buffer
 * with all-one bits (NaN in every float type, -1 in the integer ones), so that a buffer reused while
 * something still reads it shows up as NaN instead of as silently wrong numbers. Thread-safe: ND4J
 * allocates from every thread that calls it.
 *
 * <p>{@code -Dequivariant4j.pool=false} turns reuse off: returned buffers are freed at once, as
 * before the pool (to compare, or to rule it out when chasing a bug).
 */
final class BufferPool {
    static final String PROPERTY = "equivariant4j.pool";
    static final String POISON_PROPERTY = "equivariant4j.pool.poison";
    static final String MAX_BYTES_PROPERTY = "equivariant4j.pool.maxBytes";
    static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** All-one bytes: NaN as float32, float64, float16 or bfloat16; -1 as any integer. */
    private static final byte POISON = (byte) 0xFF;

    private static final BufferPool PROCESS = new BufferPool(!"false".equals(System.getProperty(PROPERTY, "true")),
            Boolean.getBoolean(POISON_PROPERTY), Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES));

    static {
        PooledBufferFactory.install(PROCESS);
    }

    private final Map<SizeClass, ArrayDeque<DataBuffer>> free = new HashMap<>();
    private final Set<DataBuffer> held = Collections.newSetFromMap(new IdentityHashMap<>());
    private final PoolCounters counters = new PoolCounters();
    private volatile boolean enabled;
    private volatile boolean poison;
    private final long maxBytes;
    private long heldBytes;

    BufferPool(boolean enabled, boolean poison, long maxBytes) {
        this.enabled = enabled;
        this.poison = poison;
        this.maxBytes = maxBytes;
    }

    /** The pool ND4J's allocations in this process are served from. */
    static BufferPool process() {
        return PROCESS;
    }

    /**
     * Ends the life of {@code buffer}, which nothing refers to any more (the caller has proved it):
     * a buffer of its own goes into the pool when it fits there and is freed now otherwise; a view
     * or a buffer ND4J manages itself (workspace or constant memory) is closed as ND4J allows.
     */
    static void release(DataBuffer buffer) {
        if (buffer == null || buffer.wasClosed() || !buffer.closeable()) {
            return;
        }
        boolean own = buffer.originalDataBuffer() == null && !buffer.isAttached() && !buffer.isConstant();
        if (!own || !PROCESS.give(buffer)) {
            buffer.close();
        }
    }

    /**
     * A buffer of {@code type} and {@code length} elements from the pool, zero-filled if {@code zero}, or
     * null when the pool has none (the caller allocates a fresh one).
     */
    DataBuffer take(DataType type, long length, boolean zero) {
        if (!enabled) {
            return null;
        }
        DataBuffer b;
        synchronized (this) {
            ArrayDeque<DataBuffer> stack = free.get(new SizeClass(type, length));
            b = stack == null ? null : stack.pollFirst();
            if (b == null) {
                return null;
            }
            held.remove(b);
            heldBytes -= bytes(b);
        }
        if (zero) {
            Pointer.memset(b.addressPointer(), 0, bytes(b));
        }
        counters.reused(bytes(b));
        return b;
    }

    /**
     * Takes {@code root} (a dense buffer of its own that nobody refers to any more) into the pool;
     * false when it may not or does not fit, and the caller frees it.
     */
    boolean give(DataBuffer root) {
        if (!enabled || root.wasClosed()) {
            return false;
        }
        long bytes = bytes(root);
        synchronized (this) {
            if (held.contains(root)) {
                throw new IllegalStateException("buffer pool: a " + root.dataType() + " buffer of " + root.length()
                        + " elements was given back twice (a second owner would read memory another tensor now uses)");
            }
            if (heldBytes + bytes > maxBytes) {
                return false;
            }
            if (poison) {
                Pointer.memset(root.addressPointer(), POISON, bytes);
            }
            free.computeIfAbsent(new SizeClass(root.dataType(), root.length()), k -> new ArrayDeque<>()).addFirst(root);
            held.add(root);
            heldBytes += bytes;
        }
        counters.recycled(bytes);
        return true;
    }

    /** Whether {@code b} sits in the pool now, waiting to be reused. */
    synchronized boolean holds(DataBuffer b) {
        return held.contains(b);
    }

    /** The bytes the pool holds for reuse now. */
    synchronized long heldBytes() {
        return heldBytes;
    }

    PoolCounters counters() {
        return counters;
    }

    boolean enabled() {
        return enabled;
    }

    /** Switches reuse on or off (tests compare both in one JVM); switching off frees what the pool holds. */
    void enabled(boolean on) {
        enabled = on;
        if (!on) {
            drain();
        }
    }

    /** Switches poisoning of returned buffers on or off (tests switch it on). */
    void poison(boolean on) {
        poison = on;
    }

    /** Frees every buffer the pool holds. */
    void drain() {
        synchronized (this) {
            for (ArrayDeque<DataBuffer> stack : free.values()) {
                for (DataBuffer b : stack) {
                    b.close();
                }
            }
            free.clear();
            held.clear();
            heldBytes = 0;
        }
    }

    static long bytes(DataBuffer b) {
        return b.length() * b.getElementSize();
    }

    /** One size class: the data type and exact element count of a buffer. */
    private record SizeClass(DataType type, long length) {
    }
}
