package org.equivariant4j.nn.io;

import java.nio.ByteOrder;

/**
 * The header dictionary of a {@code .npy} file, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (3, 4), }}: parsed strictly by {@link NpyHeaderParser} (only the three keys, only supported
 * types) so a malformed or hostile file fails with a message rather than a huge allocation.
 */
record NpyHeader(NpyDType dtype, ByteOrder order, boolean fortranOrder, int[] shape) {

    /** The header in {@code text} (see {@link NpyHeaderParser} for the grammar); {@code where} names the file in errors. */
    static NpyHeader parse(String text, String where, int majorVersion) {
        return NpyHeaderParser.parse(text, where, majorVersion);
    }

    /** Number of elements, or -1 if it exceeds {@code Long.MAX_VALUE / 8} (each dimension is an int, the rank at most 64). */
    long elementCount() {
        long n = 1;
        for (int s : shape) {
            if (s == 0) {
                return 0;
            }
        }
        for (int s : shape) {
            if (n > Long.MAX_VALUE / 8 / s) {
                return -1;
            }
            n *= s;
        }
        return n;
    }

    /** Bytes of data the header declares, or -1 if that exceeds {@code Long.MAX_VALUE}. */
    long byteCount() {
        long n = elementCount();
        return n < 0 ? -1 : n * dtype.itemSize();
    }

    /** The dictionary text NumPy writes (without padding). */
    String format() {
        String o = dtype.itemSize() == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        StringBuilder s = new StringBuilder("{'descr': '").append(o).append(dtype.code()).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        return s.append("), }").toString();
    }
}
