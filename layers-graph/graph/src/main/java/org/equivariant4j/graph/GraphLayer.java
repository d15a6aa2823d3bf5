package org.equivariant4j.graph;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;

/**
 * A layer on batched graphs: node features of {@link #inType()} in, of {@link #outType()} out; it may
 * move positions and velocities but keeps the topology. Its equivariance is that of the function
 * {@code Graph -> Graph} under {@link Graph#transform} (E(n), O(n), ...) and {@link Graph#permute};
 * {@link #bind(Graph)} turns it into a core {@link EquivariantLayer} on one topology so the test kit's
 * checker can measure it.
 */
public abstract class GraphLayer extends Module {
    private final FieldType inType;
    private final FieldType outType;

    protected GraphLayer(FieldType inType, FieldType outType) {
        if (!(inType.domain() instanceof Domain.Points) || !inType.domain().equals(outType.domain())) {
            throw new FieldTypeMismatchException(getClass().getSimpleName() + ": node types must live on one point domain,"
                    + " got " + inType + " -> " + outType);
        }
        if (!inType.group().equals(outType.group())) {
            throw new FieldTypeMismatchException(getClass().getSimpleName() + ": input type " + inType + " and output type "
                    + outType + " must be over the same group");
        }
        this.inType = inType;
        this.outType = outType;
    }

    public final FieldType inType() {
        return inType;
    }

    public final FieldType outType() {
        return outType;
    }

    /** The layer on {@code graph}, whose node type must be {@link #inType()}. */
    public final Graph forward(Graph graph) {
        if (!graph.nodeType().isCompatible(inType)) {
            throw new FieldTypeMismatchException(this + ": expected node features of type " + inType + " but the graph has "
                    + graph.nodeType());
        }
        Graph out = apply(graph);
        if (!out.nodeType().isCompatible(outType)) {
            throw new IllegalStateException(this + " produced node features of type " + out.nodeType() + ", not its declared "
                    + outType);
        }
        return out;
    }

    protected abstract Graph apply(Graph graph);

    /**
     * This layer on the fixed topology of {@code topology} (edges, edge attributes, batch; its features,
     * positions and velocities are replaced by the input's), as a core layer on packed node fields
     * ({@link GraphFields#packedType}). Edge attributes stay fixed, so they must be invariant (as
     * charge products and distances of the template positions are) for the bound layer to be equivariant.
     */
    public EquivariantLayer bind(Graph topology) {
        return new BoundGraphLayer(this, topology);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + inType.representation().name() + " -> " + outType.representation().name()
                + ")";
    }
}
