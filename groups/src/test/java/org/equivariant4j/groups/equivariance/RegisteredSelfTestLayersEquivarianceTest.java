package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/** Every layer of the self-test plugin, proved through the registry factory exactly as a plugin's build would. */
class RegisteredSelfTestLayersEquivarianceTest extends RegisteredLayersEquivarianceTest {

    @Override
    protected boolean includes(Plugin plugin) {
        return plugin.descriptor().id().equals(SelfTestLayersPlugin.ID);
    }
}
