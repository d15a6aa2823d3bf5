package org.equivariant4j.ssl.cutinit;

import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;

/** Which initial weights {@link CutInit} divides. */
public enum CutScope {
    /** Every parameter of the model (the public code's {@code cut_weights}: BatchNorm affine parameters included). */
    ALL,
    /** Only the parameters of the module that owns the model's last parameter (its output layer). */
    LAST;

    /** {@code "all"} or {@code "last"}. */
    public static CutScope of(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("CutScope: expected 'all' or 'last' but was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
