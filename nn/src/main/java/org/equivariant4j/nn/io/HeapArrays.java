package org.equivariant4j.nn.io;

import java.util.Locale;
import java.util.function.Function;

/**
 * Allocates the one large array a reader needs for a file's data, after the reader has checked the
 * size against the file. A size the file may legitimately declare can still exceed the heap (a
 * compressed archive member of 1 GB of zeros is 1 MB on disk); the allocation of a single array
 * either succeeds or fails without side effects, so the {@link OutOfMemoryError} is turned into the
 * reader's own exception naming the file, the size and the heap.
 */
final class HeapArrays {

    private HeapArrays() {
    }

    /**
     * A zeroed array of {@code length} bytes; {@code refuse} builds the reader's exception from a sentence
     * saying why it could not be had.
     */
    static byte[] bytes(long length, String what, Function<String, RuntimeException> refuse) {
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw refuse.apply(String.format(Locale.ROOT, "%s needs %,d bytes, more than one Java array holds (%,d)", what, length,
                    Integer.MAX_VALUE - 8));
        }
        try {
            return new byte[(int) length];
        } catch (OutOfMemoryError e) {
            throw refuse.apply(String.format(Locale.ROOT, "%s needs %,d bytes but the Java heap (at most %,d bytes) cannot hold"
                    + " them now; run with a larger -Xmx", what, length, Runtime.getRuntime().maxMemory()));
        }
    }
}
