package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * Indexing, segment reductions and {@code where}. Index inputs repeat entries on purpose: the
 * backward of a gather is a scatter, and duplicates are where a scatter can lose updates.
 */
final class IndexGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(14);
        List<GradCase> c = new ArrayList<>();
        c.add(GradCase.of("indexSelect", "dim 0 with duplicates", GradientCheck.of("indexSelect",
                x -> x[0].indexSelect(0, x[1]), in.normal(4, 3), Tensors.of(new long[] {2, 0, 2, 3, 2}, 5))));
        c.add(GradCase.of("indexSelect", "dim 1 of a permuted view, INT32 index", GradientCheck.of("indexSelect",
                x -> x[0].permute(1, 0, 2).indexSelect(1, x[1]), in.normal(3, 2, 4),
                Tensors.of(new long[] {1, 1, 0, 2}, 4).to(DType.INT32))));
        c.add(GradCase.of("gather", "dim 0 with repeats", GradientCheck.of("gather", x -> x[0].gather(0, x[1]),
                in.normal(3, 4), in.indices(3, 5, 4))));
        c.add(GradCase.of("gather", "dim 1, index smaller than the input", GradientCheck.of("gather",
                x -> x[0].gather(1, x[1]), in.normal(3, 4), in.indices(4, 2, 6))));
        c.add(GradCase.of("gather", "dim -1 of a transposed 3D view", GradientCheck.of("gather",
                x -> x[0].transpose(0, 2).gather(-1, x[1]), in.normal(3, 2, 4), in.indices(3, 4, 2, 5))));
        c.add(GradCase.of("indexAdd", "dim 0 with duplicates", GradientCheck.of("indexAdd",
                x -> x[0].indexAdd(0, x[2], x[1]), in.normal(4, 3), in.normal(6, 3),
                Tensors.of(new long[] {1, 3, 1, 1, 0, 3}, 6))));
        c.add(GradCase.of("indexAdd", "dim 1 into a permuted view from a sliced source", GradientCheck.of("indexAdd",
                x -> x[0].permute(1, 0).indexAdd(1, x[2], x[1].slice(0, 0, 6, 2).transpose(0, 1)), in.normal(4, 2), in.normal(6, 2),
                Tensors.of(new long[] {0, 3, 0}, 3))));
        c.add(GradCase.of("segmentSum", "rows with empty segments", GradientCheck.of("segmentSum",
                x -> x[0].segmentSum(x[1], 5), in.normal(6, 3), Tensors.of(new long[] {0, 2, 2, 0, 4, 2}, 6))));
        c.add(GradCase.of("segmentSum", "3D permuted view, INT32 ids", GradientCheck.of("segmentSum",
                x -> x[0].permute(2, 0, 1).segmentSum(x[1], 3), in.normal(2, 3, 5),
                Tensors.of(new long[] {1, 1, 0, 1, 1}, 5).to(DType.INT32))));
        c.add(GradCase.of("segmentMean", "rows with empty segments", GradientCheck.of("segmentMean",
                x -> x[0].segmentMean(x[1], 4), in.normal(6, 3), Tensors.of(new long[] {3, 0, 3, 3, 0, 1}, 6))));
        c.add(GradCase.of("segmentMean", "vector from a sliced view", GradientCheck.of("segmentMean",
                x -> x[0].slice(0, 1, 8, 2).segmentMean(x[1], 2), in.normal(8), Tensors.of(new long[] {1, 0, 1, 1}, 4))));
        c.add(GradCase.of("segmentMax", "distinct values, empty segment", GradientCheck.of("segmentMax",
                x -> x[0].segmentMax(x[1], 4), in.distinct(6, 3), Tensors.of(new long[] {0, 2, 2, 0, 2, 0}, 6))));
        c.add(GradCase.of("segmentMax", "transposed view", GradientCheck.of("segmentMax",
                x -> x[0].transpose(0, 1).segmentMax(x[1], 2), in.distinct(3, 5), Tensors.of(new long[] {1, 0, 1, 1, 0}, 5))));
        c.add(GradCase.of("where", "same shapes", GradientCheck.of("where", x -> Tensors.where(x[2].gt(0.0), x[0], x[1]),
                in.normal(3, 4), in.normal(3, 4), in.normal(3, 4)).constant(2)));
        c.add(GradCase.of("where", "all three broadcast: [3,1] ? [4] : [2,1,1]", GradientCheck.of("where",
                x -> Tensors.where(x[2].gt(0.0), x[0], x[1]), in.normal(4), in.normal(2, 1, 1), in.normal(3, 1)).constant(2)));
        c.add(GradCase.of("where", "transposed operands", GradientCheck.of("where",
                x -> Tensors.where(x[2].gt(0.0), x[0].transpose(0, 1), x[1].permute(1, 0)), in.normal(4, 3), in.normal(4, 3),
                in.normal(3, 4)).constant(2)));
        return c;
    }
}
