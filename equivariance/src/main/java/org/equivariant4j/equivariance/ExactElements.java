package org.equivariant4j.equivariance;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;

/**
 * Splits group elements into those whose action on a field is exact and those it cannot perform. A
 * pixel grid admits only lattice symmetries: SO(2)'s testing elements include rotations by 45 degrees
 * and E(2)'s include translations, which {@link GeometricTensor#transform} refuses rather than
 * interpolate. Such elements cannot be tested on that field; the contract tests report them as skipped
 * instead of silently dropping them.
 *
 * @param exact   the elements that transform the sample field
 * @param refused the others, with the reason of the first
 * @param reason  why the first refused element was refused (empty if none)
 */
public record ExactElements(List<GroupElement> exact, List<GroupElement> refused, String reason) {

    public ExactElements {
        exact = List.copyOf(exact);
        refused = List.copyOf(refused);
    }

    /** Tries every element on {@code sample} (one transform each; cheap on the small test fields). */
    public static ExactElements on(GeometricTensor sample, List<? extends GroupElement> elements) {
        List<GroupElement> exact = new ArrayList<>();
        List<GroupElement> refused = new ArrayList<>();
        String reason = "";
        for (GroupElement g : elements) {
            try {
                sample.transform(g);
                exact.add(g);
            } catch (UnsupportedFeatureException e) {
                // the field's own authority on what it can do; anything else (a wrong group) propagates
                if (refused.isEmpty()) {
                    reason = e.getMessage();
                }
                refused.add(g);
            }
        }
        return new ExactElements(exact, refused, reason);
    }
}
