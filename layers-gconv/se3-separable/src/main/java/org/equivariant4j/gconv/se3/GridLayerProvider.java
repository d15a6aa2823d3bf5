package org.equivariant4j.gconv.se3;

import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;

/**
 * A {@link LayerProvider} for a layer on a rotation grid: offered for the rotation groups that map the
 * voxel lattice onto itself (O, T), where the test kit can check it exactly.
 */
record GridLayerProvider(String id, String description, BiFunction<RotationGrid, Long, Module> factory)
        implements LayerProvider {

    @Override
    public List<String> groups() {
        return List.of("O", "T");
    }

    @Override
    public Module create(Group group, long seed) {
        return switch (group.name()) {
            case "O" -> factory.apply(RotationGrid.octahedral(), seed);
            case "T" -> factory.apply(RotationGrid.tetrahedral(), seed);
            default -> throw new UnsupportedFeatureException("layer '" + id + "' is offered on the rotation groups O and T"
                    + " (grids that map the voxel lattice onto itself) but was given " + group.name()
                    + "; for other grids build it with RotationGrid.uniform(n)");
        };
    }
}
