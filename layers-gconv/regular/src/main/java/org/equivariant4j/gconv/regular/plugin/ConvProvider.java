package org.equivariant4j.gconv.regular.plugin;

import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.tensor.Rng;

/**
 * A {@link LayerProvider} for one regular convolution: it needs a finite group acting on R^dimension and
 * refuses anything else naming the layer, the group and what to use.
 */
record ConvProvider(String id, String description, List<String> groups, int dimension,
        BiFunction<FiniteGroup, Rng, Module> factory) implements LayerProvider {

    ConvProvider {
        groups = List.copyOf(groups);
    }

    @Override
    public Module create(Group group, long seed) {
        if (!(group instanceof FiniteGroup finite) || !(finite.identity() instanceof EuclideanAction a)
                || a.spaceDimension() != dimension) {
            throw new UnsupportedFeatureException("layer '" + id + "' needs a finite group acting on R" + dimension
                    + " but was given " + group.name() + "; it is offered for " + groups + (dimension == 2
                            ? " and accepts any C_n or D_n" : " and accepts any finite rotation group of the cube (and O_h)"));
        }
        return factory.apply(finite, new Rng(seed));
    }
}
