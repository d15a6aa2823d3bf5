package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import static org.equivariant4j.backend.nd4j.GraphGradients.constant;
import static org.equivariant4j.backend.nd4j.GraphGradients.oneMinus;
import static org.equivariant4j.backend.nd4j.GraphGradients.reduceTo;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.Select;
import org.nd4j.linalg.api.ops.impl.transforms.custom.EqualTo;
import org.nd4j.linalg.api.ops.impl.transforms.custom.GreaterThan;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LessThan;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Elementwise arithmetic, functions and comparisons, with NumPy broadcasting and their backward. */
final class ElementwiseOps {
    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private ElementwiseOps() {
    }

    enum Arith { ADD, SUB, MUL, DIV }

    /**
     * {@code a (op) b} into {@code out} (which may be {@code a} itself), broadcasting {@code b}
     * without materialising it: a reduction's kept-dims result against its input, for instance.
     */
    static INDArray applyInto(Arith kind, INDArray a, INDArray b, INDArray out) {
        switch (kind) {
            case ADD -> Nd4j.exec(new AddOp(a, b, out));
            case SUB -> Nd4j.exec(new SubOp(a, b, out));
            case MUL -> Nd4j.exec(new MulOp(a, b, out));
            case DIV -> Nd4j.exec(new DivOp(a, b, out));
        }
        return out;
    }

    /** {@code a (op) b} with broadcasting, into a new array. */
    static INDArray apply(String op, Arith kind, INDArray a, INDArray b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Nd4j.create(a.dataType(), Broadcast.shape(op, a.shape(), b.shape()));
        }
        if (KernelSelection.useKernels() && ElementwiseKernel.supports(a, b)) {
            long[] shape = Broadcast.shape(op, a.shape(), b.shape());
            AllocationLimit.check(op, shape, a.dataType());
            return ElementwiseKernel.binary(kind, a, b, shape);
        }
        if (Arrays.equals(a.shape(), b.shape())) {
            return switch (kind) {
                case ADD -> a.add(b);
                case SUB -> a.sub(b);
                case MUL -> a.mul(b);
                case DIV -> a.div(b);
            };
        }
        long[] shape = Broadcast.shape(op, a.shape(), b.shape());
        AllocationLimit.check(op, shape, a.dataType());
        INDArray out = Nd4j.createUninitialized(a.dataType(), shape);
        switch (kind) {
            case ADD -> Nd4j.exec(new AddOp(a, b, out));
            case SUB -> Nd4j.exec(new SubOp(a, b, out));
            case MUL -> Nd4j.exec(new MulOp(a, b, out));
            case DIV -> Nd4j.exec(new DivOp(a, b, out));
        }
        return out;
    }

    /** A binary op with an empty operand: the (empty) broadcast result, zero gradients (see {@link EmptyOps}). */
    private static Nd4jTensor emptyBinary(String op, Nd4jTensor a, Nd4jTensor b) {
        long[] shape = Broadcast.shape(op, a.value().shape(), b.value().shape());
        return EmptyOps.result(op, Nd4j.create(a.value().dataType(), shape), a, b);
    }

    public static Nd4jTensor add(Nd4jTensor a, Nd4jTensor b) {
        Broadcast.requireSameDType("add", a, b);
        if (EmptyOps.any(a, b)) {
            return emptyBinary("add", a, b);
        }
        long[] sa = a.value().shape();
        long[] sb = b.value().shape();
        return Nd4jTensor.record("add", apply("add", Arith.ADD, a.value(), b.value()),
                g -> new INDArray[] {Broadcast.reduceTo(g, sa), Broadcast.reduceTo(g, sb)},
                (g, y) -> new Nd4jTensor[] {reduceTo(g, sa), reduceTo(g, sb)}, a, b);
    }

    public static Nd4jTensor sub(Nd4jTensor a, Nd4jTensor b) {
        Broadcast.requireSameDType("sub", a, b);
        if (EmptyOps.any(a, b)) {
            return emptyBinary("sub", a, b);
        }
        long[] sa = a.value().shape();
        long[] sb = b.value().shape();
        return Nd4jTensor.record("sub", apply("sub", Arith.SUB, a.value(), b.value()),
                g -> new INDArray[] {Broadcast.reduceTo(g, sa), Broadcast.reduceTo(g.neg(), sb)},
                (g, y) -> new Nd4jTensor[] {reduceTo(g, sa), reduceTo(mulScalar(g, -1.0), sb)}, a, b);
    }

    public static Nd4jTensor mul(Nd4jTensor a, Nd4jTensor b) {
        Broadcast.requireSameDType("mul", a, b);
        if (EmptyOps.any(a, b)) {
            return emptyBinary("mul", a, b);
        }
        INDArray x = a.value();
        INDArray y = b.value();
        return Nd4jTensor.record("mul", apply("mul", Arith.MUL, x, y), g -> new INDArray[] {
            a.requiresGrad() ? Broadcast.reduceTo(apply("mul", Arith.MUL, g, y), x.shape()) : null,
            b.requiresGrad() ? Broadcast.reduceTo(apply("mul", Arith.MUL, g, x), y.shape()) : null}, (g, out) -> new Nd4jTensor[] {
                a.requiresGrad() ? reduceTo(mul(g, b), x.shape()) : null,
                b.requiresGrad() ? reduceTo(mul(g, a), y.shape()) : null}, a, b);
    }

    public static Nd4jTensor div(Nd4jTensor a, Nd4jTensor b) {
        Broadcast.requireSameDType("div", a, b);
        if (EmptyOps.any(a, b)) {
            return emptyBinary("div", a, b);
        }
        INDArray x = a.value();
        INDArray y = b.value();
        INDArray out = apply("div", Arith.DIV, x, y);
        return Nd4jTensor.record("div", out, g -> {
            INDArray gx = apply("div", Arith.DIV, g, y);
            return new INDArray[] {
                a.requiresGrad() ? Broadcast.reduceTo(gx, x.shape()) : null,
                // d(x/y)/dy = -(x/y)/y
                b.requiresGrad() ? Broadcast.reduceTo(apply("div", Arith.MUL, gx, out).negi(), y.shape()) : null};
        }, (g, quotient) -> {
            Nd4jTensor gx = div(g, b);
            return new Nd4jTensor[] {reduceTo(gx, x.shape()), reduceTo(mulScalar(mul(gx, quotient), -1.0), y.shape())};
        }, a, b);
    }

    public static Nd4jTensor addScalar(Nd4jTensor a, double s) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("add", a);
        }
        INDArray out = onKernels(a.value()) ? ElementwiseKernel.affine(a.value(), 1.0, s) : a.value().add(scalarFor(a, s, "add"));
        return Nd4jTensor.record("add", out, g -> new INDArray[] {g}, (g, y) -> new Nd4jTensor[] {g}, a);
    }

    public static Nd4jTensor mulScalar(Nd4jTensor a, double s) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("mul", a);
        }
        INDArray out = onKernels(a.value()) ? ElementwiseKernel.affine(a.value(), s, 0.0) : a.value().mul(scalarFor(a, s, "mul"));
        return Nd4jTensor.record("mul", out, g -> new INDArray[] {g.mul(s)},
                (g, y) -> new Nd4jTensor[] {mulScalar(g, s)}, a);
    }

    /** Whether an op on {@code x} alone runs on the host kernels ({@link ElementwiseKernel}). */
    static boolean onKernels(INDArray x) {
        return KernelSelection.useKernels() && ElementwiseKernel.supports(x);
    }

    /**
     * The scalar in the tensor's own kind: ND4J refuses a floating scalar on an integer array, and
     * silently truncating 1.5 to 1 would be a wrong answer, so a fractional scalar on integers is an error.
     */
    private static Number scalarFor(Nd4jTensor a, double s, String op) {
        if (a.dtype().isFloating()) {
            return s;
        }
        if (s != Math.rint(s) || Double.isInfinite(s)) {
            throw new DTypeMismatchException(op + ": scalar " + s + " is not an integer but the tensor is " + a.dtype()
                    + "; convert it with to(DType.FLOAT32) first");
        }
        return (long) s;
    }

    public static Nd4jTensor pow(Nd4jTensor a, Nd4jTensor b) {
        Broadcast.requireSameDType("pow", a, b);
        if (EmptyOps.any(a, b)) {
            return emptyBinary("pow", a, b);
        }
        INDArray x = a.value();
        INDArray y = b.value();
        long[] s = Broadcast.shape("pow", x.shape(), y.shape());
        AllocationLimit.check("pow", s, x.dataType());
        INDArray xb = Broadcast.to(x, s);
        INDArray yb = Broadcast.to(y, s);
        INDArray out = Transforms.pow(xb, yb, true);
        return Nd4jTensor.record("pow", out, g -> new INDArray[] {
            // d/dx = y x^(y-1); d/dy = x^y log x
            a.requiresGrad() ? Broadcast.reduceTo(g.mul(yb).muli(Transforms.pow(xb, yb.sub(1.0), true)), x.shape()) : null,
            b.requiresGrad() ? Broadcast.reduceTo(g.mul(out).muli(Transforms.log(xb, true)), y.shape()) : null},
            (g, power) -> new Nd4jTensor[] {
                a.requiresGrad() ? reduceTo(mul(mul(g, b), pow(a, addScalar(b, -1.0))), x.shape()) : null,
                b.requiresGrad() ? reduceTo(mul(mul(g, power), log(a)), y.shape()) : null}, a, b);
    }

    public static Nd4jTensor powScalar(Nd4jTensor a, double p) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("pow", a);
        }
        INDArray x = a.value();
        return Nd4jTensor.record("pow", Transforms.pow(x, p, true),
                g -> new INDArray[] {g.mul(Transforms.pow(x, p - 1, true)).muli(p)},
                // x^0 is not differentiated: its derivative 0 * x^-1 would be NaN at 0.
                (g, y) -> new Nd4jTensor[] {p == 1.0 ? g : mulScalar(mul(g, powScalar(a, p - 1)), p)}, a);
    }

    public static Nd4jTensor exp(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("exp", a);
        }
        INDArray out = Transforms.exp(a.value(), true);
        return Nd4jTensor.record("exp", out, g -> new INDArray[] {g.mul(out)},
                (g, y) -> new Nd4jTensor[] {mul(g, y)}, a);
    }

    public static Nd4jTensor log(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("log", a);
        }
        INDArray x = a.value();
        return Nd4jTensor.record("log", Transforms.log(x, true), g -> new INDArray[] {g.div(x)},
                (g, y) -> new Nd4jTensor[] {div(g, a)}, a);
    }

    public static Nd4jTensor sqrt(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("sqrt", a);
        }
        INDArray out = Transforms.sqrt(a.value(), true);
        return Nd4jTensor.record("sqrt", out, g -> new INDArray[] {g.div(out).muli(0.5)},
                (g, y) -> new Nd4jTensor[] {mulScalar(div(g, y), 0.5)}, a);
    }

    public static Nd4jTensor abs(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("abs", a);
        }
        INDArray x = a.value();
        return Nd4jTensor.record("abs", Transforms.abs(x, true), g -> new INDArray[] {g.mul(Transforms.sign(x, true))},
                (g, y) -> new Nd4jTensor[] {mul(g, constant(Transforms.sign(x, true)))}, a);
    }

    public static Nd4jTensor sin(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("sin", a);
        }
        INDArray x = a.value();
        return Nd4jTensor.record("sin", Transforms.sin(x, true), g -> new INDArray[] {g.mul(Transforms.cos(x, true))},
                (g, y) -> new Nd4jTensor[] {mul(g, cos(a))}, a);
    }

    public static Nd4jTensor cos(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("cos", a);
        }
        INDArray x = a.value();
        return Nd4jTensor.record("cos", Transforms.cos(x, true), g -> new INDArray[] {g.mul(Transforms.sin(x, true)).negi()},
                (g, y) -> new Nd4jTensor[] {mulScalar(mul(g, sin(a)), -1.0)}, a);
    }

    public static Nd4jTensor tanh(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("tanh", a);
        }
        INDArray out = Transforms.tanh(a.value(), true);
        // 1 - tanh^2
        return Nd4jTensor.record("tanh", out, g -> new INDArray[] {g.mul(out.mul(out).rsubi(1.0))},
                (g, y) -> new Nd4jTensor[] {mul(g, oneMinus(mul(y, y)))}, a);
    }

    public static Nd4jTensor sigmoid(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("sigmoid", a);
        }
        INDArray out = Transforms.sigmoid(a.value(), true);
        return Nd4jTensor.record("sigmoid", out, g -> new INDArray[] {g.mul(out).muli(out.rsub(1.0))},
                (g, y) -> new Nd4jTensor[] {mul(mul(g, y), oneMinus(y))}, a);
    }

    public static Nd4jTensor leakyRelu(Nd4jTensor a, double slope, String name) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape(name, a);
        }
        INDArray[] outAndFactor = leakyReluForward(a, slope);
        INDArray factor = outAndFactor[1];
        return Nd4jTensor.record(name, outAndFactor[0], g -> new INDArray[] {g.mul(factor)},
                (g, y) -> new Nd4jTensor[] {mul(g, constant(factor))}, a);
    }

    /**
     * The value of a leaky ReLU and its factor (slope where x <= 0, 1 where x > 0), which the
     * backward multiplies by. The host kernel makes both in one pass, and the factor only when a
     * gradient will be recorded; ND4J's path takes a mask, a cast and a product.
     */
    private static INDArray[] leakyReluForward(Nd4jTensor a, double slope) {
        INDArray x = a.value();
        if (onKernels(x)) {
            INDArray factor = GradMode.isEnabled() && a.requiresGrad() ? NativeMemory.uninitialized(x, x.shape()) : null;
            return new INDArray[] {ElementwiseKernel.leakyRelu(x, slope, factor), factor};
        }
        INDArray positive = floatMask(x.gt(0.0), x.dataType());
        INDArray factor = slope == 0.0 ? positive : positive.mul(1.0 - slope).addi(slope);
        return new INDArray[] {x.mul(factor), factor};
    }

    /**
     * A boolean mask cast to {@code type}, freeing the boolean temporary at once: fresh native
     * memory is expensive here (page faults) and waiting for the GC to free it makes every later
     * allocation fresh.
     */
    static INDArray floatMask(INDArray mask, DataType type) {
        INDArray cast = mask.castTo(type);
        if (cast != mask) {
            mask.close();
        }
        return cast;
    }

    public static Nd4jTensor elu(Nd4jTensor a, double alpha) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("elu", a);
        }
        INDArray x = a.value();
        INDArray positive = x.gt(0.0).castTo(x.dataType());
        INDArray expm1 = Transforms.exp(Transforms.min(x, 0.0, true), false).subi(1.0).muli(alpha);
        INDArray out = x.mul(positive).addi(expm1.mul(positive.rsub(1.0)));
        // derivative: 1 for x > 0, alpha exp(x) = out + alpha otherwise
        return Nd4jTensor.record("elu", out,
                g -> new INDArray[] {g.mul(positive.add(expm1.add(alpha).muli(positive.rsub(1.0))))},
                // alpha exp(x) = y + alpha where x <= 0, so the derivative stays differentiable through y
                (g, y) -> new Nd4jTensor[] {mul(g, add(constant(positive), mul(addScalar(y, alpha), constant(positive.rsub(1.0)))))},
                a);
    }

    public static Nd4jTensor gelu(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("gelu", a);
        }
        INDArray x = a.value();
        INDArray erf = Nd4j.exec(new Erf(x.mul(INV_SQRT_2)));
        INDArray cdf = erf.addi(1.0).muli(0.5);
        return Nd4jTensor.record("gelu", x.mul(cdf), g -> {
            INDArray pdf = Transforms.exp(x.mul(x).muli(-0.5), false).muli(INV_SQRT_2PI);
            return new INDArray[] {g.mul(cdf.add(pdf.muli(x)))};
        }, (g, y) -> new Nd4jTensor[] {mul(g, add(normalCdf(a, cdf), mul(a, normalPdf(a))))}, a);
    }

    public static Nd4jTensor silu(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("silu", a);
        }
        INDArray x = a.value();
        INDArray sig = Transforms.sigmoid(x, true);
        // d/dx x s(x) = s + x s (1 - s)
        return Nd4jTensor.record("silu", x.mul(sig),
                g -> new INDArray[] {g.mul(sig.add(x.mul(sig).muli(sig.rsub(1.0))))}, (g, y) -> {
                    Nd4jTensor s = sigmoid(a);
                    return new Nd4jTensor[] {mul(g, add(s, mul(mul(a, s), oneMinus(s))))};
                }, a);
    }

    public static Nd4jTensor softplus(Nd4jTensor a) {
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("softplus", a);
        }
        INDArray x = a.value();
        // max(x, 0) + log1p(exp(-|x|)) never overflows
        INDArray out = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false)
                .addi(Transforms.max(x, 0.0, true));
        return Nd4jTensor.record("softplus", out, g -> new INDArray[] {g.mul(Transforms.sigmoid(x, true))},
                (g, y) -> new Nd4jTensor[] {mul(g, sigmoid(a))}, a);
    }

    public static Nd4jTensor clamp(Nd4jTensor a, double min, double max) {
        if (min > max) {
            throw new InvalidArgumentException("clamp: min " + min + " is greater than max " + max);
        }
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("clamp", a);
        }
        INDArray x = a.value();
        INDArray clamped = Transforms.min(Transforms.max(x, min, true), max, false);
        // ND4J's scalar max and min turn NaN into the bound; PyTorch's clamp keeps NaN, and so do we.
        INDArray out = BooleanIndexing.or(x, Conditions.isNan())
                ? Nd4j.exec(new Select(new INDArray[] {x.isNaN(), x, clamped}, null))[0] : clamped;
        return Nd4jTensor.record("clamp", out, g -> new INDArray[] {g.mul(inside(x, min, max))},
                (g, y) -> new Nd4jTensor[] {mul(g, constant(inside(x, min, max)))}, a);
    }

    /** 1 where {@code min <= x <= max}, else 0 (NaN included): where clamp passes its gradient. */
    private static INDArray inside(INDArray x, double min, double max) {
        return x.gte(min).castTo(x.dataType()).muli(x.lte(max).castTo(x.dataType()));
    }

    /**
     * The standard normal CDF of {@code a} (whose values {@code cdf} the forward computed) as a
     * differentiable tensor: gelu's derivative needs it and no public op gives erf.
     */
    private static Nd4jTensor normalCdf(Nd4jTensor a, INDArray cdf) {
        return Nd4jTensor.record("normalCdf", cdf, g -> new INDArray[] {g.mul(normalPdf(a).value())},
                (g, y) -> new Nd4jTensor[] {mul(g, normalPdf(a))}, a);
    }

    /** The standard normal density of {@code a}, in tensor ops. */
    private static Nd4jTensor normalPdf(Nd4jTensor a) {
        return mulScalar(exp(mulScalar(mul(a, a), -0.5)), INV_SQRT_2PI);
    }

    public static Nd4jTensor cast(Nd4jTensor a, DType dtype) {
        DataType target = DTypes.toNd4j(dtype);
        INDArray x = a.value();
        if (x.dataType() == target) {
            return Nd4jTensor.record("to", x.dup(), g -> new INDArray[] {g}, (g, y) -> new Nd4jTensor[] {g}, a);
        }
        DataType source = x.dataType();
        boolean differentiable = dtype.isFloating() && a.dtype().isFloating();
        return Nd4jTensor.record("to", x.castTo(target), g -> new INDArray[] {differentiable ? g.castTo(source) : null},
                (g, y) -> new Nd4jTensor[] {differentiable ? cast(g, a.dtype()) : null}, a);
    }

    public static Nd4jTensor compare(Nd4jTensor a, Nd4jTensor b, String op) {
        Broadcast.requireSameDType(op, a, b);
        INDArray x = a.value();
        INDArray y = b.value();
        long[] shape = Broadcast.shape(op, x.shape(), y.shape());
        AllocationLimit.check(op, shape, DataType.BOOL);
        if (x.isEmpty() || y.isEmpty()) {
            return Nd4jTensor.leaf(Nd4j.create(DataType.BOOL, shape));
        }
        INDArray out = Nd4j.createUninitialized(DataType.BOOL, shape);
        switch (op) {
            case "gt" -> Nd4j.exec(new GreaterThan(x, y, out));
            case "lt" -> Nd4j.exec(new LessThan(x, y, out));
            case "eq" -> Nd4j.exec(new EqualTo(x, y, out));
            default -> throw new InvalidArgumentException("unknown comparison " + op);
        }
        return Nd4jTensor.leaf(out);
    }

    public static Nd4jTensor compareScalar(Nd4jTensor a, double s, String op) {
        INDArray x = a.value();
        if (x.isEmpty()) {
            return Nd4jTensor.leaf(Nd4j.create(DataType.BOOL, x.shape()));
        }
        return Nd4jTensor.leaf(switch (op) {
            case "gt" -> x.gt(s);
            case "lt" -> x.lt(s);
            default -> throw new InvalidArgumentException("unknown comparison " + op);
        });
    }

    public static Nd4jTensor maskedFill(Nd4jTensor a, Nd4jTensor mask, double value) {
        if (mask.value().dataType() != DataType.BOOL) {
            throw new DTypeMismatchException("maskedFill: the mask must be BOOL, was " + mask.dtype());
        }
        INDArray x = a.value();
        long[] shape = Broadcast.shape("maskedFill", x.shape(), mask.value().shape());
        if (!Arrays.equals(shape, x.shape())) {
            throw new ShapeMismatchException("maskedFill: mask " + Arrays.toString(mask.shape()) + " must broadcast to the tensor's shape "
                    + Arrays.toString(a.shape()));
        }
        if (x.isEmpty()) {
            return EmptyOps.result("maskedFill", Nd4j.create(x.dataType(), shape), a, mask);
        }
        INDArray keepMask = mask.value().castTo(x.dataType()).rsubi(1.0);
        INDArray keep = Broadcast.to(keepMask, shape);
        INDArray out = x.mul(keep).addi(keep.rsub(1.0).muli(value));
        return Nd4jTensor.record("maskedFill", out, g -> new INDArray[] {g.mul(keep), null},
                (g, y) -> new Nd4jTensor[] {mul(g, constant(keep)), null}, a, mask);
    }
}
