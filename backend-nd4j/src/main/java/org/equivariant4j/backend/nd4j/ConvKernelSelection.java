package org.equivariant4j.backend.nd4j;

import org.equivariant4j.core.error.Equivariant4jException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decides whether a convolution runs on {@link GemmConvolution} or on libnd4j's native
 * convolution ops. The native ops are the portable path (the one the CUDA backend runs, and the
 * one for float16/bfloat16); the GEMM path is used for float32 and float64 on the CPU backend,
 * whose arrays live in host memory.
 *
 * <p>The system property {@value #PROPERTY} overrides this: {@code nd4j} forces the native ops
 * (to compare the paths, or to rule the kernels out when chasing a bug); {@code auto}, the
 * default, picks the kernels where they apply. It is read on every call, so a test may flip it;
 * any other value is an error rather than a silent default. The property is shared with the
 * other CPU kernels of this package, so one switch turns all of them off.
 */
final class ConvKernelSelection {
    /** The system property that selects the implementation: {@value Nd4jBackend#KERNELS_PROPERTY}. */
    static final String PROPERTY = Nd4jBackend.KERNELS_PROPERTY;

    private ConvKernelSelection() {
    }

    /** Whether a convolution of {@code type} runs on {@link GemmConvolution}. */
    public static boolean useKernels(DataType type) {
        String mode = System.getProperty(PROPERTY, "auto");
        switch (mode) {
            case "auto":
                return HostArray.supports(type) && Host.IS_CPU;
            case "nd4j":
                return false;
            default:
                throw new Equivariant4jException("system property " + PROPERTY + " is '" + mode
                        + "'; it must be 'auto' (CPU kernels where they apply) or 'nd4j' (ND4J's ops only)");
        }
    }

    /** Holder: the backend is asked once, on first use. */
    private static final class Host {
        /** The CPU backend keeps every array in host memory; the CUDA backend does not. */
        static final boolean IS_CPU = Nd4j.getEnvironment().isCPU();

        private Host() {
        }
    }
}
