package org.equivariant4j.testkit.equivariance;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.equivariance.ElementError;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.InputGenerator;
import org.equivariant4j.equivariance.PerturbedCopy;
import org.equivariant4j.equivariance.RandomFields;
import org.equivariant4j.equivariance.Tolerance;

/**
 * AssertJ assertions that a layer (or function, through its {@link EquivarianceChecker}) commutes with
 * a group. Each {@code is…Under(elements)} measures at once and checks the default tolerance of the
 * dtype (or the layer's declared approximation), so it is a complete assertion on its own; the returned
 * {@link EquivarianceReportAssert} can then tighten it with {@code within(...)}. A looser bound is not
 * offered here on purpose: a layer that is only approximately equivariant says so, and why, in
 * {@code approximation()} (or, for a function, {@link EquivarianceChecker#declaring}).
 *
 * <pre>{@code
 * assertThat(layer).inDType(DType.FLOAT32).withSeed(7).isEquivariantUnder(group.testingElements());
 * assertThat(layer).isEquivariantUnder(elements).within(1e-12, 0);   // float64, stricter than the default
 * }</pre>
 *
 * <p>Configuration ({@code inDType}, {@code withSeed}, {@code withInputs}, {@code withInputGenerator})
 * comes before the statement. Without inputs, one field is drawn from {@link RandomFields#defaults()}
 * with the seed ({@link EquivarianceAssertions#DEFAULT_SEED} unless {@code -Dequivariant4j.seed} is set).
 */
public final class EquivarianceAssert extends AbstractAssert<EquivarianceAssert, EquivarianceChecker> {
    private DType dtype = DType.FLOAT64;
    private long seed = EquivarianceAssertions.seed();
    private InputGenerator generator = RandomFields.defaults();
    private List<GeometricTensor> inputs;

    EquivarianceAssert(EquivarianceChecker actual) {
        super(actual, EquivarianceAssert.class);
    }

    /** Runs the layer in {@code value} (FLOAT64 by default) and uses that dtype's default tolerance. */
    public EquivarianceAssert inDType(DType value) {
        this.dtype = Objects.requireNonNull(value, "dtype");
        return this;
    }

    /** Seed of the generated inputs (reported in failures). */
    public EquivarianceAssert withSeed(long value) {
        this.seed = value;
        return this;
    }

    /** Generates the inputs with {@code value} instead of {@link RandomFields#defaults()}. */
    public EquivarianceAssert withInputGenerator(InputGenerator value) {
        this.generator = Objects.requireNonNull(value, "generator");
        return this;
    }

    /** Uses these inputs instead of generated ones (the report then has no seed). */
    public EquivarianceAssert withInputs(GeometricTensor... values) {
        this.inputs = List.of(values);
        return this;
    }

    /** {@code f(g·x) = g·f(x)} for every element, within the default tolerance. */
    public EquivarianceReportAssert isEquivariantUnder(List<? extends GroupElement> elements) {
        isNotNull();
        return verdict(checker().measure(elements, inputs()));
    }

    /** {@code f(g·x) = g·f(x)} for these elements, within the default tolerance. */
    public EquivarianceReportAssert isEquivariantUnder(GroupElement... elements) {
        return isEquivariantUnder(Arrays.asList(elements));
    }

    /** {@code f(g·x) = f(x)}: the output, domain included, does not change. */
    public EquivarianceReportAssert isInvariantUnder(List<? extends GroupElement> elements) {
        isNotNull();
        return verdict(checker().measureInvariance(elements, inputs()));
    }

    /**
     * The input gradient of {@code L = Σ f(x)²} transforms like the input: {@code ∇L(g·x) = g·∇L(x)}
     * (see {@link EquivarianceChecker#measureGradient}), within the default tolerance.
     */
    public EquivarianceReportAssert hasEquivariantGradientUnder(List<? extends GroupElement> elements) {
        isNotNull();
        return verdict(checker().measureGradient(elements, inputs()));
    }

    /**
     * The negative control of a declared approximation: this function, a deliberately broken copy of
     * {@code declaring} (its symmetrisation dropped, a kernel left unrotated, or a {@link PerturbedCopy}), held to
     * the tolerance {@code declaring} declares in this dtype, fails for at least one element. That shows the
     * declared bound is tight enough to catch the bug; a bound the broken copy meets guards nothing. Fails when
     * {@code declaring} declares no approximation, or when every element of the broken copy stays within it.
     *
     * @return the broken copy's report, to inspect further
     */
    public EquivarianceReport exceedsTheBoundDeclaredBy(EquivariantLayer declaring, List<? extends GroupElement> elements) {
        isNotNull();
        ApproximateEquivariance declared = declaring.approximation().orElse(null);
        if (declared == null) {
            throw failure("expected %s to declare an approximation (a negative control checks a declared bound) but it"
                    + " declares none: it is held to the dtype default", declaring);
        }
        Tolerance bound = Tolerance.forLayer(dtype, Optional.of(declared));
        EquivarianceReport report = checker().measure(elements, inputs());
        if (report.passes(bound)) {
            throw failure("expected the broken copy %s to exceed the bound %s declared by %s for some element, but every"
                    + " element stayed within it (worst %s): the declared bound is too loose to catch this bug [%s]", actual
                    .subject(), bound, declaring, report.worst().map(ElementError::describe).orElse("none measured"),
                    report.context());
        }
        return report;
    }

    private EquivarianceChecker checker() {
        EquivarianceChecker c = actual.inDType(dtype);
        return inputs == null ? c.seed(seed) : c;
    }

    private List<GeometricTensor> inputs() {
        return inputs != null ? inputs : List.of(generator.generate(actual.inType(), seed));
    }

    private EquivarianceReportAssert verdict(EquivarianceReport report) {
        EquivarianceReportAssert verdict = new EquivarianceReportAssert(report);
        if (info.description() != null && !info.descriptionText().isEmpty()) {
            verdict.as(info.description());
        }
        return verdict.withinDefaultTolerance();
    }
}
