package org.equivariant4j.graph.conditioning.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;
import org.junit.jupiter.api.Test;

/** The conditioning plugin meets the plugin contract and offers one N-body experiment per conditioning mode. */
class ConditioningPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return ConditioningPlugin.class;
    }

    @Test
    void offersTwoNBodyExperimentsPerMode() {
        assertThat(new ConditioningPlugin().experiments()).extracting(Experiment::id)
                .containsExactly("nbody-egnn-weak", "nbody-egnn-strong", "nbody-egnn-pure", "nbody-egnn-rbf-weak",
                        "nbody-egnn-rbf-strong", "nbody-egnn-rbf-pure");
    }
}
