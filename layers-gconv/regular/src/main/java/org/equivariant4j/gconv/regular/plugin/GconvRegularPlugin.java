package org.equivariant4j.gconv.regular.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.gconv.regular.GroupConv2d;
import org.equivariant4j.gconv.regular.GroupConv3d;
import org.equivariant4j.gconv.regular.LiftingConv2d;
import org.equivariant4j.gconv.regular.LiftingConv3d;
import org.equivariant4j.gconv.regular.experiment.GcnnRotated2dExperiment;

import com.google.auto.service.AutoService;

/**
 * Contributes the regular group convolutions (for {@code eq4j check} and the test kit's registered-layer
 * checks) and the experiment {@code gcnn-rotated-2d}. The 2D layers are offered for C4, D4 (exact) and C8, D8
 * (interpolated, with their declared tolerance); the 3D ones for the cube's rotation groups O and T. Each
 * instance is small: 2 input channels or fields, 2 output fields, a 3-wide kernel.
 */
@AutoService(Plugin.class)
public final class GconvRegularPlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "gconv-regular";

    private static final List<String> PLANE = List.of("C4", "D4", "C8", "D8");
    private static final List<String> SPACE = List.of("O", "T");

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(GconvRegularPlugin.class, "regular"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(
                new ConvProvider("lifting-conv-2d", "LiftingConv2d: 2 image channels -> 2 regular fields, 3x3 kernel", PLANE, 2,
                        (g, rng) -> new LiftingConv2d(g, 2, 2, 3, rng)),
                new ConvProvider("group-conv-2d", "GroupConv2d: 2 -> 2 regular fields, 3x3 kernel", PLANE, 2,
                        (g, rng) -> new GroupConv2d(g, 2, 2, 3, rng)),
                new ConvProvider("lifting-conv-3d", "LiftingConv3d: 2 volume channels -> 2 regular fields, 3x3x3 kernel", SPACE,
                        3, (g, rng) -> new LiftingConv3d(g, 2, 2, 3, rng)),
                new ConvProvider("group-conv-3d", "GroupConv3d: 2 -> 2 regular fields, 3x3x3 kernel", SPACE, 3,
                        (g, rng) -> new GroupConv3d(g, 2, 2, 3, rng)));
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new GcnnRotated2dExperiment());
    }
}
