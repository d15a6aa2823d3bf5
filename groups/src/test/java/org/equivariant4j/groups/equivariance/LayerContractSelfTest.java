package org.equivariant4j.groups.equivariance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest;
import org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The layer contract and the registered-layers factory run on layers with known flaws: each must fail
 * exactly the tests that concern the flaw, with the seed in the message, and pass the others.
 */
class LayerContractSelfTest {
    static final CyclicGroup C4 = CyclicGroup.of(4);

    /** Runs dynamic nodes the way JUnit would; returns display name to failure message ("" passed, null aborted). */
    static Map<String, String> run(Stream<? extends DynamicNode> nodes) {
        Map<String, String> out = new TreeMap<>();
        nodes.forEach(node -> {
            if (node instanceof DynamicContainer c) {
                run(c.getChildren()).forEach((k, v) -> out.put(c.getDisplayName() + " / " + k, v));
                return;
            }
            DynamicTest t = (DynamicTest) node;
            try {
                t.getExecutable().execute();
                out.put(t.getDisplayName(), "");
            } catch (AssertionError e) {
                out.put(t.getDisplayName(), e.getMessage());
            } catch (TestAbortedException e) {
                out.put(t.getDisplayName(), null);
            } catch (Throwable e) {
                throw new IllegalStateException("dynamic test '" + t.getDisplayName() + "' threw " + e, e);
            }
        });
        return out;
    }

    static List<String> failed(Map<String, String> results) {
        List<String> out = new ArrayList<>();
        results.forEach((name, message) -> {
            if (message != null && !message.isEmpty()) {
                out.add(name);
            }
        });
        return out;
    }

    static EquivariantLayerContractTest contract(LongFunction<EquivariantLayer> factory) {
        return new EquivariantLayerContractTest() {
            @Override
            protected EquivariantLayer createLayer(long seed) {
                return factory.apply(seed);
            }
        };
    }

    @Test
    void aLayerThatForgetsToRegisterAParameterFailsOnlyTheStateDictRoundTrip() {
        EquivariantLayerContractTest kit = contract(seed -> new ForgetfulChannelMix(C4, Domain.grid(2), seed));
        Map<String, String> roundTrip = run(kit.stateDictRoundTrip());
        assertThat(failed(roundTrip)).hasSize(1);
        assertThat(roundTrip.values()).allSatisfy(m -> assertThat(m).contains("is every parameter and buffer registered?",
                "seed " + EquivarianceAssertions.seed()).containsPattern("[Ee]xpect"));
        for (Stream<DynamicTest> other : List.of(kit.equivariance(), kit.gradientEquivariance(), kit.typeChecks(),
                kit.parameterGradients(), kit.determinism())) {
            Map<String, String> results = run(other);
            assertThat(failed(results)).as("%s", results).isEmpty();
        }
    }

    @Test
    void aSubtlyBrokenLayerFailsEquivarianceForEveryNonIdentityElementInBothDtypes() {
        EquivariantLayerContractTest kit = contract(seed -> new PerturbedLayer(new RegularChannelMix(C4, Domain.grid(2), seed),
                1e-2, 1, null));
        Map<String, String> results = run(kit.equivariance());
        assertThat(failed(results)).containsExactlyInAnyOrder("FLOAT32: g = C4[r1]", "FLOAT32: g = C4[r2]",
                "FLOAT32: g = C4[r3]", "FLOAT64: g = C4[r1]", "FLOAT64: g = C4[r2]", "FLOAT64: g = C4[r3]");
        assertThat(results.get("FLOAT64: g = C4[r2]")).contains("for g = C4[r2]", "index [", "seed "
                + EquivarianceAssertions.seed());
        assertThat(failed(run(kit.gradientEquivariance()))).hasSize(3);
        assertThat(failed(run(kit.typeChecks()))).isEmpty();
    }

    @Test
    void theRegisteredLayersFactoryRejectsBrokenLayersProvidersAndGroupNames() {
        Map<String, String> results = run(new RegisteredLayersEquivarianceTest() {
            @Override
            protected boolean includes(Plugin plugin) {
                return plugin.descriptor().id().equals(BrokenLayersPlugin.ID);
            }
        }.registeredLayers());
        String perturbed = BrokenLayersPlugin.ID + "/perturbed on C4 / ";
        assertThat(failed(results)).contains(perturbed + "FLOAT32: g = C4[r1]", perturbed + "FLOAT64: g = C4[r3]")
                .doesNotContain(perturbed + "FLOAT32: g = C4[r0]");
        assertThat(results.get(BrokenLayersPlugin.ID + "/not-a-layer on C4 / " + BrokenLayersPlugin.ID
                + "/not-a-layer on C4: set-up")).contains("to create an EquivariantLayer for C4 but was");
        assertThat(results.get(BrokenLayersPlugin.ID + "/unknown-group on Q8 / " + BrokenLayersPlugin.ID
                + "/unknown-group on Q8: set-up")).contains("exactly one group family to accept 'Q8' but was []");
    }

    @Test
    void theRegisteredLayersFactoryFailsWhenItFindsNoLayers() {
        Map<String, String> results = run(new RegisteredLayersEquivarianceTest() {
            @Override
            protected boolean includes(Plugin plugin) {
                return false;
            }
        }.registeredLayers());
        assertThat(results).hasSize(1);
        assertThat(results.values().iterator().next()).contains("expected at least one LayerProvider", "groups",
                "META-INF/services/org.equivariant4j.core.spi.Plugin");
    }
}
