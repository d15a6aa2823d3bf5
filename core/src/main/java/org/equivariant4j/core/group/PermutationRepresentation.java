package org.equivariant4j.core.group;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidRepresentationException;

/**
 * The permutation representation of a finite group acting on n points: ρ(g) sends basis vector e_i to
 * e_{g·i}. The action is tabulated once and checked to be one (each g a bijection, the identity fixing
 * every point, (g·h)·i = g·(h·i)); its matrices are permutations, so pointwise nonlinearities stay allowed.
 */
final class PermutationRepresentation extends AbstractRepresentation {
    private final FiniteGroup finite;
    /** target[k][i] = the point element k of the group sends i to. */
    private final int[][] target;

    PermutationRepresentation(FiniteGroup group, String name, int points, PointAction action) {
        super(group, name, points);
        this.finite = group;
        List<GroupElement> elements = group.elements();
        this.target = new int[elements.size()][];
        for (int k = 0; k < elements.size(); k++) {
            target[k] = bijection(elements.get(k), points, action);
        }
        checkHomomorphism(elements);
    }

    private int[] bijection(GroupElement g, int points, PointAction action) {
        int[] t = new int[points];
        boolean[] hit = new boolean[points];
        for (int i = 0; i < points; i++) {
            t[i] = action.apply(g, i);
            if (t[i] < 0 || t[i] >= points) {
                throw new InvalidRepresentationException("permutation representation " + this + ": " + g + " sends point "
                        + i + " to " + t[i] + ", outside [0, " + points + ")");
            }
            if (hit[t[i]]) {
                throw new InvalidRepresentationException("permutation representation " + this + ": " + g
                        + " sends two points to " + t[i] + ", so it is not a permutation: " + Arrays.toString(t));
            }
            hit[t[i]] = true;
        }
        return t;
    }

    private void checkHomomorphism(List<GroupElement> elements) {
        int[] identity = target[finite.indexOf(finite.identity())];
        for (int i = 0; i < identity.length; i++) {
            if (identity[i] != i) {
                throw new InvalidRepresentationException("permutation representation " + this + ": the identity sends point "
                        + i + " to " + identity[i]);
            }
        }
        for (int a = 0; a < elements.size(); a++) {
            for (int b = 0; b < elements.size(); b++) {
                int[] ab = target[finite.indexOf(finite.compose(elements.get(a), elements.get(b)))];
                for (int i = 0; i < ab.length; i++) {
                    if (ab[i] != target[a][target[b][i]]) {
                        throw new InvalidRepresentationException("permutation representation " + this + " is not an action: ("
                                + elements.get(a) + " * " + elements.get(b) + ") sends point " + i + " to " + ab[i] + ", but "
                                + elements.get(a) + " after " + elements.get(b) + " sends it to " + target[a][target[b][i]]);
                    }
                }
            }
        }
    }

    @Override
    protected Matrix compute(GroupElement g) {
        return Matrix.permutation(target[finite.indexOf(g)]);
    }

    @Override
    public boolean isOrthogonal() {
        return true;
    }

    @Override
    public boolean supportsPointwise() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermutationRepresentation p && group().equals(p.group()) && name().equals(p.name())
                && Arrays.deepEquals(target, p.target);
    }

    @Override
    public int hashCode() {
        return (group().hashCode() * 31 + name().hashCode()) * 31 + Arrays.deepHashCode(target);
    }
}
