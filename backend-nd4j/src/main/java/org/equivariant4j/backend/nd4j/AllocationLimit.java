package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.bytedeco.javacpp.Pointer;
import org.equivariant4j.core.error.TensorTooLargeException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The check every op runs before it allocates a result that can be larger than its inputs
 * (factories, broadcasting, matrix products, padding, joins, index and segment ops, convolutions,
 * pooling, sampling): it refuses, with a {@link TensorTooLargeException} naming the op, the shape,
 * the bytes and the limit, a request that
 * <ol>
 * <li>overflows: more elements, or bytes, than a {@code long} counts;</li>
 * <li>is by itself larger than the configured native limit: JavaCPP's
 * {@code org.bytedeco.javacpp.maxphysicalbytes} (resident memory) or {@code maxbytes}, whichever is
 * smaller ({@link Pointer#maxPhysicalBytes()} defaults to twice {@link Pointer#maxBytes()}, which
 * defaults to the heap's {@code -Xmx});</li>
 * <li>would, added to the resident memory in use, pass {@code maxphysicalbytes} even after a
 * collection has given unreachable buffers back, or is larger than what the machine has available
 * (a request past that gets the process killed by the kernel, not an exception).</li>
 * </ol>
 * Without this, ND4J allocates whatever it is asked for: its CPU buffers bypass JavaCPP's
 * accounting, so a [50000, 50000] float tensor committed 9.6 GB under a 1 GB cap, and a
 * [2^31 - 1, 2] one got the JVM killed.
 *
 * <p>Cost and tolerance: the first two checks are arithmetic on every request, and no message is
 * built unless one fails. Reading resident memory is a system call, so the third check runs only
 * for requests of at least {@link #IN_USE_CHECK_FRACTION 1/8} of the cap (and at least 16 MiB):
 * allocating and filling that much memory costs far more than the reading. A smaller request can
 * take resident memory past the cap by at most that share, which is the overshoot JavaCPP's own
 * scheme already lives with (it collects when resident memory is past the cap before an
 * allocation, not counting the allocation; the CLI's flagship peaks at 1.1 GB under a 1 GB cap,
 * cli/README.md). Results no larger than an existing input (elementwise functions, reductions,
 * views) are not checked: the input already fit.
 */
final class AllocationLimit {
    /** Requests below this size skip the in-use reading (see the class comment). */
    static final long IN_USE_CHECK_MINIMUM = 16L << 20;
    /** Requests of at least this share of the cap are checked against what is in use. */
    static final int IN_USE_CHECK_FRACTION = 8;

    private static final AllocationLimit PROCESS = new AllocationLimit(new JavaCppMeter());

    private final MemoryMeter meter;

    AllocationLimit(MemoryMeter meter) {
        this.meter = meter;
    }

    /** Refuses a result of {@code shape} and {@code type} for {@code op} that cannot be allocated (see the class comment). */
    public static void check(String op, long[] shape, DataType type) {
        PROCESS.require(op, shape, type.width(), type.name());
    }

    /** As {@link #check(String, long[], DataType)} for an {@code int[]} shape. */
    public static void check(String op, int[] shape, DataType type) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        check(op, s, type);
    }

    void require(String op, long[] shape, int elementBytes, String typeName) {
        // Called on every such op: no message is built unless the request is refused.
        long bytes = bytes(op, shape, elementBytes, typeName);
        long maxPhysical = meter.maxPhysicalBytes();
        long maxBytes = meter.maxBytes();
        if (maxPhysical > 0 && bytes > maxPhysical) {
            throw refused(describe(op, shape, typeName), bytes, "more than the native memory limit"
                    + " org.bytedeco.javacpp.maxphysicalbytes = " + format(maxPhysical), "org.bytedeco.javacpp.maxphysicalbytes");
        }
        if (maxBytes > 0 && bytes > maxBytes - meter.totalBytes()) {
            throw refused(describe(op, shape, typeName), bytes, "more than the native memory limit"
                    + " org.bytedeco.javacpp.maxbytes = " + format(maxBytes) + " allows (" + format(meter.totalBytes())
                    + " of it in use)", "org.bytedeco.javacpp.maxbytes");
        }
        long cap = maxPhysical > 0 ? maxPhysical : Math.max(maxBytes, 0);
        if (bytes < Math.max(IN_USE_CHECK_MINIMUM, cap / IN_USE_CHECK_FRACTION)) {
            return;
        }
        if (!fits(bytes, maxPhysical)) {
            meter.reclaim();
        }
        long used = meter.physicalBytes();
        if (maxPhysical > 0 && used + bytes > maxPhysical) {
            throw refused(describe(op, shape, typeName), bytes, "but " + format(used) + " is resident already (after a"
                    + " collection), and together they pass the native memory limit org.bytedeco.javacpp.maxphysicalbytes = "
                    + format(maxPhysical), "org.bytedeco.javacpp.maxphysicalbytes");
        }
        long available = meter.availablePhysicalBytes();
        if (bytes > available) {
            throw new TensorTooLargeException(describe(op, shape, typeName) + " needs " + format(bytes) + " but the machine has"
                    + " only " + format(available) + " of memory available; use a smaller shape (allocating it would get the"
                    + " process killed)");
        }
    }

    private static String describe(String op, long[] shape, String typeName) {
        return op + ": shape " + Arrays.toString(shape) + " " + typeName;
    }

    private boolean fits(long bytes, long maxPhysical) {
        return (maxPhysical <= 0 || meter.physicalBytes() + bytes <= maxPhysical) && bytes <= meter.availablePhysicalBytes();
    }

    private static long bytes(String op, long[] shape, int elementBytes, String typeName) {
        try {
            long n = 1;
            for (long s : shape) {
                n = Math.multiplyExact(n, s);
            }
            return Math.multiplyExact(n, (long) elementBytes);
        } catch (ArithmeticException overflow) {
            throw new TensorTooLargeException(describe(op, shape, typeName) + " has more bytes than a long counts (2^63 - 1); no memory can hold it");
        }
    }

    private static TensorTooLargeException refused(String what, long bytes, String why, String property) {
        return new TensorTooLargeException(what + " needs " + format(bytes) + ", " + why + "; use a smaller shape or raise the"
                + " limit (-D" + property + "=...)");
    }

    /** Exact bytes and, for the reader, JavaCPP's rounded form: {@code 10000000000 bytes (9.31G)}. */
    static String format(long bytes) {
        return bytes + " bytes (" + Pointer.formatBytes(bytes) + ")";
    }
}
