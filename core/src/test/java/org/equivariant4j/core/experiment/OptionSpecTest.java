package org.equivariant4j.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.InvalidOptionException;
import org.junit.jupiter.api.Test;

/** Options parse their text form and refuse bad values saying which option and why. */
class OptionSpecTest {

    @Test
    void parsesEachTypeFromText() {
        assertThat(OptionSpec.ofInt("hidden", 32, "width", 1, 4096).parse(" 64 ")).isEqualTo(64);
        assertThat(OptionSpec.ofDouble("lr", 0.01, "rate", 0, 1).parse("1e-3")).isEqualTo(1e-3);
        assertThat(OptionSpec.ofBoolean("augment", false, "rotate").parse("TRUE")).isEqualTo(true);
        assertThat(OptionSpec.ofChoice("group", "C4", "symmetry", "C4", "D4").parse("D4")).isEqualTo("D4");
        assertThat(OptionSpec.ofString("note", "", "free text").parse("anything at all")).isEqualTo("anything at all");
    }

    @Test
    void refusalsNameTheOptionTheValueAndWhatIsAccepted() {
        OptionSpec epochs = StandardOptions.epochs(10);
        assertThatThrownBy(() -> epochs.parse("ten")).isInstanceOf(InvalidOptionException.class)
                .hasMessage("option 'epochs': 'ten' is not an integer; expected int in [1, 100000]")
                .extracting(e -> ((InvalidOptionException) e).option()).isEqualTo("epochs");
        assertThatThrownBy(() -> epochs.parse("0")).hasMessage("option 'epochs': '0' is out of range; expected int in [1, 100000]");
        assertThatThrownBy(() -> OptionSpec.ofDouble("lr", 0.01, "rate", 0, 1).parse("NaN"))
                .hasMessageContaining("option 'lr': 'NaN' is not finite");
        assertThatThrownBy(() -> OptionSpec.ofBoolean("augment", false, "rotate").parse("yes"))
                .hasMessage("option 'augment': 'yes' is not a boolean; expected true or false");
        assertThatThrownBy(() -> OptionSpec.ofChoice("group", "C4", "symmetry", "C4", "D4").parse("c4"))
                .hasMessage("option 'group': 'c4' is not a known choice; expected one of C4, D4");
    }

    @Test
    void aBadDefaultFailsWhenTheOptionIsDeclared() {
        assertThatThrownBy(() -> OptionSpec.ofInt("epochs", 0, "passes", 1, 10)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("option 'epochs': '0' is out of range");
        assertThatThrownBy(() -> OptionSpec.ofInt("Bad Name", 1, "x", 1, 10)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'Bad Name'");
    }

    @Test
    void formattedValuesParseBackToTheSameValue() {
        OptionSpec lr = OptionSpec.ofDouble("lr", 0.1, "rate", 0, 1);
        for (double v : new double[] {0.1, 1e-7, 0.0, 1.0 / 3}) {
            assertThat(lr.parse(OptionSpec.format(v))).isEqualTo(v);
        }
    }
}
