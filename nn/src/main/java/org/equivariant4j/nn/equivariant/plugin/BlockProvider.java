package org.equivariant4j.nn.equivariant.plugin;

import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;

/**
 * A {@link LayerProvider} for one generic block. The blocks work for any finite group, so the factory takes a
 * {@link FiniteGroup}; a continuous group is refused naming the layer, the group and what to use instead.
 *
 * @param id          layer id, unique across plugins
 * @param description one line for listings
 * @param groups      canonical names of the groups the block is offered for by default
 * @param factory     a small instance of the block for a group, initialised from a seed
 */
record BlockProvider(String id, String description, List<String> groups, BiFunction<FiniteGroup, Long, Module> factory)
        implements LayerProvider {

    BlockProvider {
        groups = List.copyOf(groups);
    }

    @Override
    public Module create(Group group, long seed) {
        if (!(group instanceof FiniteGroup finite)) {
            throw new UnsupportedFeatureException("layer '" + id + "' needs a finite group (its maps are solved by averaging"
                    + " over the elements) but was given " + group.name() + "; it is offered for " + groups + " and accepts"
                    + " any FiniteGroup: C_n or D_n inside SO(2) / O(2), T, O or I inside SO(3), or a plugin's group");
        }
        return factory.apply(finite, seed);
    }
}
