package org.equivariant4j.core.tensor;

/**
 * Whether ops record the autodiff graph on the current thread. Recording is on by default;
 * {@link #disabled()} opens a scope in which it is off (evaluation, optimiser updates):
 * <pre>{@code
 * try (GradMode.Scope ignored = GradMode.disabled()) {
 *     Tensor logits = model.forward(x);
 * }
 * }</pre>
 * Engine-agnostic state, so layers and optimisers can use it without knowing the backend.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** True when ops on this thread record their backward. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns recording off until the returned scope is closed; scopes nest. */
    public static Scope disabled() {
        return set(false);
    }

    /** Turns recording on until the returned scope is closed (inside a disabled scope). */
    public static Scope enabled() {
        return set(true);
    }

    private static Scope set(boolean value) {
        boolean[] state = ENABLED.get();
        boolean previous = state[0];
        state[0] = value;
        return () -> state[0] = previous;
    }

    /** A scope that restores the previous mode when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
