package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A 1x1 map of one regular field that commutes with the group: {@code W[a][b] = w[a⁻¹·b]} (a group
 * convolution over the channels; with ρ(g) e_h = e_{g·h} it commutes with every ρ(g)) plus a bias
 * times the all-ones vector, which is invariant. Trainable, exactly equivariant: the kit's positive control.
 */
class RegularChannelMix extends EquivariantLayer {
    private final int order;
    private final Tensor index;
    private final Parameter bias;

    RegularChannelMix(FiniteGroup group, Domain domain, long seed) {
        super(type(group, domain), type(group, domain));
        this.order = group.order();
        long[] idx = new long[order * order];
        for (int a = 0; a < order; a++) {
            for (int b = 0; b < order; b++) {
                idx[a * order + b] = group.indexOf(group.compose(group.inverse(group.elements().get(a)),
                        group.elements().get(b)));
            }
        }
        this.index = Tensors.of(idx, idx.length);
        Rng rng = new Rng(seed);
        Tensor w = Tensors.randn(rng, order).mul(1.0 / Math.sqrt(order));
        registerWeight(w);
        this.bias = registerParameter("bias", Tensors.randn(rng, 1));
    }

    static FieldType type(FiniteGroup group, Domain domain) {
        return FieldType.of(domain, Representation.regular(group));
    }

    /** Registers the weight vector (a subclass may deliberately forget to). */
    protected void registerWeight(Tensor initial) {
        registerParameter("weight", initial);
    }

    /** The current weight vector w. */
    protected Tensor weight() {
        return namedParameters().get("weight").value();
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor w = weight().indexSelect(0, index).reshape(order, order);
        Tensor x = input.tensor();
        int[] shape = x.shape();
        Tensor y = input.type().domain() instanceof Domain.Grid
                ? w.matmul(x.reshape(shape[0], order, -1)).reshape(shape)
                : x.matmul(w.transpose(0, 1));
        return input.withTensor(y.add(bias.value()));
    }
}
