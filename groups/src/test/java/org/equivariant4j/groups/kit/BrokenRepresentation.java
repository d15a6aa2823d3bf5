package org.equivariant4j.groups.kit;

import org.equivariant4j.core.group.AbstractRepresentation;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.groups.CyclicGroup;

/**
 * Negative controls for the representation contract: a representation of C4 with exactly one deliberate
 * {@link Flaw}, so the self-test can show each property fails when, and where, it is broken.
 */
final class BrokenRepresentation extends AbstractRepresentation {
    /** Which property to break. */
    enum Flaw {
        /** ρ(r^k) = (-1)^(k(k-1)/2): ρ(e) = 1 but ρ(r1)ρ(r1) = 1 != ρ(r2) = -1; multiplicities come out 1/2. */
        NOT_A_HOMOMORPHISM,
        /** ρ(g) = 0: multiplicative, but ρ(e) != I. */
        ZERO,
        /** A faithful rotation representation in a skewed basis that still claims to be orthogonal. */
        FALSELY_ORTHOGONAL,
        /** The rotation by k pi/2, which claims permutation matrices. */
        FALSELY_POINTWISE,
        /** The rotation by k pi/2, whose character is off by one. */
        WRONG_CHARACTER
    }

    private static final Matrix SKEW = Matrix.ofRowMajor(2, 2, 1, 0.5, 0, 1);

    private final Flaw flaw;

    BrokenRepresentation(Flaw flaw) {
        super(CyclicGroup.of(4), "broken(" + flaw + ")", flaw == Flaw.NOT_A_HOMOMORPHISM ? 1 : 2);
        this.flaw = flaw;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        int k = ((CyclicGroup.Element) g).power();
        Matrix rotation = ((CyclicGroup.Element) g).linearPart();
        return switch (flaw) {
            case NOT_A_HOMOMORPHISM -> Matrix.diagonal((k * (k - 1) / 2) % 2 == 0 ? 1 : -1);
            case ZERO -> Matrix.zeros(2, 2);
            case FALSELY_ORTHOGONAL -> SKEW.multiply(rotation).multiply(SKEW.inverse());
            case FALSELY_POINTWISE, WRONG_CHARACTER -> rotation;
        };
    }

    @Override
    public double character(GroupElement g) {
        double trace = matrix(g).trace();
        return flaw == Flaw.WRONG_CHARACTER ? trace + 1 : trace;
    }

    @Override
    public boolean isOrthogonal() {
        return flaw != Flaw.ZERO;
    }

    @Override
    public boolean supportsPointwise() {
        return flaw == Flaw.FALSELY_POINTWISE;
    }
}
