package org.equivariant4j.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Per-thread working memory of the convolution kernels, reused from call to call and grown on
 * demand. Fresh memory is expensive here: every new page faults on first touch, and a 14 MB array
 * cost about 6 ms to allocate and fill on the loaded 2-core machine, more than the convolution's
 * arithmetic; Java arrays allocated per block were likewise zeroed again and again. The memory
 * lives as long as its thread: a few hundred kilobytes for typical layers (one block of the
 * column matrix, one image plane, one matrix row), plus the weight-gradient partial sums.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

    private HostArray columnsF;
    private HostArray columnsD;
    private HostArray partialsF;
    private HostArray partialsD;
    private float[] planeF = new float[0];
    private float[] rowF = new float[0];
    private double[] planeD = new double[0];
    private double[] rowD = new double[0];
    private float[] stagedF = new float[0];
    private double[] stagedD = new double[0];
    private final TapPlan plan = new TapPlan();

    private Scratch() {
    }

    /** The calling thread's scratch, for its exclusive use until its current kernel call returns. */
    static Scratch mine() {
        return MINE.get();
    }

    /** Host memory of at least {@code elements} elements of {@code type}, for column matrices. */
    HostArray columns(DataType type, long elements) {
        if (type == DataType.DOUBLE) {
            columnsD = atLeast(columnsD, type, elements);
            return columnsD;
        }
        columnsF = atLeast(columnsF, type, elements);
        return columnsF;
    }

    /** Host memory of at least {@code elements} elements of {@code type}, for partial weight gradients. */
    HostArray partials(DataType type, long elements) {
        if (type == DataType.DOUBLE) {
            partialsD = atLeast(partialsD, type, elements);
            return partialsD;
        }
        partialsF = atLeast(partialsF, type, elements);
        return partialsF;
    }

    /** A float array of at least {@code n} elements holding one image plane. */
    float[] planeF(int n) {
        if (planeF.length < n) {
            planeF = new float[n];
        }
        return planeF;
    }

    /** A float array of at least {@code n} elements holding one matrix row. */
    float[] rowF(int n) {
        if (rowF.length < n) {
            rowF = new float[n];
        }
        return rowF;
    }

    double[] planeD(int n) {
        if (planeD.length < n) {
            planeD = new double[n];
        }
        return planeD;
    }

    double[] rowD(int n) {
        if (rowD.length < n) {
            rowD = new double[n];
        }
        return rowD;
    }

    /** A float array of at least {@code n} elements for matrix entries staged at image offsets. */
    float[] stagedF(int n) {
        if (stagedF.length < n) {
            stagedF = new float[n];
        }
        return stagedF;
    }

    double[] stagedD(int n) {
        if (stagedD.length < n) {
            stagedD = new double[n];
        }
        return stagedD;
    }

    /** The thread's block plan, rebuilt by each block. */
    TapPlan plan() {
        return plan;
    }

    private static HostArray atLeast(HostArray current, DataType type, long elements) {
        if (current != null && current.capacity() >= elements) {
            return current;
        }
        // Grow by half again, so that a slowly growing sequence of shapes does not reallocate every call.
        long size = current == null ? elements : Math.max(elements, current.capacity() + current.capacity() / 2);
        return HostArray.allocate(type, size);
    }
}
