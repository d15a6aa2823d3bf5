package org.equivariant4j.nn.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The NumPy element types the reader understands, by their type code ({@code f4}, {@code u1}, ...).
 * The byte order is not part of the type: it is a property of a file's header.
 */
public enum NpyDType {
    FLOAT32("f4", 4, true),
    FLOAT64("f8", 8, true),
    INT8("i1", 1, false),
    INT16("i2", 2, false),
    INT32("i4", 4, false),
    INT64("i8", 8, false),
    UINT8("u1", 1, false),
    UINT16("u2", 2, false),
    UINT32("u4", 4, false),
    BOOL("b1", 1, false);

    private final String code;
    private final int itemSize;
    private final boolean floating;

    NpyDType(String code, int itemSize, boolean floating) {
        this.code = code;
        this.itemSize = itemSize;
        this.floating = floating;
    }

    /** The type code without byte order, e.g. {@code "f4"}. */
    public String code() {
        return code;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    public boolean isFloating() {
        return floating;
    }

    /**
     * The type with code {@code code} ({@code "f4"}), if supported. Case matters, as it does to NumPy:
     * {@code "U2"} is a 2-character unicode string, not {@code "u2"} (uint16).
     */
    public static Optional<NpyDType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** The supported codes, for error messages. */
    static String supported() {
        return Arrays.stream(values()).map(t -> t.code + " (" + t.name().toLowerCase(Locale.ROOT) + ")")
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
