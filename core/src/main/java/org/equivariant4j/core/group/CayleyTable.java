package org.equivariant4j.core.group;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * The multiplication table of a finite group given by generators in some concrete form (matrices, quaternions,
 * permutations): the members are found by breadth-first closure from the identity, so their order is
 * deterministic (identity first, then by the generator that first reached them), and products and inverses
 * become index look-ups. It backs {@link TableGroup}; the breadth-first tree ({@link #parent}, {@link #step}) lets
 * a group carry homomorphisms defined on the generators to every element.
 *
 * @param <T> the concrete form of a member
 */
public final class CayleyTable<T> {
    /**
     * The largest order tabulated. A table has n² entries and is built with O(n³) {@code same} comparisons: it is
     * for the small groups of equivariant layers (at most a few hundred elements); a closure that grows past this
     * is, in practice, a generator of infinite order (e.g. an angle off by rounding).
     */
    public static final int MAX_ORDER = 2_048;

    private final List<T> members;
    private final int[][] product;
    private final int[] inverse;
    private final int[] generators;
    private final int[] parent;
    private final int[] step;

    private CayleyTable(List<T> members, int[][] product, int[] inverse, int[] generators, int[] parent, int[] step) {
        this.members = List.copyOf(members);
        this.product = product;
        this.inverse = inverse;
        this.generators = generators;
        this.parent = parent;
        this.step = step;
    }

    /**
     * Closes {@code generators} under {@code multiply}, identifying members by {@code same} (exact equality or a
     * tolerance for floating-point forms), and tabulates the products.
     *
     * @throws Equivariant4jException when the closure exceeds {@link #MAX_ORDER} members
     */
    public static <T> CayleyTable<T> close(String groupName, T identity, List<T> generators, BinaryOperator<T> multiply,
            BiPredicate<T, T> same) {
        List<T> members = new ArrayList<>(List.of(identity));
        List<Integer> parents = new ArrayList<>(List.of(-1));
        List<Integer> steps = new ArrayList<>(List.of(-1));
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int s = 0; s < generators.size(); s++) {
                T p = multiply.apply(members.get(q), generators.get(s));
                if (find(members, p, same) < 0) {
                    if (members.size() == MAX_ORDER) {
                        throw new Equivariant4jException("Cayley table of " + groupName + ": the generators " + generators
                                + " generate more than " + MAX_ORDER + " elements; is a generator off by rounding?");
                    }
                    members.add(p);
                    parents.add(q);
                    steps.add(s);
                    queue.add(members.size() - 1);
                }
            }
        }
        int n = members.size();
        int[][] product = new int[n][n];
        int[] inverse = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                product[i][j] = find(members, multiply.apply(members.get(i), members.get(j)), same);
                if (product[i][j] == 0) {
                    inverse[i] = j;
                }
            }
        }
        int[] gens = new int[generators.size()];
        for (int s = 0; s < gens.length; s++) {
            gens[s] = find(members, generators.get(s), same);
        }
        return new CayleyTable<>(members, product, inverse, gens, parents.stream().mapToInt(Integer::intValue).toArray(),
                steps.stream().mapToInt(Integer::intValue).toArray());
    }

    private static <T> int find(List<T> members, T x, BiPredicate<T, T> same) {
        for (int i = 0; i < members.size(); i++) {
            if (same.test(members.get(i), x)) {
                return i;
            }
        }
        return -1;
    }

    /** The members in table order, the identity first. */
    public List<T> members() {
        return members;
    }

    /** The number of members, the group's order. */
    public int size() {
        return members.size();
    }

    /** The index of member i times member j. */
    public int product(int i, int j) {
        return product[i][j];
    }

    /** The index of the inverse of member i. */
    public int inverse(int i) {
        return inverse[i];
    }

    /** The index of the s-th generator. */
    public int generator(int s) {
        return generators[s];
    }

    /** The number of generators given to {@link #close}. */
    public int generatorCount() {
        return generators.length;
    }

    /** The member that first reached member i ({@code -1} for the identity): member i = parent(i) · generator(step(i)). */
    public int parent(int i) {
        return parent[i];
    }

    /** Which generator first reached member i from {@link #parent}({@code i}) ({@code -1} for the identity). */
    public int step(int i) {
        return step[i];
    }

    /** The index of the member {@code same} as {@code x}, or -1. */
    public int indexOf(T x, BiPredicate<T, T> same) {
        return find(members, x, same);
    }
}
