package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.Tensor;

/**
 * {@link RegularChannelMix} holding its weight in a plain field instead of registering it: equivariant
 * and deterministic, but its state dict lacks the weight, so a round trip changes its outputs. The
 * contract's state-dict test must catch it.
 */
final class ForgetfulChannelMix extends RegularChannelMix {
    private Tensor weight;

    ForgetfulChannelMix(FiniteGroup group, Domain domain, long seed) {
        super(group, domain, seed);
    }

    @Override
    protected void registerWeight(Tensor initial) {
        this.weight = initial; // the bug under test: not registerParameter
    }

    @Override
    protected Tensor weight() {
        // Module.to() does not see the field either: follow the registered bias so both dtypes still run.
        return weight.to(namedParameters().get("bias").value().dtype());
    }
}
