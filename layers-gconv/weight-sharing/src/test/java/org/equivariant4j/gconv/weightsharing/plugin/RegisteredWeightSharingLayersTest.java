package org.equivariant4j.gconv.weightsharing.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;

/**
 * Both registered layers (tied to the group they are built for) on C2, C4, D1 and D4, every element, float32 and
 * float64, found and built through ServiceLoader as a tool would.
 */
class RegisteredWeightSharingLayersTest extends RegisteredLayersEquivarianceTest {

    @Override
    protected boolean includes(Plugin plugin) {
        return plugin.descriptor().id().equals(WeightSharingPlugin.ID);
    }
}
