package org.equivariant4j.testkit.equivariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.equivariance.ExactElements;
import org.equivariant4j.equivariance.FieldConversion;
import org.equivariant4j.equivariance.InputGenerator;
import org.equivariant4j.equivariance.PerturbedCopy;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The dynamic tests of the layer contract for one layer factory, shared by
 * {@link EquivariantLayerContractTest} and {@link RegisteredLayersEquivarianceTest}. Every test builds
 * its own layers from the factory (dynamic tests get no {@code @BeforeEach}, and a test must not see
 * another's conversions), and every failure message carries the seed.
 */
final class LayerContract {
    private final LongFunction<EquivariantLayer> factory;
    private final InputGenerator generator;
    private final long seed;
    private final List<DType> dtypes;
    private final List<? extends GroupElement> requested;

    /** @param requested the elements to test, or null for the layer group's testing elements */
    LayerContract(LongFunction<EquivariantLayer> factory, InputGenerator generator, long seed, List<DType> dtypes,
            List<? extends GroupElement> requested) {
        this.factory = factory;
        this.generator = generator;
        this.seed = seed;
        this.dtypes = List.copyOf(dtypes);
        this.requested = requested;
    }

    private EquivariantLayer layer(long s) {
        EquivariantLayer layer = factory.apply(s);
        if (layer == null) {
            throw new IllegalStateException("the layer factory returned null for seed " + s);
        }
        return layer;
    }

    private GeometricTensor input(EquivariantLayer layer) {
        return generator.generate(layer.inType(), seed);
    }

    private String seeded(String what) {
        return what + " (seed " + seed + ")";
    }

    /** Per dtype and element: f(g·x) = g·f(x) within the dtype's default (or declared) tolerance. */
    Stream<DynamicTest> equivariance() {
        EquivariantLayer probe = layer(seed);
        GeometricTensor x = input(probe);
        ExactElements elements = elements(probe, x);
        List<DynamicTest> tests = new ArrayList<>();
        for (DType dtype : dtypes) {
            for (GroupElement g : elements.exact()) {
                tests.add(DynamicTest.dynamicTest(dtype + ": g = " + g, () -> EquivarianceAssertions.assertThat(layer(seed))
                        .withSeed(seed).withInputGenerator(generator).inDType(dtype).isEquivariantUnder(g)));
            }
        }
        skipped(elements).ifPresent(tests::add);
        identityOnly(probe, elements).ifPresent(tests::add);
        return tests.stream();
    }

    /**
     * Per dtype, when the layer declares an approximation: the deliberately broken copy made by {@code broken}
     * exceeds the declared bound on the exactly acting elements, so the bound can fail. A declaring layer without
     * a broken copy gets an aborted test that says so (visible in every report, not silently passed); a layer
     * that declares nothing gets no test here.
     */
    Stream<DynamicTest> declaredBoundControl(LongFunction<EquivariantLayer> broken) {
        EquivariantLayer probe = layer(seed);
        if (probe.approximation().isEmpty()) {
            return Stream.empty();
        }
        String reason = probe.approximation().get().reason();
        // Without a broken copy of the contract's own, a violation of twice the declared bound at one output entry:
        // the bound must catch at least that. A layer whose entry 0 no tested element moves (an invariant output)
        // fails this control and needs a broken copy of its own.
        LongFunction<EquivariantLayer> copies = broken.apply(seed) != null ? broken
                : s -> PerturbedCopy.beyondDeclaredBound(layer(s), 2.0, 0);
        EquivariantLayer control = copies.apply(seed);
        List<GroupElement> exact = elements(probe, input(probe)).exact();
        return dtypes.stream().map(dtype -> DynamicTest.dynamicTest(dtype + ": the broken copy " + control
                + " exceeds the bound declared for " + reason, () -> EquivarianceAssertions.assertThat(copies.apply(seed))
                        .withSeed(seed).withInputGenerator(generator).inDType(dtype).exceedsTheBoundDeclaredBy(layer(seed),
                                exact)));
    }

    /** Per element, in float64: the input gradient of Σ f(x)² transforms like the input. */
    Stream<DynamicTest> gradientEquivariance() {
        EquivariantLayer probe = layer(seed);
        if (!probe.inType().representation().isOrthogonal() || !probe.outType().representation().isOrthogonal()) {
            return Stream.of(DynamicTest.dynamicTest("gradient equivariance: not applicable", () -> Assumptions.abort(
                    "needs orthogonal input and output representations; " + probe.inType() + " -> " + probe.outType())));
        }
        ExactElements elements = elements(probe, input(probe));
        List<DynamicTest> tests = new ArrayList<>();
        for (GroupElement g : elements.exact()) {
            tests.add(DynamicTest.dynamicTest("FLOAT64: g = " + g, () -> EquivarianceAssertions.assertThat(layer(seed))
                    .withSeed(seed).withInputGenerator(generator).hasEquivariantGradientUnder(List.of(g))));
        }
        skipped(elements).ifPresent(tests::add);
        identityOnly(probe, elements).ifPresent(tests::add);
        return tests.stream();
    }

    /** A field of another representation, another domain or another group is refused, naming the layer. */
    Stream<DynamicTest> typeChecks() {
        EquivariantLayer probe = layer(seed);
        FieldType in = probe.inType();
        Representation extra = in.representation().directSum(Representation.trivial(in.group()));
        Domain otherDomain = in.domain() instanceof Domain.Vectors ? Domain.points(1) : Domain.vectors();
        Representation foreign = Representation.directSum(Collections.nCopies(in.channels(),
                Representation.trivial(ForeignGroup.INSTANCE)));
        return Stream.of(
                refuses("another representation", FieldType.of(in.domain(), extra)),
                refuses("another domain", FieldType.of(otherDomain, in.representation())),
                refuses("another group", FieldType.of(in.domain(), foreign)));
    }

    private DynamicTest refuses(String what, FieldType wrong) {
        return DynamicTest.dynamicTest("refuses a field of " + what + ": " + wrong, () -> {
            EquivariantLayer layer = layer(seed);
            GeometricTensor x = generator.generate(wrong, seed);
            Throwable thrown = catchThrowable(() -> layer.forward(x));
            assertThat(thrown).as(seeded(layer + ".forward(" + x + ") of " + what + " (expected type " + layer.inType()
                    + ")")).isNotNull().isInstanceOfAny(FieldTypeMismatchException.class, GroupMismatchException.class);
            assertThat(thrown.getMessage()).as(seeded("the type error must name the layer")).contains(layer.toString());
        });
    }

    /** Save the state of one layer, load it into one built from another seed: same outputs, bit for bit. */
    Stream<DynamicTest> stateDictRoundTrip() {
        return Stream.of(DynamicTest.dynamicTest("loadStateDict(stateDict()) into a layer of seed " + (seed + 1)
                + " reproduces the outputs", () -> {
                    EquivariantLayer saved = layer(seed);
                    EquivariantLayer loaded = layer(seed + 1);
                    loaded.loadStateDict(saved.stateDict());
                    GeometricTensor x = FieldConversion.to(input(saved), dtypeOf(saved));
                    assertThat(outputs(loaded, x)).as(seeded("outputs of " + loaded + " after loading the state of "
                            + saved + "; is every parameter and buffer registered?")).containsExactly(outputs(saved, x));
                }));
    }

    /** Two layers from the same seed have the same state and give the same outputs. */
    Stream<DynamicTest> determinism() {
        return Stream.of(DynamicTest.dynamicTest("two layers from seed " + seed + " are identical", () -> {
            EquivariantLayer a = layer(seed);
            EquivariantLayer b = layer(seed);
            Map<String, Tensor> sa = a.stateDict();
            Map<String, Tensor> sb = b.stateDict();
            assertThat(sb.keySet()).as(seeded("state dict names of two layers from one seed")).containsExactlyElementsOf(
                    sa.keySet());
            sa.forEach((name, t) -> assertThat(sb.get(name).toDoubleArray()).as(seeded("'" + name + "' of two layers from"
                    + " one seed")).containsExactly(t.toDoubleArray()));
            GeometricTensor x = FieldConversion.to(input(a), dtypeOf(a));
            assertThat(outputs(b, x)).as(seeded("outputs of two layers from one seed")).containsExactly(outputs(a, x));
        }));
    }

    /** Per parameter, in float64: autodiff against central differences on a few entries. */
    Stream<DynamicTest> parameterGradients() {
        List<String> names = List.copyOf(layer(seed).namedParameters().keySet());
        if (names.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("parameter gradients: no parameters", () -> Assumptions.abort(
                    "the layer has no parameters")));
        }
        return names.stream().map(name -> DynamicTest.dynamicTest("∂ output / ∂ " + name, () -> {
            EquivariantLayer layer = layer(seed);
            layer.to(DType.FLOAT64);
            layer.eval();
            GeometricTensor x = input(layer);
            ParameterGradientCheck.of(layer, name, () -> layer.forward(x).tensor()).seed(seed).assertCorrect();
        }));
    }

    private static double[] outputs(EquivariantLayer layer, GeometricTensor x) {
        layer.eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return layer.forward(x).tensor().toDoubleArray();
        }
    }

    /** The dtype of the layer's floating state (FLOAT32, the framework's default, if it has none). */
    private static DType dtypeOf(EquivariantLayer layer) {
        return layer.stateDict().values().stream().map(Tensor::dtype).filter(DType::isFloating).findFirst()
                .orElse(DType.FLOAT32);
    }

    private ExactElements elements(EquivariantLayer layer, GeometricTensor x) {
        List<? extends GroupElement> all = requested != null ? requested : layer.inType().group().testingElements();
        return ExactElements.on(x, all);
    }

    /**
     * Every layer commutes with the identity, so a contract that tests nothing else proves nothing: when no
     * non-identity element acts exactly on the input (the elements given are only the identity, or the field
     * refuses every other one), the contract fails instead of passing on the identity alone.
     */
    private Optional<DynamicTest> identityOnly(EquivariantLayer probe, ExactElements elements) {
        GroupElement identity = probe.inType().group().identity();
        if (elements.exact().stream().anyMatch(g -> !g.equals(identity))) {
            return Optional.empty();
        }
        String refused = elements.refused().isEmpty() ? "" : "; refused by the field: " + elements.refused() + " ("
                + elements.reason() + ")";
        return Optional.of(DynamicTest.dynamicTest("at least one non-identity element is tested", () -> fail(
                seeded("expected at least one element other than the identity " + identity + " of " + probe.inType().group()
                        + " to act exactly on the input " + probe.inType() + " of " + probe + ", but the contract tested only "
                        + elements.exact() + refused + ": give elements() that act on this field (the identity alone"
                        + " proves nothing)"))));
    }

    private static Optional<DynamicTest> skipped(ExactElements elements) {
        if (elements.refused().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DynamicTest.dynamicTest("skipped " + elements.refused().size()
                + " elements the field cannot be transformed by", () -> Assumptions.abort(elements.refused() + ": "
                + elements.reason())));
    }
}
