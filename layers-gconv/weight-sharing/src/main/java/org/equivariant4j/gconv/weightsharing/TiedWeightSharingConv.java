package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;

/**
 * A weight-sharing convolution whose matrices are fixed to a group's permutations of the kernel: a regular group
 * convolution, exactly equivariant to every element of the group (lifting: {@code Cin x trivial -> Cout x regular};
 * group layer: {@code Cin x regular -> Cout x regular}). Made by {@link WeightSharingConv#tied()}; its kernels are
 * built by the same code as the learned layer's ({@link SharingLayout}), so the test kit's checks of this layer check
 * the weight-sharing layout too.
 *
 * <p>Parameters: the canonical kernel {@code weight} and the per-field {@code bias}; buffer {@code permutations}
 * {@code [|G|, m, m]} (0/1 entries, not trained).
 */
public final class TiedWeightSharingConv extends EquivariantLayer {
    private final FiniteGroup group;
    private final SharingLayout layout;
    private final Parameter weight;
    private final Parameter bias;

    TiedWeightSharingConv(FiniteGroup group, FieldType inType, SharingLayout layout, Tensor permutations, Tensor weight,
            Tensor bias) {
        super(inType, FieldType.of(Domain.grid(2), WeightSharingConv.copies(Representation.regular(group),
                layout.outChannels())));
        this.group = group;
        this.layout = layout;
        this.weight = registerParameter("weight", weight);
        this.bias = bias == null ? null : registerParameter("bias", bias);
        registerBuffer("permutations", permutations);
    }

    public FiniteGroup group() {
        return group;
    }

    /** The canonical kernel. */
    public Tensor weight() {
        return weight.value();
    }

    /** The |G| permuted kernels stacked as one convolution weight {@code [Cout·|G|, Cin·gIn, k, k]} (group index fastest). */
    public Tensor kernel() {
        Tensor w = weight.value();
        return layout.kernel(buffer("permutations").to(w.dtype()), w);
    }

    /**
     * Applies the layer to a plain tensor {@code [N, Cin·gIn, H, W]}; a wrong shape is refused naming this layer.
     */
    public Tensor forward(Tensor input) {
        return layout.convolve(this, input, kernel(), bias == null ? null : bias.value());
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        return GeometricTensor.of(forward(input.tensor()), outType());
    }

    @Override
    public String toString() {
        return "TiedWeightSharingConv(" + group.name() + ": " + inType().representation().name() + " -> "
                + outType().representation().name() + ", k=" + layout.kernelSize() + ")";
    }
}
