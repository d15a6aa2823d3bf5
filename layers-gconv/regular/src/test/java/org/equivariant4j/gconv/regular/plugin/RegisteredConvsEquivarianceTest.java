package org.equivariant4j.gconv.regular.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/**
 * Every convolution the plugin registers, on every group it lists (C4, D4, C8, D8 in 2D; O, T in 3D), every
 * element the grid takes, float32 and float64: found through ServiceLoader and built through the SPI as
 * {@code eq4j check} does.
 */
class RegisteredConvsEquivarianceTest extends RegisteredLayersEquivarianceTest {

    @Override
    protected boolean includes(Plugin plugin) {
        return plugin.descriptor().id().equals(GconvRegularPlugin.ID);
    }
}
