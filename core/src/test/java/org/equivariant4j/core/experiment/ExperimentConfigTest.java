package org.equivariant4j.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.error.UnknownIdException;
import org.junit.jupiter.api.Test;

/** A config is the experiment's defaults with validated overrides, in declaration order. */
class ExperimentConfigTest {
    private static final List<OptionSpec> OPTIONS = List.of(StandardOptions.epochs(10), StandardOptions.seed(1),
            OptionSpec.ofDouble("lr", 0.01, "rate", 0, 1), OptionSpec.ofBoolean("augment", false, "rotate"));

    @Test
    void defaultsAreOverriddenByTypedValues() {
        ExperimentConfig c = ExperimentConfig.resolve("demo", OPTIONS, Map.of("epochs", "3", "augment", "true"));
        assertThat(c.intValue("epochs")).isEqualTo(3);
        assertThat(c.intValue("seed")).isEqualTo(1);
        assertThat(c.doubleValue("lr")).isEqualTo(0.01);
        assertThat(c.booleanValue("augment")).isTrue();
        assertThat(c.values().keySet()).containsExactly("epochs", "seed", "lr", "augment");
    }

    @Test
    void theTextFormResolvesBackToTheSameConfig() {
        ExperimentConfig c = ExperimentConfig.resolve("demo", OPTIONS, Map.of("lr", "0.003"));
        ExperimentConfig again = ExperimentConfig.resolve("demo", OPTIONS, new LinkedHashMap<>(c.asText()));
        assertThat(again.values()).isEqualTo(c.values());
    }

    @Test
    void anUnknownOptionListsTheKnownOnesWithDefaults() {
        assertThatThrownBy(() -> ExperimentConfig.resolve("demo", OPTIONS, Map.of("epoch", "3")))
                .isInstanceOf(UnknownIdException.class)
                .hasMessageStartingWith("unknown option of experiment 'demo' 'epoch'; known: epochs=10 (int in [1, 100000])")
                .hasMessageContaining("lr=0.01 (number in [0.0, 1.0])").hasMessageContaining("augment=false (true or false)");
    }

    @Test
    void aBadValueSaysWhichOptionAndWhy() {
        assertThatThrownBy(() -> ExperimentConfig.resolve("demo", OPTIONS, Map.of("lr", "2")))
                .isInstanceOf(InvalidOptionException.class).hasMessage("option 'lr': '2' is out of range; expected number in [0.0, 1.0]");
    }

    @Test
    void readingAnOptionAsTheWrongTypeIsAProgrammingErrorNamingBothTypes() {
        ExperimentConfig c = ExperimentConfig.resolve("demo", OPTIONS, Map.of());
        assertThatThrownBy(() -> c.doubleValue("epochs")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("option 'epochs' of experiment 'demo' is int, read as double");
    }
}
