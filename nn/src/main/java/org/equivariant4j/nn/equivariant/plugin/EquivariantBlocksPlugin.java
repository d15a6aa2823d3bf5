package org.equivariant4j.nn.equivariant.plugin;

import java.util.List;

import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

import com.google.auto.service.AutoService;

/**
 * Contributes the generic equivariant blocks of {@code org.equivariant4j.nn.equivariant} through the same SPI
 * a third party uses, so tools and the test kit's {@code RegisteredLayersEquivarianceTest} find, build and
 * check them like any plugin's layers. Each provider builds a small instance for a finite group (see
 * {@link ExampleBlocks}); the groups listed are built-in finite groups of several kinds: cyclic (C4, C8),
 * dihedral (D4, with reflections) and the octahedral rotation group O (24 elements, irreps up to dimension 3).
 * The blocks accept any finite group (a plugin's too); the names are only what is offered by default.
 */
@AutoService(Plugin.class)
public final class EquivariantBlocksPlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "nn-blocks";

    private static final List<String> FINITE_GROUPS = List.of("C2", "C4", "C8", "D1", "D4", "D8", "T", "O", "I");

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(EquivariantBlocksPlugin.class, "nn"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(
                new BlockProvider("equivariant-linear", "EquivariantLinear: 2x regular -> 3x regular + trivial, on vectors",
                        FINITE_GROUPS, ExampleBlocks::linear),
                new BlockProvider("pointwise-relu", "PointwiseNonlinearity.relu on 2x regular, on vectors",
                        FINITE_GROUPS, ExampleBlocks::pointwiseRelu),
                new BlockProvider("norm-nonlinearity", "NormNonlinearity (ReLU) on every non-trivial irrep + regular, on vectors",
                        FINITE_GROUPS, ExampleBlocks::normNonlinearity),
                new BlockProvider("gated-nonlinearity", "GatedNonlinearity of every non-trivial irrep + regular, on vectors",
                        FINITE_GROUPS, ExampleBlocks::gatedNonlinearity),
                new BlockProvider("group-pooling", "GroupPooling (MAX): 2x regular + trivial -> 3x trivial, on vectors",
                        FINITE_GROUPS, ExampleBlocks::groupPooling),
                new BlockProvider("equivariant-batch-norm", "EquivariantBatchNorm of 2x regular + trivial, evaluation mode,"
                        + " on vectors", FINITE_GROUPS, ExampleBlocks::batchNorm));
    }
}
