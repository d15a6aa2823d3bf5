package org.equivariant4j.core.error;

/**
 * A tensor was refused before any memory was allocated for it: its element count or byte size does
 * not fit in a {@code long}, or its bytes exceed the native memory limit configured for the engine
 * ({@code org.bytedeco.javacpp.maxphysicalbytes} / {@code maxbytes} on the ND4J backend), the room
 * left under that limit, the Java heap (for values built in Java first), or the memory the machine
 * has available. The message names the op, the shape, the bytes asked for and the limit, so that
 * the fix (a smaller shape, or a larger limit) is in the message; nothing was allocated, so the
 * process carries on normally.
 */
public class TensorTooLargeException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public TensorTooLargeException(String message) {
        super(message);
    }
}
