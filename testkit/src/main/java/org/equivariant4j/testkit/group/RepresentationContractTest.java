package org.equivariant4j.testkit.group;

import static org.equivariant4j.testkit.group.GroupAssertions.assertThat;
import static org.equivariant4j.testkit.group.GroupAssertions.assertThatValue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The contract every {@link Representation} must meet, as JUnit 5 dynamic tests, one per group element:
 * ρ(g) is a finite dim x dim matrix; ρ(g·h) = ρ(g) ρ(h) on the group's testing elements (and on seeded
 * samples for infinite groups); ρ(e) = I; χ(g) = trace ρ(g); ρ(g) orthogonal when {@link
 * Representation#isOrthogonal()} promises it and a permutation when {@link Representation#supportsPointwise()}
 * does; and, for finite groups, that the characters decompose into the group's irreps with non-negative
 * integer multiplicities adding up to the dimension (which also checks the irreps' orthogonality).
 *
 * <p>Extend it and supply the representation:
 * <pre>{@code
 * class MyIrrepContractTest extends RepresentationContractTest {
 *     protected Representation representation() { return MyGroup.INSTANCE.irrep("1"); }
 * }
 * }</pre>
 * Every failure message names the property, the elements and the seed.
 */
public abstract class RepresentationContractTest {

    /** The representation under test. Called once per contract. */
    protected abstract Representation representation();

    /** Seed of the sampled elements (override with {@code -Dequivariant4j.seed}). */
    protected long seed() {
        return Long.getLong("equivariant4j.seed", GroupContractTest.DEFAULT_SEED);
    }

    /** How many elements to sample for infinite groups. */
    protected int sampleCount() {
        return 6;
    }

    /** Entrywise tolerance on matrices (float64). */
    protected double tolerance() {
        return 1e-9;
    }

    protected final String context(String what) {
        return what + " (seed " + seed() + ")";
    }

    @TestFactory
    public Stream<DynamicTest> matrices() {
        Representation rho = representation();
        return perElement("ρ(g) is a finite dim x dim matrix", rho.group().testingElements(), g ->
                assertThat(rho.matrix(g)).as(context("ρ(g) of " + rho + " for g = " + g))
                        .hasShape(rho.dimension(), rho.dimension()).isFinite());
    }

    @TestFactory
    public Stream<DynamicTest> homomorphism() {
        Representation rho = representation();
        List<GroupElement> elements = rho.group().testingElements();
        return perElement("ρ(g·h) = ρ(g)ρ(h)", elements, g -> homomorphic(rho, g, elements));
    }

    @TestFactory
    public Stream<DynamicTest> identity() {
        Representation rho = representation();
        GroupElement e = rho.group().identity();
        return Stream.of(DynamicTest.dynamicTest("ρ(e) = I: e = " + e, () ->
                assertThat(rho.matrix(e)).as(context("ρ(e) of " + rho))
                        .isCloseTo(Matrix.identity(rho.dimension()), tolerance())));
    }

    @TestFactory
    public Stream<DynamicTest> characters() {
        Representation rho = representation();
        return perElement("χ(g) = trace ρ(g)", rho.group().testingElements(), g ->
                assertThatValue(rho.character(g)).as(context("χ(g) of " + rho + " for g = " + g))
                        .isCloseTo(rho.matrix(g).trace(), tolerance()));
    }

    @TestFactory
    public Stream<DynamicTest> orthogonality() {
        Representation rho = representation();
        if (!rho.isOrthogonal()) {
            return Stream.empty(); // nothing promised
        }
        return perElement("ρ(g) orthogonal", rho.group().testingElements(), g ->
                assertThat(rho.matrix(g)).as(context(rho + " promises orthogonal matrices; g = " + g))
                        .isOrthogonal(tolerance()));
    }

    @TestFactory
    public Stream<DynamicTest> pointwise() {
        Representation rho = representation();
        if (!rho.supportsPointwise()) {
            return Stream.empty(); // nothing promised
        }
        return perElement("ρ(g) a permutation", rho.group().testingElements(), g ->
                assertThat(rho.matrix(g)).as(context(rho + " promises pointwise support (permutation matrices); g = "
                        + g)).isPermutation(tolerance()));
    }

    /** Finite groups: multiplicity &lt;χρ, χψ> / &lt;χψ, χψ> of every irrep ψ is a non-negative integer; they add up. */
    @TestFactory
    public Stream<DynamicTest> decomposition() {
        Representation rho = representation();
        if (!(rho.group() instanceof FiniteGroup finite)) {
            return Stream.empty();
        }
        List<Representation> irreps = finite.irreps();
        List<DynamicTest> tests = new ArrayList<>();
        for (Representation psi : irreps) {
            tests.add(DynamicTest.dynamicTest("multiplicity of " + psi.name(), () ->
                    assertThatValue(Characters.inner(finite, rho, psi) / Characters.inner(finite, psi, psi))
                            .as(context("multiplicity of " + psi + " in " + rho)).isNonNegativeInteger(1e-6)));
        }
        tests.add(DynamicTest.dynamicTest("Σ multiplicity · dim = " + rho.dimension(), () -> {
            double total = 0;
            for (Representation psi : irreps) {
                total += Math.rint(Characters.inner(finite, rho, psi) / Characters.inner(finite, psi, psi))
                        * psi.dimension();
            }
            assertThatValue(total).as(context("dimension of " + rho + " accounted for by irreps " + irreps))
                    .isCloseTo(rho.dimension(), 1e-6);
        }));
        return tests.stream();
    }

    /** Infinite groups: the homomorphism property and the promised orthogonality on seeded samples. */
    @TestFactory
    public Stream<DynamicTest> sampledElements() {
        Representation rho = representation();
        Group group = rho.group();
        if (group.isFinite()) {
            return Stream.empty();
        }
        Rng rng = new Rng(seed());
        List<GroupElement> samples = new ArrayList<>();
        for (int i = 0; i < sampleCount(); i++) {
            samples.add(group.sample(rng));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            GroupElement g = samples.get(i);
            tests.add(DynamicTest.dynamicTest("sample " + i + " of seed " + seed() + ": g = " + g, () -> {
                homomorphic(rho, g, samples);
                if (rho.isOrthogonal()) {
                    assertThat(rho.matrix(g)).as(context(rho + " promises orthogonal matrices; sampled g = " + g))
                            .isOrthogonal(tolerance());
                }
            }));
        }
        return tests.stream();
    }

    private void homomorphic(Representation rho, GroupElement g, List<GroupElement> others) {
        Homomorphism.assertAt(rho, g, others, tolerance(), this::context);
    }

    private static Stream<DynamicTest> perElement(String property, List<GroupElement> elements,
            ThrowingConsumer<GroupElement> check) {
        return elements.stream().map(g -> DynamicTest.dynamicTest(property + ": g = " + g, () -> check.accept(g)));
    }
}
