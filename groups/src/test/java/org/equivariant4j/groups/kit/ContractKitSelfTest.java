package org.equivariant4j.groups.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.testkit.group.GroupContractTest;
import org.equivariant4j.testkit.group.RepresentationContractTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The contract kit tested on deliberately broken groups and representations: each contract must FAIL on the
 * axiom that is broken (with the axiom, the elements, "expected … but was …" and the seed in the message)
 * and pass the axioms that hold. A kit that cannot fail is worthless.
 */
class ContractKitSelfTest {

    /** Runs dynamic tests the way JUnit would and returns the failures (AssertionErrors); other errors propagate. */
    static List<AssertionError> failures(Stream<DynamicTest> tests) {
        List<AssertionError> out = new ArrayList<>();
        tests.forEach(t -> {
            try {
                t.getExecutable().execute();
            } catch (AssertionError e) {
                out.add(e);
            } catch (TestAbortedException e) {
                // skipped, not failed
            } catch (Throwable e) {
                throw new IllegalStateException("dynamic test '" + t.getDisplayName() + "' threw " + e, e);
            }
        });
        return out;
    }

    static GroupContractTest groupKit(Group group) {
        return new GroupContractTest() {
            @Override
            protected Group group() {
                return group;
            }
        };
    }

    static RepresentationContractTest representationKit(Representation rho) {
        return new RepresentationContractTest() {
            @Override
            protected Representation representation() {
                return rho;
            }
        };
    }

    /**
     * Every group contract except those named in {@code broken} must pass; each named one must fail, every
     * failure reading "expected … but was …" with the seed, at least one naming the broken axiom.
     */
    static void assertGroupContract(Group group, Map<String, String> broken) {
        GroupContractTest kit = groupKit(group);
        Map<String, Supplier<Stream<DynamicTest>>> contracts = Map.of(
                "identity", kit::identity, "inverse", kit::inverse, "associativity", kit::associativity,
                "closure", kit::closure, "textRoundTrip", kit::textRoundTrip, "sampledElements", kit::sampledElements,
                "finiteStructure", kit::finiteStructure, "irreps", kit::irreps, "spatialAction", kit::spatialAction);
        contracts.forEach((name, contract) -> {
            List<AssertionError> failed = failures(contract.get());
            if (broken.containsKey(name)) {
                assertThat(failed).as("%s of %s must fail", name, group).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getMessage()).contains("seed " + GroupContractTest.DEFAULT_SEED)
                                .containsPattern("expected .* but was"))
                        .anySatisfy(e -> assertThat(e.getMessage()).contains(broken.get(name)));
            } else {
                assertThat(failed).as("%s of %s must pass", name, group).isEmpty();
            }
        });
    }

    @Test
    void nonAssociativeLoopFailsOnlyAssociativity() {
        // irreps: a loop has no character theory; its single declared irrep cannot be complete.
        assertGroupContract(new NonAssociativeLoop(), Map.of("associativity", "(g·h)·k = g·(h·k)",
                "irreps", "Σ dim² / <χ, χ>"));
    }

    @Test
    void wrongInverseFailsOnlyInverse() {
        assertGroupContract(new FlawedCyclicGroup(FlawedCyclicGroup.Flaw.WRONG_INVERSE), Map.of("inverse", "g·g⁻¹ = e"));
    }

    @Test
    void wrongIdentityFailsIdentityAndInverseAndAction() {
        // A wrong identity also breaks g·g⁻¹ = e and e(x) = x: those axioms mention e.
        assertGroupContract(new FlawedCyclicGroup(FlawedCyclicGroup.Flaw.WRONG_IDENTITY), Map.of("identity", "e·g = g",
                "inverse", "= e", "spatialAction", "e(x) = x"));
    }

    @Test
    void wrongTextFailsOnlyTextRoundTrip() {
        assertGroupContract(new FlawedCyclicGroup(FlawedCyclicGroup.Flaw.WRONG_TEXT),
                Map.of("textRoundTrip", "parseElement"));
    }

    @Test
    void wrongIrrepsFailOnlyIrreps() {
        assertGroupContract(new FlawedCyclicGroup(FlawedCyclicGroup.Flaw.WRONG_IRREPS), Map.of("irreps", "<χ, χ"));
    }

    @Test
    void tooFewGeneratorsFailOnlyFiniteStructure() {
        assertGroupContract(new FlawedCyclicGroup(FlawedCyclicGroup.Flaw.TOO_FEW_GENERATORS),
                Map.of("finiteStructure", "generators"));
    }

    @Test
    void skewedActionFailsOnlySpatialAction() {
        assertGroupContract(new FlawedCyclicGroup(FlawedCyclicGroup.Flaw.SKEWED_ACTION),
                Map.of("spatialAction", "(x) ="));
    }

    @Test
    void wobblyCirclePassesOnTestingElementsButFailsOnSamples() {
        assertGroupContract(new WobblyCircle(), Map.of("sampledElements", "sampled"));
    }

    @Test
    void failureNamesTheDynamicTestAfterTheElement() {
        List<String> names = groupKit(CyclicGroup.of(4)).associativity().map(DynamicTest::getDisplayName).toList();
        assertThat(names).containsExactly("associativity: g = C4[r0]", "associativity: g = C4[r1]",
                "associativity: g = C4[r2]", "associativity: g = C4[r3]");
    }

    /** Every representation contract except those named in {@code broken} must pass; each named one must fail. */
    static void assertRepresentationContract(Representation rho, Map<String, String> broken) {
        RepresentationContractTest kit = representationKit(rho);
        Map<String, Supplier<Stream<DynamicTest>>> contracts = Map.of(
                "matrices", kit::matrices, "homomorphism", kit::homomorphism, "identity", kit::identity,
                "characters", kit::characters, "orthogonality", kit::orthogonality, "pointwise", kit::pointwise,
                "decomposition", kit::decomposition);
        contracts.forEach((name, contract) -> {
            List<AssertionError> failed = failures(contract.get());
            if (broken.containsKey(name)) {
                assertThat(failed).as("%s of %s must fail", name, rho).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getMessage()).contains("seed " + GroupContractTest.DEFAULT_SEED)
                                .containsPattern("expected .* but was"))
                        .anySatisfy(e -> assertThat(e.getMessage()).contains(broken.get(name)));
            } else {
                assertThat(failed).as("%s of %s must pass", name, rho).isEmpty();
            }
        });
    }

    @Test
    void nonHomomorphismFailsHomomorphismAndDecomposition() {
        assertRepresentationContract(new BrokenRepresentation(BrokenRepresentation.Flaw.NOT_A_HOMOMORPHISM),
                Map.of("homomorphism", "ρ(g·h) = ρ(g)ρ(h)", "decomposition", "multiplicity"));
    }

    @Test
    void zeroRepresentationFailsOnlyIdentity() {
        // ρ = 0 is multiplicative, so only ρ(e) = I catches it (and its characters are 0, so its multiplicities
        // are 0 and do not add up to the dimension).
        assertRepresentationContract(new BrokenRepresentation(BrokenRepresentation.Flaw.ZERO),
                Map.of("identity", "ρ(e)", "decomposition", "dimension of"));
    }

    @Test
    void falseOrthogonalityClaimFailsOnlyOrthogonality() {
        assertRepresentationContract(new BrokenRepresentation(BrokenRepresentation.Flaw.FALSELY_ORTHOGONAL),
                Map.of("orthogonality", "promises orthogonal"));
    }

    @Test
    void falsePointwiseClaimFailsOnlyPointwise() {
        assertRepresentationContract(new BrokenRepresentation(BrokenRepresentation.Flaw.FALSELY_POINTWISE),
                Map.of("pointwise", "promises pointwise"));
    }

    @Test
    void wrongCharacterFailsCharactersAndDecomposition() {
        assertRepresentationContract(new BrokenRepresentation(BrokenRepresentation.Flaw.WRONG_CHARACTER),
                Map.of("characters", "χ(g)", "decomposition", "dimension of")); // χ + 1 = trivial + irrep(1): 3 != 2
    }

    @Test
    void builtInRepresentationPassesEverything() {
        CyclicGroup c4 = CyclicGroup.of(4);
        assertRepresentationContract(Representation.regular(c4), Map.of());
        assertGroupContract(c4, Map.of());
    }
}
