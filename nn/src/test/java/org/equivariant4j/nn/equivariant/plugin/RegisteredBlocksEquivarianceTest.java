package org.equivariant4j.nn.equivariant.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/**
 * Every block nn registers, on every group it lists, for every element in float32 and float64: found through
 * ServiceLoader and built through the SPI exactly as a tool would (groups resolved by the built-in groups
 * plugin, a test dependency). Restricted to nn's own plugin: the quaternion plugin on the test class path
 * contributes no layers, and other plugins test theirs in their own builds.
 */
class RegisteredBlocksEquivarianceTest extends RegisteredLayersEquivarianceTest {

    @Override
    protected boolean includes(Plugin plugin) {
        return plugin.descriptor().id().equals(EquivariantBlocksPlugin.ID);
    }
}
