package org.equivariant4j.fields.enf.field;

/** How an {@link InvariantEmbedding} lifts bi-invariants before its small MLP. */
public enum EmbeddingKind {
    /** Random Fourier features (nn's {@code RandomFourierFeatures}); the scale is the std of the frequencies. */
    FOURIER,
    /** Every monomial up to a degree ({@link PolynomialFeatures}); the scale is the degree. */
    POLYNOMIAL
}
