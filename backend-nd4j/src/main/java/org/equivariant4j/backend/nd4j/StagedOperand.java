package org.equivariant4j.backend.nd4j;

import static org.equivariant4j.backend.nd4j.NativeMemory.DOUBLE_ARRAY_BASE;
import static org.equivariant4j.backend.nd4j.NativeMemory.FLOAT_ARRAY_BASE;
import static org.equivariant4j.backend.nd4j.NativeMemory.UNSAFE;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One input of a {@link StridedWalk} as the host kernels read it: runs of its elements copied into a
 * {@code double[]} chunk, widened from float32, where the kernels' loops run. A contiguous run is one
 * bulk copy, a broadcast run one value repeated, any other stride an element-by-element read.
 *
 * @param base    the address of the array's first element ({@link ElementwiseKernel#origin})
 * @param doubles whether the array is float64 (else float32)
 * @param stride  the step in elements along the walk's runs
 */
record StagedOperand(long base, boolean doubles, long stride) {

    /** Operand {@code index} of {@code walk}, which is {@code a}; the caller keeps {@code a} reachable while it reads. */
    static StagedOperand of(INDArray a, StridedWalk walk, int index) {
        return new StagedOperand(ElementwiseKernel.origin(a), a.dataType() == DataType.DOUBLE, walk.innerStride(index));
    }

    /** The run of {@code n} elements starting at element {@code offset} into {@code dst}; {@code temp} holds floats on the way. */
    void load(long offset, float[] temp, double[] dst, int n) {
        int width = doubles ? Double.BYTES : Float.BYTES;
        long p = base + offset * width;
        if (stride == 0) {
            Arrays.fill(dst, 0, n, doubles ? UNSAFE.getDouble(p) : UNSAFE.getFloat(p));
        } else if (stride == 1 && doubles) {
            UNSAFE.copyMemory(null, p, dst, DOUBLE_ARRAY_BASE, (long) n * Double.BYTES);
        } else if (stride == 1) {
            UNSAFE.copyMemory(null, p, temp, FLOAT_ARRAY_BASE, (long) n * Float.BYTES);
            for (int i = 0; i < n; i++) {
                dst[i] = temp[i];
            }
        } else {
            long step = stride * width;
            for (int i = 0; i < n; i++, p += step) {
                dst[i] = doubles ? UNSAFE.getDouble(p) : UNSAFE.getFloat(p);
            }
        }
    }
}
