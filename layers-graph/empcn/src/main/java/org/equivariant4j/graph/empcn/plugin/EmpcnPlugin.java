package org.equivariant4j.graph.empcn.plugin;

import java.util.List;

import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.graph.empcn.EmpcnVariant;

import com.google.auto.service.AutoService;

/** Contributes the EMPCN layers ({@code empcn}, {@code empcn-decoupled}, bound to a small two-graph batch). */
@AutoService(Plugin.class)
public final class EmpcnPlugin implements Plugin {
    public static final String ID = "graph-empcn";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(EmpcnPlugin.class, "empcn"), PluginFeature.LAYERS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(new EmpcnLayerProvider(EmpcnVariant.COUPLED), new EmpcnLayerProvider(EmpcnVariant.DECOUPLED));
    }
}
