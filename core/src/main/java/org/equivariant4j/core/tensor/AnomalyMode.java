package org.equivariant4j.core.tensor;

/**
 * Debug switch: when on, every op checks its output and the first one that produces NaN or Inf
 * throws {@link org.equivariant4j.core.error.NumericalAnomalyException} naming the op. Costs a
 * reduction per op, so it is off by default.
 */
public final class AnomalyMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {false});

    private AnomalyMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns detection on until the returned scope is closed. */
    public static GradMode.Scope enabled() {
        boolean[] state = ENABLED.get();
        boolean previous = state[0];
        state[0] = true;
        return () -> state[0] = previous;
    }
}
