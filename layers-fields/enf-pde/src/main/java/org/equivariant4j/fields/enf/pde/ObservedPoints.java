package org.equivariant4j.fields.enf.pde;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * A seeded split of a grid's points into the sparse subset a model observes ("seen") and the rest ("unseen"),
 * where forecasts are also scored: the same split for every trajectory and frame of a dataset. Both index
 * arrays are sorted.
 */
public record ObservedPoints(int[] seen, int[] unseen) {

    /** {@code round(fraction * points)} (at least 1) points drawn uniformly without replacement with {@code seed}. */
    public static ObservedPoints sample(int points, double seenFraction, long seed) {
        if (points <= 1 || !(seenFraction > 0) || !(seenFraction < 1)) {
            throw new InvalidArgumentException("ObservedPoints: need > 1 points and a seen fraction in (0, 1), got " + points
                    + " points, fraction " + seenFraction);
        }
        int count = Math.max(1, Math.min(points - 1, (int) Math.round(seenFraction * points)));
        int[] order = new Rng(seed).permutation(points);
        int[] seen = Arrays.copyOf(order, count);
        int[] unseen = Arrays.copyOfRange(order, count, points);
        Arrays.sort(seen);
        Arrays.sort(unseen);
        return new ObservedPoints(seen, unseen);
    }
}
