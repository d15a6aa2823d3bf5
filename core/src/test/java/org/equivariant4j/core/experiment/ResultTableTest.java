package org.equivariant4j.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {
    private final ResultTable table = new ResultTable("Results", List.of("model", "acc"),
            List.of(List.of("equivariant", "0.98"), List.of("mlp", "0.61")), List.of("acc on the rotated test set"));

    @Test
    void rendersAlignedText() {
        assertThat(table.toText()).isEqualTo("""
                Results
                model        acc
                -----------  ----
                equivariant  0.98
                mlp          0.61
                  acc on the rotated test set
                """);
    }

    @Test
    void rendersMarkdown() {
        assertThat(table.toMarkdown()).startsWith("| model | acc |\n| --- | --- |\n| equivariant | 0.98 |\n")
                .endsWith("\n- acc on the rotated test set\n");
    }

    @Test
    void aRaggedRowIsRefusedNamingIt() {
        assertThatThrownBy(() -> new ResultTable("t", List.of("a", "b"), List.of(List.of("1")), List.of()))
                .hasMessageContaining("row [1] has 1 cells but there are 2 columns [a, b]");
    }
}
