package org.equivariant4j.equivariance;

/** Which identity an {@link EquivarianceReport} measured, in the words its failure messages use. */
public enum Statement {
    /** {@code f(g·x) = g·f(x)}: the output transforms like the output type. */
    EQUIVARIANCE("f(g·x) = g·f(x)"),
    /** {@code f(g·x) = f(x)}: the output does not change at all (the domain is not moved either). */
    INVARIANCE("f(g·x) = f(x)"),
    /**
     * {@code ∇L(g·x) = g·∇L(x)} for {@code L(x) = Σ f(x)²}, the gradient taken with respect to the
     * input features. L is g-invariant when the output representation is orthogonal, so its gradient
     * transforms with the dual (inverse-transpose) of the input action, which for an orthogonal input
     * representation is the input action itself.
     */
    GRADIENT("∇L(g·x) = g·∇L(x) with L(x) = Σ f(x)²");

    private final String formula;

    Statement(String formula) {
        this.formula = formula;
    }

    /** The identity as text, e.g. {@code "f(g·x) = g·f(x)"}. */
    public String formula() {
        return formula;
    }
}
