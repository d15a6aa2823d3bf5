package org.equivariant4j.gconv.weightsharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.weightsharing.analysis.SymmetryAnalysis;
import org.equivariant4j.groups.CyclicGroup;
import org.junit.jupiter.api.Test;

/**
 * The README's analysis snippet is this test's code: {@link #theSnippetRuns()} runs it and checks what its comments say,
 * {@link #theReadmeShowsTheSnippet()} requires the README's java block under {@code <!-- excerpt: ReadmeExampleTest -->}
 * to be, line by line (indentation and blank lines aside), the lines between the markers below.
 */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/org/equivariant4j/gconv/weightsharing/ReadmeExampleTest.java");

    @Test
    void theSnippetRuns() {
        Tensor images = Tensors.randn(new Rng(3), 2, 1, 11, 11);
        // snippet:start
        FiniteGroup c4 = CyclicGroup.of(4);
        WeightSharingLifting lift = new WeightSharingLifting(c4, 1, 8, 5, WeightSharingOptions.defaults(), new Rng(1));
        Tensor y = lift.forward(images);                                  // [N, 32, H, W]: channel c·4 + g from kernel g
        Tensor loss = y.pow(2).mean().add(lift.normPenalty().mul(0.1));   // your task's loss + the paper's regulariser
        double[][][] learned = lift.learnedMatrices();                    // [4][25][25] float64 copy, matrix 0 = identity
        SymmetryAnalysis.Candidate match = SymmetryAnalysis.against(c4, KernelPermutations.spatial(c4, 5), learned);
        double worst = match.maxMatched();                                // largest distance, one-to-one matched to C4
        TiedWeightSharingConv gcnn = lift.tied();                         // matrices := C4's permutations: equivariant
        GeometricTensor f = gcnn.forward(GeometricTensor.of(images, gcnn.inType()));
        // snippet:end

        assertThat(y.shape()).containsExactly(2, 32, 11, 11);
        assertThat(loss.shape()).isEmpty();
        assertThat(learned.length).isEqualTo(4);
        assertThat(learned[1]).hasNumberOfRows(25);
        // At initialisation (uniform scores) the matrices are near the uniform matrix, √24 = 4.9 from every permutation.
        assertThat(worst).isGreaterThan(4.0);
        assertThat(f.type()).isEqualTo(gcnn.outType());
        assertThat(f.tensor().shape()).containsExactly(2, 32, 11, 11);
    }

    @Test
    void theReadmeShowsTheSnippet() throws Exception {
        List<String> source = Files.readAllLines(SOURCE);
        List<String> snippet = trimmed(source.subList(source.indexOf("        // snippet:start") + 1,
                source.indexOf("        // snippet:end")));
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int marker = readme.indexOf("<!-- excerpt: ReadmeExampleTest -->");
        assertThat(marker).as("README.md: the marker <!-- excerpt: ReadmeExampleTest --> above the analysis snippet")
                .isNotNegative();
        assertThat(readme.get(marker + 1)).isEqualTo("```java");
        int end = readme.subList(marker + 2, readme.size()).indexOf("```") + marker + 2;
        assertThat(trimmed(readme.subList(marker + 2, end))).as("README.md's snippet vs %s", SOURCE).isEqualTo(snippet);
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                out.add(line.trim());
            }
        }
        return out;
    }
}
