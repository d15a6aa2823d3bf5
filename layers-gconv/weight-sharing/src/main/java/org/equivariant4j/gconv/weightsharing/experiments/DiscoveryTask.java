package org.equivariant4j.gconv.weightsharing.experiments;

import java.util.Locale;

/** What the discovery experiments learn from (option {@code task}); see {@link SymmetryDiscoveryExperiment}. */
enum DiscoveryTask {
    /** The hidden lifting layer's response maps, one per template and pose ({@link HiddenTeacher#maps}). */
    MAPS,
    /** Those responses after a ReLU, pooled over the poses at every pixel ({@link HiddenTeacher#field}). */
    FIELD,
    /** That field pooled over space too: one number per image ({@link HiddenTeacher#raw}). */
    TEACHER,
    /** The glyph classes. */
    LABELS;

    /** The option's text for this task. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DiscoveryTask of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Whether the loss is a mean squared error (every task but the labels). */
    boolean regression() {
        return this != LABELS;
    }
}
