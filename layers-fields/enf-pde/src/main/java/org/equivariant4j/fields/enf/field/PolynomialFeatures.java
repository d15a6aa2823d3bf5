package org.equivariant4j.fields.enf.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Every monomial of degree 1 to {@code degree} of the last dimension's {@code in} numbers, {@code [..., in]} to
 * {@code [..., count]}: for in = 2 and degree 2, (a, b, a², ab, b²). A smooth, non-periodic alternative to random
 * Fourier features for embedding bi-invariants. The monomials are built degree by degree, each from one of degree
 * d − 1 times one input, so the cost is one multiplication per monomial; the loop runs over monomials, never over
 * elements.
 */
public final class PolynomialFeatures extends UnaryModule {
    private final int inFeatures;
    private final int degree;
    /** For each monomial of degree >= 2: the index of its degree d − 1 factor and of the input it is multiplied by. */
    private final int[][] recipe;

    public PolynomialFeatures(int inFeatures, int degree) {
        if (inFeatures <= 0 || degree <= 0) {
            throw new InvalidArgumentException("PolynomialFeatures: in and degree must be positive, got " + inFeatures
                    + " and " + degree);
        }
        this.inFeatures = inFeatures;
        this.degree = degree;
        this.recipe = recipe(inFeatures, degree);
    }

    /**
     * Monomials as non-decreasing index sequences: degree d ones extend a degree d − 1 one by an input index no smaller
     * than its last, which lists each monomial exactly once.
     */
    private static int[][] recipe(int in, int degree) {
        List<int[]> steps = new ArrayList<>();
        List<Integer> lastIndex = new ArrayList<>();
        for (int i = 0; i < in; i++) {
            lastIndex.add(i);
        }
        int levelStart = 0;
        int levelEnd = in;
        for (int d = 2; d <= degree; d++) {
            int next = levelEnd;
            for (int m = levelStart; m < levelEnd; m++) {
                for (int i = lastIndex.get(m); i < in; i++) {
                    steps.add(new int[] {m, i});
                    lastIndex.add(i);
                    next++;
                }
            }
            levelStart = levelEnd;
            levelEnd = next;
        }
        return steps.toArray(int[][]::new);
    }

    /** Numbers per output row: the monomials of degree 1 to {@code degree}. */
    public int outFeatures() {
        return inFeatures + recipe.length;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() == 0 || x.size(-1) != inFeatures) {
            throw new ShapeMismatchException(this + ": expected input [..., " + inFeatures + "] but was "
                    + Arrays.toString(x.shape()));
        }
        List<Tensor> monomials = new ArrayList<>(outFeatures());
        for (int i = 0; i < inFeatures; i++) {
            monomials.add(x.narrow(-1, i, 1));
        }
        for (int[] step : recipe) {
            monomials.add(monomials.get(step[0]).mul(monomials.get(step[1])));
        }
        return Tensors.concat(-1, monomials);
    }

    @Override
    public String toString() {
        return "PolynomialFeatures(" + inFeatures + ", degree " + degree + " -> " + outFeatures() + ")";
    }
}
