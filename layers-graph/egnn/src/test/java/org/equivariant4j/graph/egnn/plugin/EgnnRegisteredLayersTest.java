package org.equivariant4j.graph.egnn.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/** The registered {@code egnn} layer passes the kit's equivariance checks on E(3), O(3) and E(2), float32 and float64. */
class EgnnRegisteredLayersTest extends RegisteredLayersEquivarianceTest {

    @Override
    protected boolean includes(Plugin plugin) {
        return EgnnPlugin.ID.equals(plugin.descriptor().id());
    }
}
