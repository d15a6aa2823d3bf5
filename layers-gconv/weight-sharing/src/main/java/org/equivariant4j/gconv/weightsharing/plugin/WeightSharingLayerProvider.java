package org.equivariant4j.gconv.weightsharing.plugin;

import java.util.List;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.gconv.weightsharing.WeightSharingConv;
import org.equivariant4j.gconv.weightsharing.WeightSharingGroupConv;
import org.equivariant4j.gconv.weightsharing.WeightSharingLifting;
import org.equivariant4j.gconv.weightsharing.WeightSharingOptions;

/**
 * A small weight-sharing layer (lifting 2 -> 2 fields, or group layer 2 -> 2 fields, 3x3) in its tied form
 * ({@link WeightSharingConv#tied()}): the equivariant layer, with the requested group's permutations as matrices. The
 * learned layer is not registered: it is not equivariant.
 */
final class WeightSharingLayerProvider implements LayerProvider {
    private final boolean lifting;

    WeightSharingLayerProvider(boolean lifting) {
        this.lifting = lifting;
    }

    @Override
    public String id() {
        return lifting ? "ws-lifting" : "ws-group-conv";
    }

    @Override
    public String description() {
        return lifting ? "WeightSharingLifting.tied(): 2 trivial -> 2x regular, 3x3, matrices = the group's kernel rotations/flips"
                : "WeightSharingGroupConv.tied(): 2x regular -> 2x regular, 3x3, matrices = regular x kernel permutations";
    }

    @Override
    public List<String> groups() {
        return List.of("C2", "C4", "D1", "D4");
    }

    @Override
    public Module create(Group group, long seed) {
        if (!(group instanceof FiniteGroup finite)) {
            throw new UnsupportedFeatureException(id() + ": needs a finite group of lattice symmetries (C2, C4, D1, D2, D4), got "
                    + group.name());
        }
        WeightSharingOptions o = WeightSharingOptions.defaults().withIterations(3);
        WeightSharingConv layer = lifting ? new WeightSharingLifting(finite, 2, 2, 3, o, new Rng(seed))
                : new WeightSharingGroupConv(finite, 2, 2, 3, o, new Rng(seed));
        return layer.tied();
    }
}
