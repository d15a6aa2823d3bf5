package org.equivariant4j.graph.empcn.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/** The registered {@code empcn} layers pass the kit's equivariance checks on E(3), O(3) and E(2), float32 and float64. */
class EmpcnRegisteredLayersTest extends RegisteredLayersEquivarianceTest {

    @Override
    protected boolean includes(Plugin plugin) {
        return EmpcnPlugin.ID.equals(plugin.descriptor().id());
    }
}
