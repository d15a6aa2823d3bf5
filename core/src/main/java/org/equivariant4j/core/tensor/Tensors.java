package org.equivariant4j.core.tensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.BackendNotFoundException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.TensorTooLargeException;

/**
 * The factory of tensors. Finds the {@link TensorBackend} on the class path through
 * {@link ServiceLoader} the first time a tensor is made (so merely loading this class loads no
 * native code), and builds every random tensor in Java from a seeded {@link Rng} so that a seed
 * means the same numbers on every backend.
 *
 * <p>One dtype rule, PyTorch's: every floating tensor made here is FLOAT32 unless a
 * {@link DType} argument asks for another, whether it comes from {@code float}s, {@code double}s,
 * constants or random draws. Integer data ({@code int[]}, {@code long[]}, {@link #arange(int)})
 * is INT64.
 */
public final class Tensors {

    private Tensors() {
    }

    private static volatile TensorBackend backend;

    /** The backend in use; found and cached on first call. */
    public static TensorBackend backend() {
        TensorBackend b = backend;
        if (b == null) {
            synchronized (Tensors.class) {
                b = backend;
                if (b == null) {
                    // Not a holder-class idiom: a failed discovery must throw our exception on every call,
                    // not an ExceptionInInitializerError once and NoClassDefFoundError after.
                    b = discover();
                    backend = b;
                }
            }
        }
        return b;
    }

    private static TensorBackend discover() {
        List<TensorBackend> found = new ArrayList<>();
        ServiceLoader.load(TensorBackend.class, Tensors.class.getClassLoader()).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(TensorBackend.class).forEach(found::add);
        }
        return found.stream().max(Comparator.comparingInt(TensorBackend::priority))
                .orElseThrow(() -> new BackendNotFoundException("No tensor backend on the class path: add the dependency"
                        + " org.equivariant4j:equivariant4j-backend-nd4j (runtime scope is enough)."));
    }

    // ---------------------------------------------------------------- constants

    public static Tensor zeros(int... shape) {
        return filled("zeros", shape, 0.0, DType.FLOAT32);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return filled("zeros", shape, 0.0, dtype);
    }

    public static Tensor ones(int... shape) {
        return filled("ones", shape, 1.0, DType.FLOAT32);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return filled("ones", shape, 1.0, dtype);
    }

    public static Tensor full(int[] shape, double value, DType dtype) {
        return filled("full", shape, value, dtype);
    }

    /** A tensor filled with {@code value}, refused by name ({@code op}) when it cannot be allocated. */
    private static Tensor filled(String op, int[] shape, double value, DType dtype) {
        TensorBackend b = backend();
        b.checkAllocation(op, checkShape(shape), dtype);
        return b.full(shape, value, dtype);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(double value, DType dtype) {
        return backend().full(new int[0], value, dtype);
    }

    /** 0, 1, ..., n-1 as INT64; empty for n = 0. */
    public static Tensor arange(int n) {
        if (n < 0) {
            // PyTorch's words for torch.arange(-1).
            throw new ShapeMismatchException("arange: upper bound and larger bound inconsistent with step sign (start=0, end="
                    + n + ", step=1): the range would have " + n + " elements");
        }
        int[] shape = {n};
        heapCheck("arange", shape, DType.INT64, Long.BYTES);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return backend().fromLongs(v, shape, DType.INT64);
    }

    /**
     * start, start+step, ... below {@code end} (above it for a negative step), as {@code dtype};
     * empty when {@code start == end}. As PyTorch, a step whose sign points away from {@code end},
     * a zero step and non-finite bounds are refused.
     */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        String values = "(start=" + start + ", end=" + end + ", step=" + step + ")";
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new ShapeMismatchException("arange: unsupported range " + values + ": start and end must be finite");
        }
        if (step == 0 || !Double.isFinite(step)) {
            throw new ShapeMismatchException("arange: step must be finite and nonzero " + values);
        }
        double count = Math.ceil((end - start) / step);
        if (count < 0) {
            throw new ShapeMismatchException("arange: upper bound and larger bound inconsistent with step sign " + values);
        }
        if (count > Integer.MAX_VALUE) {
            throw new TensorTooLargeException("arange: the range " + values + " has " + (long) count
                    + " elements, more than a tensor dimension holds (2^31 - 1)");
        }
        int n = (int) count;
        int[] shape = {n};
        heapCheck("arange", shape, dtype, Double.BYTES);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return backend().fromDoubles(v, shape, dtype);
    }

    // ---------------------------------------------------------------- random

    /** Standard normal FLOAT32 entries. */
    public static Tensor randn(Rng rng, int... shape) {
        return randn(rng, DType.FLOAT32, shape);
    }

    public static Tensor randn(Rng rng, DType dtype, int... shape) {
        heapCheck("randn", checkShape(shape), dtype, Double.BYTES);
        double[] v = new double[numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return backend().fromDoubles(v, shape, dtype);
    }

    /** Uniform entries in [low, high). */
    public static Tensor uniform(Rng rng, double low, double high, DType dtype, int... shape) {
        heapCheck("uniform", checkShape(shape), dtype, Double.BYTES);
        double[] v = new double[numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble(low, high);
        }
        return backend().fromDoubles(v, shape, dtype);
    }

    // ---------------------------------------------------------------- from Java arrays

    public static Tensor of(float[] data, int... shape) {
        return backend().fromFloats(data, checkData(data.length, shape), DType.FLOAT32);
    }

    /**
     * Java {@code double}s as a FLOAT32 tensor: the one default dtype of this factory, PyTorch's
     * ({@code torch.tensor([1.0, 2.0])} is float32 too). Ask for FLOAT64 (gradient checks, numerics)
     * with {@link #of(double[], DType, int...)}.
     */
    public static Tensor of(double[] data, int... shape) {
        return of(data, DType.FLOAT32, shape);
    }

    /** Java {@code double}s as a tensor of {@code dtype} (rounded to it). */
    public static Tensor of(double[] data, DType dtype, int... shape) {
        return backend().fromDoubles(data, checkData(data.length, shape), dtype);
    }

    /** Integer data (indices, labels) as INT64. */
    public static Tensor of(long[] data, int... shape) {
        return backend().fromLongs(data, checkData(data.length, shape), DType.INT64);
    }

    /** Integer data (indices, labels) as INT64. */
    public static Tensor of(int[] data, int... shape) {
        long[] v = new long[data.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = data[i];
        }
        return backend().fromLongs(v, checkData(data.length, shape), DType.INT64);
    }

    // ---------------------------------------------------------------- multi-tensor ops

    public static Tensor concat(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new InvalidArgumentException("concat: needs at least one tensor");
        }
        return backend().concat(dim, tensors);
    }

    public static Tensor concat(int dim, List<Tensor> tensors) {
        return concat(dim, tensors.toArray(Tensor[]::new));
    }

    public static Tensor stack(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new InvalidArgumentException("stack: needs at least one tensor");
        }
        return backend().stack(dim, tensors);
    }

    public static Tensor stack(int dim, List<Tensor> tensors) {
        return stack(dim, tensors.toArray(Tensor[]::new));
    }

    /** {@code condition ? a : b} elementwise (BOOL condition), differentiable in {@code a} and {@code b}. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return backend().where(condition, a, b);
    }

    // ---------------------------------------------------------------- shape arithmetic

    /** Product of the extents. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new ShapeMismatchException("shape " + java.util.Arrays.toString(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    /**
     * Refuses a tensor whose values are first built in a Java array of {@code bytesPerValue} per
     * element: the engine's check ({@link TensorBackend#checkAllocation}), then the element count
     * against what a Java array holds and the bytes against the heap's free room, so that a huge
     * request ends in our exception rather than an OutOfMemoryError.
     */
    private static void heapCheck(String op, int[] shape, DType dtype, int bytesPerValue) {
        backend().checkAllocation(op, shape, dtype);
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new TensorTooLargeException(op + ": shape " + java.util.Arrays.toString(shape) + " has " + n
                    + " elements, more than a Java array holds (2^31 - 9)");
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long bytes = n * bytesPerValue;
        // Only worth a collection when the request is a sizeable share of the heap.
        if (bytes > free && bytes > rt.maxMemory() / 16) {
            System.gc();
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (bytes > free) {
            throw new TensorTooLargeException(op + ": shape " + java.util.Arrays.toString(shape) + " is built from " + bytes
                    + " bytes of Java values but the heap has " + free + " bytes free (of -Xmx " + rt.maxMemory()
                    + "); use a smaller shape or a larger -Xmx");
        }
    }

    private static int[] checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new ShapeMismatchException("negative extent in shape " + java.util.Arrays.toString(shape));
            }
        }
        return shape;
    }

    private static int[] checkData(int length, int[] shape) {
        if (numel(checkShape(shape)) != length) {
            throw new ShapeMismatchException("Tensors.of: " + length + " values do not fill shape "
                    + java.util.Arrays.toString(shape) + " (" + numel(shape) + " elements)");
        }
        return shape;
    }
}
