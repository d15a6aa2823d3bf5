package org.equivariant4j.fields.enf.pde;

/**
 * The three splits of a {@link PdeDataset}. {@link #TRANSFORMED_TEST} holds the initial conditions of
 * {@link #TEST}, trajectory by trajectory, each moved by a symmetry of the problem (a rotation or a
 * translation, see each {@link PdeConfig}) and simulated again by the same solver: a model that is
 * equivariant to that symmetry forecasts both test splits equally well, one that is not may degrade.
 */
public enum Split {
    TRAIN("train"),
    TEST("test"),
    TRANSFORMED_TEST("test-transformed");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** The id used in file names and reports. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
