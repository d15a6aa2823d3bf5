package org.equivariant4j.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Field types for graphs, and the packing of a graph's node data into one core field: node features
 * followed by the velocity as one more {@code standard} (vector) field. Packed, a graph layer is a
 * function between {@link GeometricTensor}s on points, which the test kit's equivariance checker
 * transforms exactly as {@link Graph#transform} does.
 */
public final class GraphFields {

    private GraphFields() {
    }

    /** {@code scalars} invariant channels followed by {@code vectors} vector fields on the points of R^n, n from the group. */
    public static FieldType scalarsAndVectors(Group group, int scalars, int vectors) {
        Representation standard = Representation.standard(group);
        List<Representation> parts = new ArrayList<>(Collections.nCopies(scalars, Representation.trivial(group)));
        parts.addAll(Collections.nCopies(vectors, standard));
        if (parts.isEmpty()) {
            throw new InvalidArgumentException("GraphFields: a field type needs at least one channel");
        }
        Representation r = parts.size() == 1 ? parts.get(0) : Representation.directSum(parts);
        return FieldType.of(Domain.points(standard.dimension()), r);
    }

    /** {@code count} invariant channels on the points of R^n. */
    public static FieldType scalars(Group group, int count) {
        return scalarsAndVectors(group, count, 0);
    }

    /** {@code count} invariant edge attributes (charge products, bond types, distances, ...). */
    public static FieldType invariantEdges(Group group, int count) {
        if (count < 1) {
            throw new InvalidArgumentException("GraphFields: edge attributes need at least one channel, got " + count);
        }
        Representation t = Representation.trivial(group);
        return FieldType.of(Domain.vectors(), count == 1 ? t : Representation.directSum(Collections.nCopies(count, t)));
    }

    /** The node type, followed by one {@code standard} field for the velocity when {@code velocities}. */
    public static FieldType packedType(FieldType nodeType, boolean velocities) {
        if (!velocities) {
            return nodeType;
        }
        Representation v = Representation.standard(nodeType.group());
        return FieldType.of(nodeType.domain(), Representation.directSum(List.of(nodeType.representation(), v)));
    }

    /** The graph's node features (and velocities, if any) and positions as one field of {@link #packedType}. */
    public static GeometricTensor pack(Graph g) {
        FieldType type = packedType(g.nodeType(), g.hasVelocities());
        Tensor f = g.hasVelocities() ? Tensors.concat(1, g.features(), g.velocities()) : g.features();
        return GeometricTensor.ofPoints(f, g.positions(), type);
    }

    /**
     * {@code topology} with the nodes of the packed field {@code packed}: its first {@code nodeType.channels()}
     * channels become the features, the last n the velocities (when {@code velocities}).
     */
    public static Graph unpack(Graph topology, FieldType nodeType, boolean velocities, GeometricTensor packed) {
        Tensor t = packed.tensor();
        int c = nodeType.channels();
        Tensor features = velocities ? t.narrow(1, 0, c) : t;
        Graph g = topology.withVelocities(velocities ? t.narrow(1, c, t.size(1) - c) : null);
        return g.withNodes(nodeType, features, packed.positions());
    }
}
