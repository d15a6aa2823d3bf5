package org.equivariant4j.cli.layers;

import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.equivariant.EquivariantLinear;
import org.equivariant4j.nn.equivariant.EquivariantSequential;
import org.equivariant4j.nn.equivariant.GroupPooling;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;

/**
 * The generic equivariant blocks of {@code nn.equivariant} as registered layers, built on feature
 * vectors of regular (and trivial) fields, which every finite group has. Offered by default for C4,
 * D4 and Q8 (the quaternion group of the third-party plugin: the blocks know nothing of a group but
 * its elements and matrices); {@code eq4j check <layer> --group G} tries any other finite group.
 */
public final class BlockLayers {

    private BlockLayers() {
    }

    /** Groups each block is listed for. */
    static final List<String> DEFAULT_GROUPS = List.of("C4", "D4", "Q8");

    /** Every block provider. */
    public static List<LayerProvider> all() {
        return List.of(
                new Block("equivariant-linear", "EquivariantLinear: 2x regular + trivial -> regular + 2x trivial (vectors)",
                        (g, rng) -> new EquivariantLinear(type(g, 2, 1), type(g, 1, 2), rng)),
                new Block("pointwise-relu", "PointwiseNonlinearity ReLU on 2x regular (vectors)",
                        (g, rng) -> PointwiseNonlinearity.relu(type(g, 2, 0))),
                new Block("group-pooling", "GroupPooling MAX: 3x regular -> 3x trivial (vectors)",
                        (g, rng) -> new GroupPooling(type(g, 3, 0), GroupPooling.Mode.MAX)),
                new Block("invariant-mlp", "EquivariantLinear -> ReLU -> EquivariantLinear -> ReLU -> GroupPooling on regular"
                        + " fields: the body of the c4-tetrominoes classifier (vectors)",
                        (g, rng) -> {
                            FieldType in = type(g, 2, 0);
                            FieldType hidden = type(g, 4, 0);
                            return new EquivariantSequential(new EquivariantLinear(in, hidden, rng.split()),
                                    PointwiseNonlinearity.relu(hidden), new EquivariantLinear(hidden, hidden, rng.split()),
                                    PointwiseNonlinearity.relu(hidden), new GroupPooling(hidden, GroupPooling.Mode.MAX));
                        }));
    }

    /** {@code regular} regular fields then {@code trivial} trivial ones, on plain vectors. */
    static FieldType type(FiniteGroup g, int regular, int trivial) {
        List<Representation> parts = new java.util.ArrayList<>(Collections.nCopies(regular, Representation.regular(g)));
        parts.addAll(Collections.nCopies(trivial, Representation.trivial(g)));
        return FieldType.of(Domain.vectors(), Representation.directSum(parts));
    }

    /** One block: an id, a description and how to build it for a finite group. */
    private record Block(String id, String description, BiFunction<FiniteGroup, Rng, Module> factory) implements LayerProvider {

        @Override
        public List<String> groups() {
            return DEFAULT_GROUPS;
        }

        @Override
        public Module create(Group group, long seed) {
            if (!(group instanceof FiniteGroup finite)) {
                throw new UnsupportedFeatureException("layer '" + id + "' is built on regular representations, which only"
                        + " finite groups have; " + group.name() + " is not finite (try C4, D4, Q8, O, ...)");
            }
            return factory.apply(finite, new Rng(seed));
        }
    }
}
