package org.equivariant4j.testkit.group;

import static org.equivariant4j.testkit.group.GroupAssertions.assertThat;
import static org.equivariant4j.testkit.group.GroupAssertions.assertThatValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.equivariant4j.core.group.CompactLieGroup;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The contract every {@link Group} must meet, as JUnit 5 dynamic tests, one per group element: identity,
 * inverse, associativity and closure on the {@link Group#testingElements()} (and, for infinite groups, on
 * seeded {@link Group#sample} draws), the text round trip of every element, the name round trip; for finite
 * groups the element list, generators and the character orthogonality and completeness of the irreps; for
 * compact Lie groups the grids; for groups acting on space, that the action respects composition.
 *
 * <p>Extend it and supply the group:
 * <pre>{@code
 * class MyGroupContractTest extends GroupContractTest {
 *     protected Group group() { return new MyGroup(); }
 * }
 * }</pre>
 * Every failure message names the axiom, the elements and the seed (override with
 * {@code -Dequivariant4j.seed=...}). Associativity is checked on all triples of testing elements, so a
 * continuous group should keep its testing elements to a few dozen. Note that JUnit does not run
 * {@code @BeforeEach} around dynamic tests.
 */
public abstract class GroupContractTest {
    /** Seed of the sampled elements unless {@code -Dequivariant4j.seed} is given. */
    public static final long DEFAULT_SEED = 20_241_127L;

    /** The group under test. Called once per contract. */
    protected abstract Group group();

    /** Parses canonical group names, to check {@code parse(group.name())} equals the group; empty skips that check. */
    protected Optional<Function<String, Group>> nameParser() {
        return Optional.empty();
    }

    /** Seed of the sampled elements. */
    protected long seed() {
        return Long.getLong("equivariant4j.seed", DEFAULT_SEED);
    }

    /** How many elements to sample for infinite groups. */
    protected int sampleCount() {
        return 8;
    }

    /** Tolerance of {@link Group#isClose} comparisons (float64: 1e-9, as e3nn). */
    protected double tolerance() {
        return 1e-9;
    }

    /** Grid sizes checked for compact Lie groups (even, so that O(2) and O(3) accept them). */
    protected int[] gridSizes() {
        return new int[] {2, 4, 12};
    }

    /** The description prefix of every failure: the axiom, its elements and the seed. */
    protected final String context(String what) {
        return what + " (seed " + seed() + ")";
    }

    @TestFactory
    public Stream<DynamicTest> identity() {
        Group group = group();
        GroupElement e = group.identity();
        return perElement("identity", group.testingElements(), g -> {
            assertThat(group.compose(e, g)).as(context("e·g = g for g = " + g)).isCloseTo(g, tolerance());
            assertThat(group.compose(g, e)).as(context("g·e = g for g = " + g)).isCloseTo(g, tolerance());
        });
    }

    @TestFactory
    public Stream<DynamicTest> inverse() {
        Group group = group();
        GroupElement e = group.identity();
        return perElement("inverse", group.testingElements(), g -> {
            GroupElement inv = group.inverse(g);
            assertThat(group.compose(g, inv)).as(context("g·g⁻¹ = e for g = " + g + ", g⁻¹ = " + inv))
                    .isCloseTo(e, tolerance());
            assertThat(group.compose(inv, g)).as(context("g⁻¹·g = e for g = " + g + ", g⁻¹ = " + inv))
                    .isCloseTo(e, tolerance());
        });
    }

    @TestFactory
    public Stream<DynamicTest> associativity() {
        Group group = group();
        List<GroupElement> elements = group.testingElements();
        return perElement("associativity", elements, g -> associative(group, g, elements));
    }

    @TestFactory
    public Stream<DynamicTest> closure() {
        Group group = group();
        List<GroupElement> elements = group.testingElements();
        return perElement("closure", elements, g -> {
            for (GroupElement h : elements) {
                closed(group, g, h);
            }
        });
    }

    @TestFactory
    public Stream<DynamicTest> textRoundTrip() {
        Group group = group();
        return perElement("text round trip", group.testingElements(), g -> textRoundTrip(group, g));
    }

    @TestFactory
    public Stream<DynamicTest> nameRoundTrip() {
        Group group = group();
        return Stream.of(DynamicTest.dynamicTest("name round trip: " + group.name(), () -> {
            Optional<Function<String, Group>> parser = nameParser();
            Assumptions.assumeTrue(parser.isPresent(), "no name parser supplied (override nameParser())");
            Group parsed = parser.get().apply(group.name());
            Assertions.assertThat(parsed).as(context("parse(name()) for " + group.name()))
                    .isEqualTo(group);
            Assertions.assertThat(parsed.name()).as(context("parse(name()).name()"))
                    .isEqualTo(group.name());
        }));
    }

    /** For infinite groups: identity, inverse, associativity, closure and text round trip on seeded samples. */
    @TestFactory
    public Stream<DynamicTest> sampledElements() {
        Group group = group();
        if (group.isFinite()) {
            return Stream.empty(); // every element is already a testing element
        }
        Rng rng = new Rng(seed());
        List<GroupElement> samples = new ArrayList<>();
        for (int i = 0; i < sampleCount(); i++) {
            samples.add(group.sample(rng));
        }
        GroupElement e = group.identity();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            GroupElement g = samples.get(i);
            String label = "sample " + i + " of seed " + seed() + ": g = " + g;
            tests.add(DynamicTest.dynamicTest(label, () -> {
                assertThat(g).as(context("sample(rng) belongs to the group")).belongsTo(group);
                assertThat(group.compose(e, g)).as(context("e·g = g for sampled g = " + g)).isCloseTo(g, tolerance());
                assertThat(group.compose(g, group.inverse(g))).as(context("g·g⁻¹ = e for sampled g = " + g))
                        .isCloseTo(e, tolerance());
                associative(group, g, samples);
                for (GroupElement h : samples) {
                    closed(group, g, h);
                }
                textRoundTrip(group, g);
            }));
        }
        return tests.stream();
    }

    /** For finite groups: order, distinct elements, indices, generators generating everything. */
    @TestFactory
    public Stream<DynamicTest> finiteStructure() {
        Group group = group();
        if (!(group instanceof FiniteGroup finite)) {
            return Stream.empty();
        }
        List<GroupElement> elements = finite.elements();
        return Stream.of(
                DynamicTest.dynamicTest("elements are distinct and number order() = " + finite.order(), () -> {
                    assertThatValue(new HashSet<>(elements).size()).as(context("distinct elements of " + group.name()))
                            .isCloseTo(finite.order(), 0);
                    assertThatValue(elements.size()).as(context("elements().size() of " + group.name()))
                            .isCloseTo(finite.order(), 0);
                    assertThat(group.identity()).as(context("identity() is an element")).belongsTo(group);
                }),
                DynamicTest.dynamicTest("indexOf(elements().get(i)) = i", () -> {
                    for (int i = 0; i < elements.size(); i++) {
                        assertThatValue(finite.indexOf(elements.get(i)))
                                .as(context("indexOf(" + elements.get(i) + ")")).isCloseTo(i, 0);
                    }
                }),
                DynamicTest.dynamicTest("generators() generate all " + finite.order() + " elements", () -> {
                    Set<GroupElement> reached = new HashSet<>(List.of(group.identity()));
                    List<GroupElement> frontier = new ArrayList<>(reached);
                    while (!frontier.isEmpty()) {
                        List<GroupElement> next = new ArrayList<>();
                        for (GroupElement x : frontier) {
                            for (GroupElement s : finite.generators()) {
                                GroupElement y = group.compose(x, s);
                                if (reached.add(y)) {
                                    next.add(y);
                                }
                            }
                        }
                        frontier = next;
                    }
                    assertThatValue(reached.size()).as(context("elements reached from generators " + finite.generators()))
                            .isCloseTo(finite.order(), 0);
                }));
    }

    /**
     * For finite groups, the declared irreps: each a homomorphism, ρ(g·h) = ρ(g)ρ(h) on every pair (characters
     * alone pass a transposed irrep), of real, complex or quaternionic type ({@code <χ, χ>} = 1, 2
     * or 4), pairwise orthogonal characters, complete ({@code Σ dim² / <χ, χ> = |G|}), trivial first, and
     * each IrreducibleRepresentation found again by its id.
     */
    @TestFactory
    public Stream<DynamicTest> irreps() {
        Group group = group();
        if (!(group instanceof FiniteGroup finite)) {
            return Stream.empty();
        }
        List<Representation> irreps = finite.irreps();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("irreps are complete: Σ dim² / <χ, χ> = " + finite.order(), () -> {
            double total = 0;
            for (Representation psi : irreps) {
                total += psi.dimension() * psi.dimension() / Characters.inner(finite, psi, psi);
            }
            assertThatValue(total).as(context("Σ dim² / <χ, χ> over irreps " + irreps + " of " + group.name()))
                    .isCloseTo(finite.order(), 1e-6);
        }));
        tests.add(DynamicTest.dynamicTest("the first irrep is trivial", () -> {
            Assertions.assertThat(irreps).as(context("irreps of " + group.name())).isNotEmpty();
            Representation first = irreps.get(0);
            assertThatValue(first.dimension()).as(context("dimension of the first irrep " + first)).isCloseTo(1, 0);
            for (GroupElement g : finite.elements()) {
                assertThatValue(first.character(g)).as(context("first irrep " + first + " at g = " + g))
                        .isCloseTo(1, tolerance());
            }
        }));
        for (int i = 0; i < irreps.size(); i++) {
            Representation psi = irreps.get(i);
            List<Representation> others = irreps.subList(i + 1, irreps.size());
            tests.add(DynamicTest.dynamicTest("irrep " + psi.name(), () -> {
                Assertions.assertThat(psi.group()).as(context("group of " + psi)).isEqualTo(group);
                double norm = Characters.inner(finite, psi, psi);
                double type = Math.rint(norm);
                Assertions.assertThat(Math.abs(norm - type) <= 1e-6 && (type == 1 || type == 2
                        || type == 4)).as(context("<χ, χ> of " + psi + " must be 1, 2 or 4 but was " + norm)).isTrue();
                for (Representation other : others) {
                    assertThatValue(Characters.inner(finite, psi, other))
                            .as(context("<χ, χ'> of distinct irreps " + psi + " and " + other)).isCloseTo(0, 1e-6);
                }
                // Characters cannot tell ρ from its transpose g ↦ ρ(g)ᵀ, which reverses products: check the matrices.
                for (GroupElement g : finite.elements()) {
                    Homomorphism.assertAt(psi, g, finite.elements(), tolerance(), this::context);
                }
                if (psi instanceof IrreducibleRepresentation r) {
                    Assertions.assertThat(group.irrep(r.id()))
                            .as(context("irrep(\"" + r.id() + "\") of " + group.name())).isEqualTo(psi);
                }
            }));
        }
        return tests.stream();
    }

    /** For compact Lie groups: grid(n) has n distinct elements, the identity first. */
    @TestFactory
    public Stream<DynamicTest> grids() {
        Group group = group();
        if (!(group instanceof CompactLieGroup lie)) {
            return Stream.empty();
        }
        return Arrays.stream(gridSizes()).mapToObj(n -> DynamicTest.dynamicTest("grid(" + n + ")", () -> {
            List<GroupElement> grid = lie.grid(n);
            assertThatValue(grid.size()).as(context("size of grid(" + n + ") of " + group.name())).isCloseTo(n, 0);
            assertThat(grid.get(0)).as(context("first element of grid(" + n + ")")).isCloseTo(group.identity(),
                    tolerance());
            for (int i = 0; i < grid.size(); i++) {
                assertThat(grid.get(i)).as(context("grid(" + n + ") element " + i)).belongsTo(group);
                for (int j = i + 1; j < grid.size(); j++) {
                    assertThat(grid.get(j)).as(context("grid(" + n + ") elements " + i + " and " + j + " must differ"))
                            .isNotCloseTo(grid.get(i), 1e-6);
                }
            }
        }));
    }

    /** For groups whose elements act on R^d: (g·h)(x) = g(h(x)), e(x) = x, orthogonal linear part. */
    @TestFactory
    public Stream<DynamicTest> spatialAction() {
        Group group = group();
        if (!(group.identity() instanceof EuclideanAction)) {
            return Stream.empty();
        }
        List<GroupElement> elements = group.testingElements();
        return perElement("action on R^d", elements, g -> {
            EuclideanAction a = (EuclideanAction) g;
            double[] x = point(a.spaceDimension());
            assertThat(a.linearPart()).as(context("linear part of " + g)).hasShape(a.spaceDimension(),
                    a.spaceDimension()).isOrthogonal(tolerance());
            double[] ex = ((EuclideanAction) group.identity()).apply(x);
            assertThatValue(distance(ex, x)).as(context("e(x) = x")).isCloseTo(0, tolerance());
            for (GroupElement h : elements) {
                double[] composed = ((EuclideanAction) group.compose(g, h)).apply(x);
                double[] nested = a.apply(((EuclideanAction) h).apply(x));
                assertThatValue(distance(composed, nested))
                        .as(context("(g·h)(x) = g(h(x)) for g = " + g + ", h = " + h)).isCloseTo(0, tolerance());
            }
        });
    }

    private void associative(Group group, GroupElement g, List<GroupElement> others) {
        for (GroupElement h : others) {
            GroupElement gh = group.compose(g, h);
            for (GroupElement k : others) {
                GroupElement left = group.compose(gh, k);
                GroupElement right = group.compose(g, group.compose(h, k));
                assertThat(left).as(context("(g·h)·k = g·(h·k) for g = " + g + ", h = " + h + ", k = " + k))
                        .isCloseTo(right, tolerance());
            }
        }
    }

    private void closed(Group group, GroupElement g, GroupElement h) {
        GroupElement gh = group.compose(g, h);
        assertThat(gh).as(context("g·h for g = " + g + ", h = " + h)).belongsTo(group);
        if (group instanceof FiniteGroup finite) {
            int i = finite.indexOf(gh);
            Assertions.assertThat(i).as(context("index of g·h = " + gh)).isBetween(0,
                    finite.order() - 1);
            assertThat(finite.elements().get(i)).as(context("g·h = " + gh + " is in elements()")).isCloseTo(gh, 0);
        }
    }

    private void textRoundTrip(Group group, GroupElement g) {
        String text = g.toString();
        GroupElement parsed = group.parseElement(text);
        assertThat(parsed).as(context("parseElement(\"" + text + "\")")).isCloseTo(g, 1e-12).hasText(text);
    }

    private static double[] point(int d) {
        double[] base = {0.3, -1.2, 0.7, 2.1};
        return Arrays.copyOf(base, d);
    }

    private static double distance(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static Stream<DynamicTest> perElement(String axiom, List<GroupElement> elements,
            ThrowingConsumer<GroupElement> check) {
        return elements.stream().map(g -> DynamicTest.dynamicTest(axiom + ": g = " + g, () -> check.accept(g)));
    }
}
