package org.equivariant4j.backend.nd4j.gradcheck;

import org.equivariant4j.testkit.gradient.GradientCheck;

/** One finite-difference check of one op ({@code op} is the {@code Tensor}/{@code Tensors} method name) in one situation. */
record GradCase(String op, String situation, GradientCheck check) {

    static GradCase of(String op, String situation, GradientCheck check) {
        return new GradCase(op, situation, check);
    }

    String displayName() {
        return op + " — " + situation;
    }
}
