package org.equivariant4j.nn.equivariant;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;

/**
 * Equivariant layers applied in order; itself an equivariant layer from the first layer's input type to the
 * last layer's output type (a composition of equivariant maps is equivariant). Adjacent types are checked
 * at construction, as escnn's {@code SequentialModule} does: a network that could not run fails when it is
 * built, naming the two layers (index and description) and both types, not at the first forward pass.
 * Children are registered as {@code "0"}, {@code "1"}, ... so parameters are named {@code "0.weight_0_0"}.
 */
public final class EquivariantSequential extends EquivariantLayer {
    private final List<EquivariantLayer> layers;

    /** The composition of {@code layers} (at least one), checking each output type against the next input type. */
    public EquivariantSequential(EquivariantLayer... layers) {
        this(List.of(layers));
    }

    /** The composition of {@code layers} (at least one), checking each output type against the next input type. */
    public EquivariantSequential(List<? extends EquivariantLayer> layers) {
        // Checked before the super constructor, whose own check (same group at both ends) would otherwise
        // report a mismatch between the first and last layers instead of the adjacent pair at fault.
        super(checkAdjacent(layers).inType(), layers.get(layers.size() - 1).outType());
        this.layers = List.copyOf(layers);
        for (int i = 0; i < this.layers.size(); i++) {
            registerModule(Integer.toString(i), this.layers.get(i));
        }
    }

    /** Refuses an empty list or a pair of adjacent layers whose types differ; returns the first layer. */
    private static EquivariantLayer checkAdjacent(List<? extends EquivariantLayer> layers) {
        if (layers.isEmpty()) {
            throw new InvalidArgumentException("EquivariantSequential needs at least one layer");
        }
        for (int i = 0; i + 1 < layers.size(); i++) {
            EquivariantLayer a = layers.get(i);
            EquivariantLayer b = layers.get(i + 1);
            if (!a.outType().isCompatible(b.inType())) {
                throw new FieldTypeMismatchException("EquivariantSequential: layer " + i + " (" + a + ") outputs " + a.outType()
                        + " but layer " + (i + 1) + " (" + b + ") expects " + b.inType() + "; insert a layer mapping "
                        + a.outType().representation().name() + " to " + b.inType().representation().name()
                        + " (e.g. an EquivariantLinear) or change one of the two types");
            }
        }
        return layers.get(0);
    }

    /** The layers in order. */
    public List<EquivariantLayer> layers() {
        return layers;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        GeometricTensor x = input;
        for (EquivariantLayer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /** The layers, one per line, with their indices. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EquivariantSequential(");
        for (int i = 0; i < layers.size(); i++) {
            sb.append("\n  ").append(i).append(": ").append(layers.get(i));
        }
        return sb.append("\n)").toString();
    }
}
