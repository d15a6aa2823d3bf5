package org.equivariant4j.backend.nd4j;

import org.equivariant4j.core.error.Equivariant4jException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decides whether the index primitives run on this package's CPU kernels or on ND4J's own ops.
 * ND4J's ops are the portable path (the one the CUDA backend runs); the kernels are used when the
 * arrays live in host memory of the CPU backend and raw memory access works ({@link NativeMemory}).
 *
 * <p>The system property {@value #PROPERTY} overrides this: {@code nd4j} forces ND4J's ops
 * everywhere (to compare the paths, or to rule the kernels out when chasing a bug); {@code auto},
 * the default, picks the kernels where they apply. It is read on every call, so a test may flip
 * it; any other value is an error rather than a silent default.
 */
final class KernelSelection {
    /** The system property that selects the implementation: {@value Nd4jBackend#KERNELS_PROPERTY}. */
    static final String PROPERTY = Nd4jBackend.KERNELS_PROPERTY;

    private KernelSelection() {
    }

    /** Whether the CPU kernels should be used: the property allows it and the arrays are host memory. */
    public static boolean useKernels() {
        String mode = System.getProperty(PROPERTY, "auto");
        switch (mode) {
            case "auto":
                return Host.KERNELS_WORK;
            case "nd4j":
                return false;
            default:
                throw new Equivariant4jException("system property " + PROPERTY + " is '" + mode
                        + "'; it must be 'auto' (CPU kernels where they apply) or 'nd4j' (ND4J's ops only)");
        }
    }

    /** Holder: the backend is asked once, on first use. */
    private static final class Host {
        /**
         * The CPU backend keeps every array in host memory; the CUDA backend does not (its arrays
         * would need syncing to the host first, and there ND4J's ops are the fast path anyway).
         */
        static final boolean KERNELS_WORK = NativeMemory.isAvailable() && Nd4j.getEnvironment().isCPU();

        private Host() {
        }
    }
}
