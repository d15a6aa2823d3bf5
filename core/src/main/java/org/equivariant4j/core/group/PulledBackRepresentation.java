package org.equivariant4j.core.group;

import org.equivariant4j.core.error.GroupMismatchException;

/**
 * k -> ρ(f(k)) for a homomorphism f: K -> G and a representation ρ of G. Restriction to a subgroup is the
 * pull-back along its embedding; its name reads {@code "res(irrep(2), I < SO(3))"}.
 */
final class PulledBackRepresentation extends AbstractRepresentation {
    private final Representation base;
    private final GroupHomomorphism homomorphism;

    PulledBackRepresentation(Representation base, GroupHomomorphism homomorphism) {
        super(homomorphism.domain(), (homomorphism instanceof Subgroup ? "res(" : "pullback(") + base.name() + ", "
                + homomorphism.name() + ")", base.dimension());
        if (!homomorphism.codomain().equals(base.group())) {
            throw new GroupMismatchException("pull-back of " + base + " along " + homomorphism.name(),
                    base.group().name(), homomorphism.codomain().name());
        }
        this.base = base;
        this.homomorphism = homomorphism;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return base.matrix(homomorphism.apply(g));
    }

    @Override
    public double character(GroupElement g) {
        return base.character(homomorphism.apply(requireMember(g)));
    }

    @Override
    public boolean isOrthogonal() {
        return base.isOrthogonal();
    }

    @Override
    public boolean supportsPointwise() {
        return base.supportsPointwise();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PulledBackRepresentation p && base.equals(p.base) && homomorphism.equals(p.homomorphism);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + homomorphism.hashCode() + 11;
    }
}
