package org.equivariant4j.core.experiment;

/** The type of an experiment option's value, and so how its text form is parsed. */
public enum OptionType {
    /** A Java {@code int}: {@code "64"}. */
    INT,
    /** A Java {@code double}: {@code "0.001"}, {@code "1e-3"}. */
    DOUBLE,
    /** Free text, or one of a fixed set of choices. */
    STRING,
    /** {@code "true"} or {@code "false"}, nothing else (a typo must not silently mean false). */
    BOOLEAN;

    /** The lower-case name used in listings, e.g. {@code "int"}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
