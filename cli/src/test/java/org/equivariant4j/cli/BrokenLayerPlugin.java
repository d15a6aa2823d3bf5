package org.equivariant4j.cli;

import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.core.tensor.Tensors;

import com.google.auto.service.AutoService;

/** A negative control for {@code eq4j check}, on the test class path only: a layer that claims equivariance and is not. */
@AutoService(Plugin.class)
public final class BrokenLayerPlugin implements Plugin {
    static final String LAYER = "broken-offset";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("cli-test-broken", "0.0.1", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(new LayerProvider() {
            @Override
            public String id() {
                return LAYER;
            }

            @Override
            public String description() {
                return "adds a fixed ramp to regular fields (not equivariant: a negative control)";
            }

            @Override
            public List<String> groups() {
                return List.of("C4");
            }

            @Override
            public Module create(Group group, long seed) {
                return new Offset(FieldType.of(Domain.vectors(), Representation.directSum(
                        Collections.nCopies(2, Representation.regular((FiniteGroup) group)))));
            }
        });
    }

    /** x + (0, 1, 2, ...): the ramp is not fixed by the permutations of a regular field, so g moves it. */
    private static final class Offset extends EquivariantLayer {
        Offset(FieldType type) {
            super(type, type);
        }

        @Override
        protected GeometricTensor apply(GeometricTensor input) {
            int c = inType().channels();
            return input.withTensor(input.tensor().add(Tensors.arange(c).to(input.tensor().dtype()).reshape(1, c)));
        }
    }
}
