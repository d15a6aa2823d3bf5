package org.equivariant4j.backend.nd4j;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@link KernelSelection#PROPERTY} back as it was after each test ({@code @ExtendWith}), so a test that switches
 * to ND4J's path ({@code nd4j}) does not leave the other tests of the JVM on it.
 */
final class RestoresKernelProperty implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RestoresKernelProperty.class);
    private static final String NONE = "\u0000unset";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(KernelSelection.PROPERTY, System.getProperty(KernelSelection.PROPERTY, NONE));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String saved = context.getStore(NAMESPACE).get(KernelSelection.PROPERTY, String.class);
        if (saved == null || NONE.equals(saved)) {
            System.clearProperty(KernelSelection.PROPERTY);
        } else {
            System.setProperty(KernelSelection.PROPERTY, saved);
        }
    }
}
