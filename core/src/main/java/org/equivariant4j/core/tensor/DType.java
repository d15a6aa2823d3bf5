package org.equivariant4j.core.tensor;

/** Element type of a {@link Tensor}. Float32 is the default; float64 is supported by every op. */
public enum DType {
    FLOAT32(4, true, "F32"),
    FLOAT64(8, true, "F64"),
    INT32(4, false, "I32"),
    INT64(8, false, "I64"),
    BOOL(1, false, "BOOL");

    private final int byteSize;
    private final boolean floating;
    private final String safetensorsCode;

    DType(int byteSize, boolean floating, String safetensorsCode) {
        this.byteSize = byteSize;
        this.floating = floating;
        this.safetensorsCode = safetensorsCode;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether values of this type can carry gradients. */
    public boolean isFloating() {
        return floating;
    }

    /** The dtype code of the safetensors format ("F32", "I64", ...). */
    public String safetensorsCode() {
        return safetensorsCode;
    }
}
