package org.equivariant4j.backend.nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which native buffers one backward pass may free as soon as it is done with them. ND4J frees an
 * array's memory only when the garbage collector finds the array unreachable, which in a training
 * loop is long after: every new array then lands on fresh pages (page faults: the dominant cost
 * of a step). The intermediate gradients of a pass are dead once they have been handed on, and
 * this class tells which ones those are.
 *
 * <p>Ownership is decided per root buffer (views share their parent's memory: reshape and get
 * make a view buffer whose {@code originalDataBuffer} is the parent's, permute shares the buffer
 * object itself), so an array is freed only when no pending gradient refers to its buffer any
 * more. Never freed: the buffers of the graph's values (the forward results and leaves the
 * backward functions read, which a second backward over the same graph needs again) and a seed
 * gradient the caller passed in. Every other gradient array a pass sees was made by a backward
 * function or by the pass itself: the backward functions return arrays derived from their
 * upstream gradient (fresh, or views of it), never arrays they captured (audited for every op in
 * {@code ops/}; {@code AutogradTest} checks that retained graphs and user-held tensors still
 * read correctly after a backward).
 *
 * <p>A freed buffer goes to the {@link BufferPool}, where the next allocation of its size finds it.
 *
 * <p>{@code -Dequivariant4j.autograd.free=false} turns the early frees off (to compare, or to rule
 * them out when chasing a bug); the garbage collector then returns everything, to the pool.
 */
final class GradientBuffers {
    static final String PROPERTY = "equivariant4j.autograd.free";

    private final boolean enabled;
    private final Set<DataBuffer> protectedRoots = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<DataBuffer, Integer> pendingRefs = new IdentityHashMap<>();
    private final List<INDArray> candidates = new ArrayList<>();

    GradientBuffers() {
        this.enabled = !"false".equals(System.getProperty(PROPERTY, "true"));
    }

    /** The buffer that owns the memory {@code a} reads. */
    static DataBuffer root(INDArray a) {
        DataBuffer d = a.data();
        while (d.originalDataBuffer() != null) {
            d = d.originalDataBuffer();
        }
        return d;
    }

    /** Whether {@code a} has a buffer to track: an empty array has no elements and may have no buffer at all. */
    private static boolean holdsMemory(INDArray a) {
        return !a.isEmpty() && a.data() != null;
    }

    /** Never free the memory of {@code a} (a graph value or the caller's seed). */
    void protect(INDArray a) {
        if (enabled && a != null && holdsMemory(a)) {
            protectedRoots.add(root(a));
        }
    }

    /** {@code a} became a pending gradient. */
    void pending(INDArray a) {
        if (enabled && holdsMemory(a)) {
            pendingRefs.merge(root(a), 1, Integer::sum);
        }
    }

    /** {@code a} is no longer a pending gradient; it becomes a candidate for freeing. */
    void handedOn(INDArray a) {
        if (!enabled || !holdsMemory(a)) {
            return;
        }
        DataBuffer r = root(a);
        Integer n = pendingRefs.get(r);
        if (n != null) {
            if (n <= 1) {
                pendingRefs.remove(r);
            } else {
                pendingRefs.put(r, n - 1);
            }
        }
        candidates.add(a);
    }

    /** {@code a} was made by the pass but never became pending (it was summed into another gradient). */
    void consumed(INDArray a) {
        if (enabled && holdsMemory(a)) {
            candidates.add(a);
        }
    }

    /**
     * Whether the pass may hand {@code g}, no longer pending, to a leaf as its gradient accumulator
     * instead of a copy: nobody else refers to its memory and it is a dense array of its own.
     */
    boolean canAdopt(INDArray g) {
        if (!enabled || !holdsMemory(g)) {
            return false;
        }
        DataBuffer r = root(g);
        return g.data() == r && !protectedRoots.contains(r) && !pendingRefs.containsKey(r) && !r.isAttached()
                && !r.isConstant() && g.length() == r.length() && NativeMemory.isDense(g) && g.offset() == 0;
    }

    /** {@code g} now belongs to a leaf: never free it. */
    void adopted(INDArray g) {
        if (enabled) {
            protectedRoots.add(root(g));
        }
    }

    /**
     * Frees the candidates no pending gradient refers to any more. Called between nodes only: a
     * backward function's outputs may share memory with each other until all are registered.
     */
    void freeDead() {
        if (!enabled || candidates.isEmpty()) {
            return;
        }
        for (INDArray a : candidates) {
            DataBuffer r = root(a);
            // Several candidates may share a root: the first gives it back, the others find it gone.
            if (!pendingRefs.containsKey(r) && !protectedRoots.contains(r) && r.closeable() && !r.wasClosed()
                    && !r.isAttached() && !r.isConstant() && !BufferPool.process().holds(r)) {
                BufferPool.release(r);
            }
        }
        candidates.clear();
    }
}
