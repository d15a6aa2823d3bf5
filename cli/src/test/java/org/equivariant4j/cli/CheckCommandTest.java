package org.equivariant4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code eq4j check} on nn's registered blocks (they pass, on a third-party group too) and on a
 * deliberately broken layer registered only in the tests ({@link BrokenLayerPlugin}): it must fail.
 */
class CheckCommandTest {

    @Test
    void nnsBlocksAreEquivariantOnTheThirdPartyGroup() {
        Cli check = Cli.run("check", "equivariant-linear", "--group", "Q8");
        assertThat(check.exitCode()).as("%s", check).isZero();
        assertThat(check.out()).contains("eq4j check equivariant-linear on Q8 (EquivariantLinear: 2x regular -> 3x regular + trivial")
                .containsPattern("(?m)^Q8\\[-k\\] +float32 .* ok$").containsPattern("(?m)^Q8\\[-k\\] +float64 .* ok$")
                .contains("equivariant within tolerance on every element");
    }

    @Test
    void eachListedGroupIsCheckedByDefault() {
        Cli check = Cli.run("check", "group-pooling", "--dtype", "float64");
        assertThat(check.exitCode()).as("%s", check).isZero();
        assertThat(check.out()).contains("group-pooling on C4", "group-pooling on D8", "group-pooling on I");
    }

    @Test
    void aBrokenLayerFailsWithTheWorstElementNamed() {
        Cli check = Cli.run("check", BrokenLayerPlugin.LAYER, "--group", "C4", "--dtype", "float64");
        assertThat(check.exitCode()).as("%s", check).isEqualTo(1);
        assertThat(check.out()).containsPattern("(?m)^C4\\[r1\\] +float64 .* FAIL$").containsPattern("(?m)^C4\\[r0\\] +float64 .* ok$")
                .contains("worst failure:").contains("element(s) FAILED");
    }

    @Test
    void unknownLayerOrGroupListsTheKnownOnes() {
        assertThat(Cli.run("check", "conv").err()).contains("unknown layer id 'conv'; known: ").contains("equivariant-linear");
        assertThat(Cli.run("check", "group-pooling", "--group", "Q9").err()).contains("unknown group name 'Q9'")
                .contains("Q8: the quaternion units");
        assertThat(Cli.run("check", "group-pooling", "--group", "SO(2)").err()).contains("needs a finite group");
    }
}
