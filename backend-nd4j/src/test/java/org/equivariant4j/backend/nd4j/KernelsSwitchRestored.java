package org.equivariant4j.backend.nd4j;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for tests that flip the kernels switch ({@link KernelSelection#PROPERTY}): it
 * saves the property before each test and puts it back after, so no other test sees the flip.
 */
final class KernelsSwitchRestored implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KernelsSwitchRestored.class);
    /** Stands for "not set" in the store, which holds no nulls. */
    private static final String UNSET = "\u0000unset";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(KernelSelection.PROPERTY, System.getProperty(KernelSelection.PROPERTY, UNSET));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String saved = context.getStore(NAMESPACE).get(KernelSelection.PROPERTY, String.class);
        if (saved == null || saved.equals(UNSET)) {
            System.clearProperty(KernelSelection.PROPERTY);
        } else {
            System.setProperty(KernelSelection.PROPERTY, saved);
        }
    }
}
