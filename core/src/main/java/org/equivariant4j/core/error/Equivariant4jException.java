package org.equivariant4j.core.error;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of every exception equivariant4j throws on purpose. Unchecked: a wrong shape or a
 * missing backend is a programming or set-up error, not something a caller recovers from locally.
 *
 * <p>An exception raised deep inside a model (an op's shape or dtype check) gathers context on its way
 * out: each layer it passes through adds a line naming itself and its field types ({@link #addContext}),
 * so the message reads like a stack of the model, innermost first, and the exception keeps its own type:
 * <pre>
 * matmul: operands have dtypes FLOAT64 and FLOAT32
 *   in EquivariantLinear(regular -> 2x regular): C4 on vectors: regular -> C4 on vectors: 2x regular
 *   in EquivariantSequential(...): ...
 * </pre>
 */
public class Equivariant4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> context = new ArrayList<>();

    public Equivariant4jException(String message) {
        super(message);
    }

    public Equivariant4jException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Adds one line of context ("in &lt;where&gt;") below the message; returns this exception to rethrow. */
    public Equivariant4jException addContext(String where) {
        context.add(where);
        return this;
    }

    /** The context lines added on the way out, innermost first. */
    public List<String> context() {
        return List.copyOf(context);
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        if (context.isEmpty()) {
            return message;
        }
        StringBuilder out = new StringBuilder(message == null ? "" : message);
        for (String where : context) {
            out.append("\n  in ").append(where);
        }
        return out.toString();
    }
}
