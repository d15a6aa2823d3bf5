package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * Views and copies that rearrange elements, each on a contiguous input and on a permuted or
 * sliced view (whose strides the op must respect in both directions).
 */
final class ShapeGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(13);
        List<GradCase> c = new ArrayList<>();
        both(c, "reshape", "to [6,4]", t -> t.reshape(6, 4), in);
        both(c, "reshape", "with -1 to [2,-1]", t -> t.reshape(2, -1), in);
        both(c, "permute", "(2,0,1)", t -> t.permute(2, 0, 1), in);
        both(c, "transpose", "(0,-1)", t -> t.transpose(0, -1), in);
        c.add(GradCase.of("expand", "[3,1] to [2,3,4]", GradientCheck.of("expand", x -> x[0].expand(2, 3, 4), in.normal(3, 1))));
        c.add(GradCase.of("expand", "-1 keeps, on a transposed [1,3] view", GradientCheck.of("expand",
                x -> x[0].transpose(0, 1).expand(-1, 5), in.normal(1, 3))));
        c.add(GradCase.of("squeeze", "dim 1 of [3,1,4]", GradientCheck.of("squeeze", x -> x[0].squeeze(1), in.normal(3, 1, 4))));
        c.add(GradCase.of("squeeze", "dim -1 of a permuted view", GradientCheck.of("squeeze",
                x -> x[0].permute(1, 2, 0).squeeze(-1), in.normal(1, 3, 4))));
        both(c, "unsqueeze", "dim 1", t -> t.unsqueeze(1), in);
        both(c, "unsqueeze", "dim -1 (new last)", t -> t.unsqueeze(-1), in);
        both(c, "narrow", "dim 1 start 1 length 2", t -> t.narrow(1, 1, 2), in);
        both(c, "slice", "dim 2 step 2", t -> t.slice(2, 0, 4, 2), in);
        both(c, "slice", "dim 0 [1,2) step 3, then dim 1 step 2", t -> t.slice(0, 1, 2, 3).slice(1, 0, 3, 2), in);
        both(c, "flip", "dims (0,2)", t -> t.flip(0, 2), in);
        both(c, "flip", "dim -2", t -> t.flip(-2), in);
        both(c, "roll", "shift 1 dim 2", t -> t.roll(1, 2), in);
        both(c, "roll", "shift -4 dim 1 (wraps more than once)", t -> t.roll(-4, 1), in);
        both(c, "pad", "constant {1,2} last dim, value 0.5", t -> t.pad(new int[] {1, 2}, PadMode.CONSTANT, 0.5), in);
        both(c, "pad", "constant {0,1,2,0} last two dims", t -> t.pad(new int[] {0, 1, 2, 0}, PadMode.CONSTANT, 0), in);
        both(c, "pad", "circular {1,2,2,1} last two dims", t -> t.pad(new int[] {1, 2, 2, 1}, PadMode.CIRCULAR, 0), in);
        both(c, "pad", "circular {0,0,3,3} full wrap of dim 1", t -> t.pad(new int[] {0, 0, 3, 3}, PadMode.CIRCULAR, 0), in);
        c.add(GradCase.of("concat", "dim 1 of three", GradientCheck.of("concat", x -> Tensors.concat(1, x[0], x[1], x[2]),
                in.normal(2, 1, 3), in.normal(2, 2, 3), in.normal(2, 3, 3))));
        c.add(GradCase.of("concat", "dim 0 of a transposed and a sliced view", GradientCheck.of("concat",
                x -> Tensors.concat(0, x[0].transpose(0, 1), x[1].slice(1, 0, 6, 2)), in.normal(3, 2), in.normal(4, 6))));
        c.add(GradCase.of("stack", "dim 0", GradientCheck.of("stack", x -> Tensors.stack(0, x[0], x[1]), in.normal(2, 3),
                in.normal(2, 3))));
        c.add(GradCase.of("stack", "dim -1 of permuted views", GradientCheck.of("stack",
                x -> Tensors.stack(-1, x[0].permute(1, 0), x[1].transpose(0, 1)), in.normal(3, 2), in.normal(3, 2))));
        return c;
    }

    /** The op on a contiguous [2,3,4] input and on a [2,3,4] view made by permuting a [4,2,3] input. */
    private static void both(List<GradCase> c, String op, String situation, UnaryOperator<Tensor> f, Inputs in) {
        c.add(GradCase.of(op, situation + ", contiguous", GradientCheck.of(op, x -> f.apply(x[0]), in.normal(2, 3, 4))));
        c.add(GradCase.of(op, situation + ", permuted view", GradientCheck.of(op, x -> f.apply(x[0].permute(1, 2, 0)),
                in.normal(4, 2, 3))));
    }
}
