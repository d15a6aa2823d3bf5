package org.equivariant4j.backend.nd4j;

import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The native memory behind ND4J's arrays, kept in size classes and reused instead of being freed
 * and allocated again. Fresh memory is what a training step paid for on every array: libc hands
 * large blocks back to the kernel, so the next allocation faults in fresh pages (4 KiB at a time),
 * and ND4J's buffers were freed only when the collector got round to it, so dead ones piled up to
 * gigabytes (benchmarks/README.md). A step asks for the same sizes every time, so a block one step
 * is done with serves the next.
 *
 * <p><b>Blocks and size classes.</b> The pool owns every block it hands out ({@link Pointer#malloc});
 * ND4J gets a buffer that points into it ({@link PooledBufferFactory}) and never frees it. Classes
 * are sizes in bytes, four per power of two (64, 80, 96, 112, 128, 160, ... bytes), so a block fits
 * any type and shape of up to its size and wastes at most a fifth of it; a buffer's length is the
 * array's, so ND4J sees no difference from its own allocation.
 *
 * <p><b>How blocks come back.</b> Two ways, and only these:
 * <ol>
 * <li>Deterministically, through {@link #release}, called only by code that has proved that nothing
 * refers to the buffer any more: the backward pass for the gradients it made and handed on
 * ({@link GradientBuffers}) and the kernels for the dense copies they made ({@link NativeMemory#release}).</li>
 * <li>When the collector finds a buffer unreachable (a phantom reference per lease): forward values,
 * arrays backward closures captured, leaf gradients dropped by {@code zeroGrad}, anything made under
 * {@code GradMode.disabled()}. These die when the caller lets go of them, which no code in the
 * engine can observe (there is no reference count, and a view, a {@code detach()}, a {@code grad()}
 * or an {@code unwrap()} may hold the memory too); an unreachable buffer is the proof that nothing
 * does. The {@link CollectionPacer} makes the collector run often enough.</li>
 * </ol>
 *
 * <p><b>Bounds and checks.</b> Free blocks beyond {@code equivariant4j.pool.maxBytes} (default 1 GiB,
 * and at most a quarter of JavaCPP's {@code maxphysicalbytes}) are freed, and all free blocks are freed
 * when the resident set nears that cap. A buffer given back twice is refused (a bug: it throws). With
 * {@code -Dequivariant4j.pool.poison=true} every returned block is filled with all-one bits (NaN in
 * every float type, -1 in the integer ones, {@code true}), so that memory reused while something
 * still reads it shows up as NaN instead of as silently wrong numbers; the backend's tests run so.
 * Thread-safe: ND4J allocates from every thread that calls it.
 *
 * <p>{@code -Dequivariant4j.pool=false} turns the pool and the paced collections off: ND4J allocates
 * and frees as before (to compare, or to rule the pool out when chasing a bug); fresh buffers are
 * still counted.
 */
final class BufferPool {
    static final String PROPERTY = "equivariant4j.pool";
    static final String POISON_PROPERTY = "equivariant4j.pool.poison";
    static final String MAX_BYTES_PROPERTY = "equivariant4j.pool.maxBytes";
    static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** The smallest class: below it a block's bookkeeping outweighs its memory. */
    static final long MIN_CLASS = 64;
    /** All-one bytes: NaN as float32, float64, float16 or bfloat16; -1 as any integer. */
    private static final byte POISON = (byte) 0xFF;

    /** Share of JavaCPP's resident-memory cap the free blocks may take at most. */
    static final int CAP_SHARE = 4;

    private static final BufferPool PROCESS = new BufferPool(!"false".equals(System.getProperty(PROPERTY, "true")),
            Boolean.getBoolean(POISON_PROPERTY), capped(Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES)));

    static {
        if (PooledBufferFactory.install(PROCESS) && PROCESS.enabled) {
            PROCESS.startReclaimer();
        }
    }

    private final Map<Long, ArrayDeque<Pointer>> free = new HashMap<>();
    private final Set<Long> freeAddresses = new HashSet<>();
    /** The lease of every block handed out, by address; holding the leases keeps their phantom references alive. */
    private final Map<Long, Lease> leases = new HashMap<>();
    private final ReferenceQueue<DataBuffer> unreachable = new ReferenceQueue<>();
    private final PoolCounters counters = new PoolCounters();
    private final CollectionPacer pacer;
    private final long maxBytes;
    private volatile boolean enabled;
    private volatile boolean poison;
    private long freeBytes;

    BufferPool(boolean enabled, boolean poison, long maxBytes) {
        this.enabled = enabled;
        this.poison = poison;
        this.maxBytes = maxBytes;
        // Off means the engine as it was before the pool: no reuse and no paced collections.
        this.pacer = enabled ? CollectionPacer.fromProperty() : new CollectionPacer(0);
    }

    /**
     * {@code bytes}, but at most a quarter of JavaCPP's cap on resident memory
     * ({@code org.bytedeco.javacpp.maxphysicalbytes}, twice the heap by default): the free blocks must
     * leave room under a cap the user set, or JavaCPP's own collections would find nothing to free.
     */
    static long capped(long bytes) {
        long cap = Pointer.maxPhysicalBytes();
        return cap > 0 ? Math.min(bytes, cap / CAP_SHARE) : bytes;
    }

    /**
     * Takes blocks back on a daemon thread as soon as the collector finds their buffers unreachable,
     * and frees the free blocks when the process nears JavaCPP's cap: JavaCPP, refusing an
     * allocation over its cap, collects and waits for memory to be freed, and this thread is what
     * frees it meanwhile (the allocating thread is blocked inside JavaCPP).
     */
    private void startReclaimer() {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Lease lease = (Lease) unreachable.remove();
                    synchronized (this) {
                        reclaim(lease);
                        reclaimUnreachable();
                        long cap = Pointer.maxPhysicalBytes();
                        if (cap > 0 && freeBytes > 0 && Pointer.physicalBytes() > cap - cap / CAP_SHARE) {
                            drain();
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "equivariant4j-buffer-pool");
        t.setDaemon(true);
        t.start();
    }

    /** The pool ND4J's allocations in this process are served from. */
    static BufferPool process() {
        return PROCESS;
    }

    /**
     * Ends the life of {@code buffer}, which nothing refers to any more (the caller has proved it):
     * a pooled buffer's block goes back to the pool, any other buffer of its own is freed now, and a
     * view or a buffer ND4J manages itself (workspace or constant memory) is closed as ND4J allows.
     */
    static void release(DataBuffer buffer) {
        if (buffer == null || buffer.wasClosed()) {
            return;
        }
        if (!PROCESS.give(buffer) && buffer.closeable()) {
            buffer.close();
        }
    }

    /** The size class of a request of {@code bytes}: the next of 4, 5, 6 or 7 times a power of two, at least {@link #MIN_CLASS}. */
    static long sizeClass(long bytes) {
        if (bytes <= MIN_CLASS) {
            return MIN_CLASS;
        }
        int shift = 63 - Long.numberOfLeadingZeros(bytes - 1) - 2;
        long step = 1L << shift;
        return (bytes + step - 1) / step * step;
    }

    /**
     * A buffer of {@code type} and {@code length} elements on a pooled block, zero-filled if
     * {@code zero}; a block of the size class is reused if the pool has one, else allocated. Null
     * when the pool is off or does not serve {@code type} (ND4J then allocates as usual).
     */
    DataBuffer take(DataType type, long length, boolean zero, PooledBufferFactory.BufferMaker maker) {
        if (!enabled || length <= 0 || !PooledBufferFactory.serves(type)) {
            return null;
        }
        long bytes = length * type.width();
        long cls = sizeClass(bytes);
        Pointer block;
        synchronized (this) {
            reclaimUnreachable();
            ArrayDeque<Pointer> stack = free.get(cls);
            block = stack == null ? null : stack.pollFirst();
            if (block != null) {
                freeBytes -= cls;
                freeAddresses.remove(block.address());
            }
        }
        if (block == null) {
            block = Pointer.malloc(cls);
            if (block == null || block.isNull()) {
                return null;
            }
            counters.count(PoolCounters.Event.FRESH, cls);
        } else {
            counters.count(PoolCounters.Event.REUSED, cls);
        }
        if (zero) {
            Pointer.memset(block, 0, bytes);
        }
        DataBuffer b = maker.make(block, type, length);
        synchronized (this) {
            leases.put(block.address(), new Lease(b, block, cls, unreachable));
        }
        pacer.allocated(cls);
        return b;
    }

    /**
     * Takes back the block under {@code buffer}, a buffer this pool made that nobody refers to any
     * more; false (and nothing done) for a buffer it did not make.
     */
    boolean give(DataBuffer buffer) {
        if (buffer.originalDataBuffer() != null) {
            return false;
        }
        long address = buffer.address();
        Lease lease;
        synchronized (this) {
            lease = leases.get(address);
            if (lease == null || !lease.refersTo(buffer)) {
                if (lease == null && holdsBlockAt(address)) {
                    // Its block is free already: given back before.
                    throw new IllegalStateException("buffer pool: a " + buffer.dataType() + " buffer of " + buffer.length()
                            + " elements was given back twice (a second owner would read memory another tensor now uses)");
                }
                // Not a buffer of this pool, or a stale one whose block another buffer uses now.
                return false;
            }
            leases.remove(address);
            // Cleared: the buffer object may live on in stale arrays, but its collection must not return the block again.
            lease.clear();
            putFree(lease.block, lease.bytes);
        }
        counters.count(PoolCounters.Event.GIVEN_BACK, lease.bytes);
        pacer.returned(lease.bytes);
        return true;
    }

    /** Blocks whose buffers the collector found unreachable go back to the free lists. */
    private void reclaimUnreachable() {
        for (Object r = unreachable.poll(); r != null; r = unreachable.poll()) {
            reclaim((Lease) r);
        }
    }

    private void reclaim(Lease lease) {
        if (leases.get(lease.block.address()) == lease) {
            leases.remove(lease.block.address());
            putFree(lease.block, lease.bytes);
            counters.count(PoolCounters.Event.COLLECTED, lease.bytes);
        }
    }

    private void putFree(Pointer block, long cls) {
        if (freeBytes + cls > maxBytes || !enabled) {
            Pointer.free(block);
            return;
        }
        if (poison) {
            Pointer.memset(block, POISON, cls);
        }
        free.computeIfAbsent(cls, k -> new ArrayDeque<>()).addFirst(block);
        freeAddresses.add(block.address());
        freeBytes += cls;
    }

    private boolean holdsBlockAt(long address) {
        return freeAddresses.contains(address);
    }

    /** Whether the block under {@code b} sits in the pool now, waiting to be reused. */
    synchronized boolean holds(DataBuffer b) {
        return !leases.containsKey(b.address()) && holdsBlockAt(b.address());
    }

    /** The bytes of free blocks the pool holds now (after taking back what the collector found unreachable). */
    synchronized long heldBytes() {
        reclaimUnreachable();
        return freeBytes;
    }

    /** The bytes of blocks handed out and not yet back. */
    synchronized long leasedBytes() {
        long n = 0;
        for (Lease l : leases.values()) {
            n += l.bytes;
        }
        return n;
    }

    PoolCounters counters() {
        return counters;
    }

    /** Paces collections by the pooled memory handed out and not given back. */
    CollectionPacer pacer() {
        return pacer;
    }

    boolean enabled() {
        return enabled;
    }

    /** Switches reuse on or off (tests compare both in one JVM); switching off frees the free blocks. */
    void enabled(boolean on) {
        enabled = on;
        if (!on) {
            drain();
        }
    }

    /** Switches poisoning of returned blocks on or off. */
    void poison(boolean on) {
        poison = on;
    }

    /** Frees every free block the pool holds (blocks handed out stay theirs until they come back). */
    synchronized void drain() {
        reclaimUnreachable();
        for (ArrayDeque<Pointer> stack : free.values()) {
            for (Pointer p : stack) {
                Pointer.free(p);
            }
        }
        free.clear();
        freeAddresses.clear();
        freeBytes = 0;
    }

    static long bytes(DataBuffer b) {
        return b.length() * b.getElementSize();
    }

    /** One block handed out: the buffer made on it (phantom-referenced), the block, its class. */
    private static final class Lease extends java.lang.ref.PhantomReference<DataBuffer> {
        final Pointer block;
        final long bytes;

        Lease(DataBuffer buffer, Pointer block, long bytes, ReferenceQueue<DataBuffer> queue) {
            super(buffer, queue);
            this.block = block;
            this.bytes = bytes;
        }
    }
}
