package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.testkit.gradient.GradientCheck;

/** Reductions over one, several and all axes, with and without kept dimensions, and the softmax family. */
final class ReductionGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(12);
        List<GradCase> c = new ArrayList<>();
        c.add(GradCase.of("sum", "all", GradientCheck.of("sum", x -> x[0].sum(), in.normal(2, 3, 4))));
        c.add(GradCase.of("sum", "dim 1", GradientCheck.of("sum", x -> x[0].sum(1, false), in.normal(2, 3, 4))));
        c.add(GradCase.of("sum", "dims {0,2} keepDims, permuted input", GradientCheck.of("sum",
                x -> x[0].permute(2, 0, 1).sum(new int[] {0, 2}, true), in.normal(2, 3, 4))));
        c.add(GradCase.of("mean", "all", GradientCheck.of("mean", x -> x[0].mean(), in.normal(2, 3, 4))));
        c.add(GradCase.of("mean", "dim -1 keepDims", GradientCheck.of("mean", x -> x[0].mean(-1, true), in.normal(2, 3, 4))));
        c.add(GradCase.of("mean", "dims {0,1}", GradientCheck.of("mean", x -> x[0].mean(new int[] {0, 1}, false),
                in.normal(2, 3, 4))));
        c.add(GradCase.of("max", "all", GradientCheck.of("max", x -> x[0].max(), in.distinct(3, 4))));
        c.add(GradCase.of("max", "dim 1", GradientCheck.of("max", x -> x[0].max(1, false), in.distinct(2, 3, 4))));
        c.add(GradCase.of("min", "dim 0 keepDims", GradientCheck.of("min", x -> x[0].min(0, true), in.distinct(3, 4))));
        c.add(GradCase.of("var", "dims {1}", GradientCheck.of("var", x -> x[0].var(new int[] {1}, false), in.normal(3, 5))));
        c.add(GradCase.of("var", "dims {0,2} keepDims", GradientCheck.of("var", x -> x[0].var(new int[] {0, 2}, true),
                in.normal(3, 2, 4))));
        c.add(GradCase.of("logSumExp", "dim 1", GradientCheck.of("logSumExp", x -> x[0].logSumExp(1, false),
                in.normal(3, 5).mul(4.0))));
        c.add(GradCase.of("softmax", "dim -1", GradientCheck.of("softmax", x -> x[0].softmax(-1), in.normal(3, 5))));
        c.add(GradCase.of("softmax", "dim 0 of a transposed view", GradientCheck.of("softmax",
                x -> x[0].transpose(0, 1).softmax(0), in.normal(3, 5))));
        c.add(GradCase.of("logSoftmax", "dim 1", GradientCheck.of("logSoftmax", x -> x[0].logSoftmax(1), in.normal(3, 5))));
        c.add(GradCase.of("norm", "all", GradientCheck.of("norm", x -> x[0].norm(), in.normal(3, 4))));
        c.add(GradCase.of("norm", "dim 1 keepDims", GradientCheck.of("norm", x -> x[0].norm(1, true), in.normal(3, 4))));
        for (int trial = 0; trial < 3; trial++) {
            int[] shape = in.shape(3, 4);
            int dim = trial % shape.length;
            boolean keep = trial % 2 == 0;
            String where = java.util.Arrays.toString(shape) + " dim " + dim + (keep ? " keepDims" : "");
            c.add(GradCase.of("sum", "random " + where, GradientCheck.of("sum", x -> x[0].sum(dim, keep), in.normal(shape))));
            c.add(GradCase.of("mean", "random " + where, GradientCheck.of("mean", x -> x[0].mean(dim, keep), in.normal(shape))));
            c.add(GradCase.of("softmax", "random " + where, GradientCheck.of("softmax", x -> x[0].softmax(dim), in.normal(shape))));
            c.add(GradCase.of("max", "random " + where, GradientCheck.of("max", x -> x[0].max(dim, keep), in.distinct(shape))));
        }
        return c;
    }
}
