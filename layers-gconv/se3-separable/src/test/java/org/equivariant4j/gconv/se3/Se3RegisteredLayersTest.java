package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/** Every layer the plugin registers, built by its provider for O and T and checked by the test kit on every element. */
class Se3RegisteredLayersTest extends RegisteredLayersEquivarianceTest {
    @Override
    protected boolean includes(Plugin plugin) {
        return plugin.descriptor().id().equals(Se3SeparablePlugin.ID);
    }
}
