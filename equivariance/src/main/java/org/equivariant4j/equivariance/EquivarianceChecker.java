package org.equivariant4j.equivariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Measures how far a layer (or a function between field types) is from equivariance, per group
 * element; the verdict is left to a {@link Tolerance} (e3nn's split of {@code equivariance_error} and
 * {@code assert_equivariant}).
 *
 * <p>For every input x and element g it compares {@code f(g·x)} with {@code g·f(x)}, transforming
 * every geometric part: the features by ρ(g) and the domain (grid samples permuted, point positions
 * moved by {@code A p + t}). The group action and the comparison are always computed in float64; the
 * layer runs in {@link #inDType(DType) the chosen dtype} (default FLOAT64). Inputs are first rounded to
 * that dtype, so both sides see the same numbers and the error measured is the layer's.
 *
 * <p><b>The layer is converted in place</b> for the measurement ({@link Module#to}), put in evaluation
 * mode, and restored exactly afterwards (original tensors reloaded, training mode reset). Gradients
 * accumulated in a converted layer are dropped; do not measure a layer another thread is using.
 *
 * <pre>{@code
 * EquivarianceReport report = EquivarianceChecker.of(layer).inDType(DType.FLOAT32)
 *         .measure(group.testingElements(), List.of(RandomFields.defaults().generate(layer.inType(), 42)));
 * }</pre>
 */
public final class EquivarianceChecker {
    private final String subject;
    private final FieldType inType;
    private final FieldType outType;
    private final Function<GeometricTensor, GeometricTensor> function;
    private final Module module;
    private final Optional<ApproximateEquivariance> approximation;
    private final DType dtype;
    private final OptionalLong seed;

    private EquivarianceChecker(String subject, FieldType inType, FieldType outType,
            Function<GeometricTensor, GeometricTensor> function, Module module,
            Optional<ApproximateEquivariance> approximation, DType dtype, OptionalLong seed) {
        this.subject = subject;
        this.inType = inType;
        this.outType = outType;
        this.function = function;
        this.module = module;
        this.approximation = approximation;
        this.dtype = dtype;
        this.seed = seed;
    }

    /** A checker of {@code layer}, with its types and declared approximation. */
    public static EquivarianceChecker of(EquivariantLayer layer) {
        Objects.requireNonNull(layer, "layer");
        return new EquivarianceChecker(layer.toString(), layer.inType(), layer.outType(), layer::forward, layer,
                layer.approximation(), DType.FLOAT64, OptionalLong.empty());
    }

    /**
     * A checker of a plain function from fields of {@code inType} to fields of {@code outType}. It is
     * called with inputs in the checker's dtype and must return a field of {@code outType}; converting
     * its own parameters, if any, is its business.
     */
    public static EquivarianceChecker of(String name, FieldType inType, FieldType outType,
            Function<GeometricTensor, GeometricTensor> function) {
        Objects.requireNonNull(function, "function");
        if (!inType.group().equals(outType.group())) {
            throw new InvalidArgumentException(name + ": input type " + inType + " and output type " + outType
                    + " must be over the same group");
        }
        return new EquivarianceChecker(name, inType, outType, function, null, Optional.empty(), DType.FLOAT64,
                OptionalLong.empty());
    }

    /** The same checker running the layer in {@code dtype} (FLOAT32 or FLOAT64). */
    public EquivarianceChecker inDType(DType value) {
        if (!value.isFloating()) {
            throw new InvalidArgumentException("EquivarianceChecker(" + subject + "): dtype must be floating, got " + value);
        }
        return new EquivarianceChecker(subject, inType, outType, function, module, approximation, value, seed);
    }

    /** The same checker, recording that the inputs were generated from {@code value} (shown in every report). */
    public EquivarianceChecker seed(long value) {
        return new EquivarianceChecker(subject, inType, outType, function, module, approximation, dtype,
                OptionalLong.of(value));
    }

    /** The same checker with a declared approximation (for functions; a layer declares its own). */
    public EquivarianceChecker declaring(ApproximateEquivariance value) {
        return new EquivarianceChecker(subject, inType, outType, function, module, Optional.of(value), dtype, seed);
    }

    public String subject() {
        return subject;
    }

    public FieldType inType() {
        return inType;
    }

    public FieldType outType() {
        return outType;
    }

    public DType dtype() {
        return dtype;
    }

    public OptionalLong seed() {
        return seed;
    }

    public Optional<ApproximateEquivariance> approximation() {
        return approximation;
    }

    /** {@code f(g·x)} against {@code g·f(x)} for every element and input. */
    public EquivarianceReport measure(List<? extends GroupElement> elements, List<GeometricTensor> inputs) {
        return compare(Statement.EQUIVARIANCE, elements, inputs);
    }

    /** {@code f(g·x)} against {@code f(x)}: the output (and its domain) must not change at all. */
    public EquivarianceReport measureInvariance(List<? extends GroupElement> elements, List<GeometricTensor> inputs) {
        return compare(Statement.INVARIANCE, elements, inputs);
    }

    /**
     * The gradient of {@code L(x) = Σ f(x)²} with respect to the input features, at {@code g·x} against
     * {@code g} applied to the gradient at {@code x} (see {@link Statement#GRADIENT}). Both representations
     * must be orthogonal: then L is invariant and its gradient transforms like the input. Positions are
     * held fixed (not differentiated). The backward passes reach the layer's parameters: when the layer
     * already runs in this dtype, its parameter gradients are cleared ({@link Module#zeroGrad}) afterwards.
     */
    public EquivarianceReport measureGradient(List<? extends GroupElement> elements, List<GeometricTensor> inputs) {
        if (!inType.representation().isOrthogonal() || !outType.representation().isOrthogonal()) {
            throw new InvalidArgumentException(subject + ": the gradient check needs orthogonal input and output"
                    + " representations (then Σ f(x)² is invariant and ∇ transforms like x); for others the gradient"
                    + " transforms with ρ(g)^-T. Types: " + inType + " -> " + outType);
        }
        return compare(Statement.GRADIENT, elements, inputs);
    }

    /** Shorthand for {@code of(layer).measure(elements, inputs)}, in float64. */
    public static EquivarianceReport measure(EquivariantLayer layer, List<? extends GroupElement> elements,
            List<GeometricTensor> inputs) {
        return of(layer).measure(elements, inputs);
    }

    private EquivarianceReport compare(Statement statement, List<? extends GroupElement> elements,
            List<GeometricTensor> inputs) {
        if (elements.isEmpty() || inputs.isEmpty()) {
            throw new InvalidArgumentException(subject + ": measuring " + statement.formula() + " needs at least one"
                    + " element and one input, got " + elements.size() + " and " + inputs.size());
        }
        List<ErrorAccumulator> errors = elements.stream().map(g -> new ErrorAccumulator((GroupElement) g)).toList();
        try (DTypeScope ignored = DTypeScope.of(module, dtype)) {
            for (int i = 0; i < inputs.size(); i++) {
                GeometricTensor x = FieldConversion.representableIn(checkInput(i, inputs.get(i)), dtype);
                GeometricTensor fx = side(statement, x);
                for (int k = 0; k < elements.size(); k++) {
                    GroupElement g = elements.get(k);
                    GeometricTensor actual = side(statement, x.transform(g));
                    GeometricTensor expected = statement == Statement.INVARIANCE ? fx : fx.transform(g);
                    errors.get(k).add(i, actual, expected, statement != Statement.GRADIENT);
                }
            }
            if (module != null && statement == Statement.GRADIENT) {
                module.zeroGrad(); // inside the scope: clears what this check accumulated, in whichever tensors ran
            }
        }
        return new EquivarianceReport(subject, statement, dtype, seed, approximation,
                errors.stream().map(ErrorAccumulator::result).toList());
    }

    /** One side of the statement at a float64 input: f(x), or ∇L(x) as a field of the input type; float64. */
    private GeometricTensor side(Statement statement, GeometricTensor x) {
        GeometricTensor input = FieldConversion.to(x, dtype);
        if (statement != Statement.GRADIENT) {
            try (GradMode.Scope ignored = GradMode.disabled()) {
                return FieldConversion.to(checkOutput(function.apply(input)), DType.FLOAT64);
            }
        }
        Tensor leaf = input.tensor().detach().requiresGrad(true);
        try (GradMode.Scope ignored = GradMode.enabled()) {
            Tensor y = checkOutput(function.apply(FieldConversion.withFeatures(input, leaf, dtype))).tensor();
            y.mul(y).sum().backward();
        }
        Tensor grad = leaf.grad();
        if (grad == null) {
            // no path from the input to the output: the gradient is zero, which is (trivially) equivariant
            return FieldConversion.withFeatures(x, x.tensor().mul(0.0), DType.FLOAT64);
        }
        return FieldConversion.withFeatures(x, grad.to(DType.FLOAT64).detach(), DType.FLOAT64);
    }

    private GeometricTensor checkInput(int index, GeometricTensor x) {
        if (!x.type().isCompatible(inType)) {
            throw new InvalidArgumentException(subject + ": input " + index + " must be of type " + inType + " but was "
                    + x.type());
        }
        return FieldConversion.to(x, DType.FLOAT64);
    }

    private GeometricTensor checkOutput(GeometricTensor y) {
        if (y == null || !y.type().isCompatible(outType)) {
            throw new IllegalStateException(subject + ": expected an output of type " + outType + " but was "
                    + (y == null ? "null" : y.type()));
        }
        return y;
    }

    @Override
    public String toString() {
        return "EquivarianceChecker(" + subject + " in " + dtype + ")";
    }
}
