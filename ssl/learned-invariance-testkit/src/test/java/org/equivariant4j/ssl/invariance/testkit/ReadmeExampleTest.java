package org.equivariant4j.ssl.invariance.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.ssl.invariance.testkit.InvarianceAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.ssl.invariance.InvarianceChecker;
import org.equivariant4j.ssl.invariance.InvarianceReport;
import org.equivariant4j.ssl.invariance.OrbitAction;
import org.junit.jupiter.api.Test;

/**
 * The usage snippet of {@code ssl/learned-invariance/README.md} is this test's code: {@link #theSnippetRuns()} runs it,
 * {@link #theReadmeShowsTheSnippet()} requires the README's java block under {@code <!-- excerpt: ReadmeExampleTest -->}
 * to be, line by line (indentation and blank lines aside), the lines between the markers below.
 */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/org/equivariant4j/ssl/invariance/testkit/ReadmeExampleTest.java");
    private static final Path README = Path.of("../learned-invariance/README.md");

    @Test
    void theSnippetRuns() {
        GroupCnn net = new GroupCnn(CyclicGroup.of(4), 28, 2, 10, new Rng(1));
        GroupCnn cnn = new GroupCnn(CyclicGroup.of(1), 28, 4, 10, new Rng(2));
        net.eval();
        cnn.eval();
        Tensor testImages = Tensors.randn(new Rng(3), DType.FLOAT64, 4, 28 * 28).to(DType.FLOAT32);
        // snippet:start
        OrbitAction quarterTurns = OrbitAction.onFlattenedImages(CyclicGroup.of(4), 28);
        assertThat(InvarianceChecker.of("my G-CNN", net, net::forward, quarterTurns)).isInvariantOn(testImages);
        InvarianceReport report = InvarianceChecker.of("my CNN", cnn, cnn::forward, quarterTurns).measure(testImages);
        System.out.println(report.describe());   // per rotation: JS, logit distance, saliency similarity, agreement
        // snippet:end
        // An untrained CNN is far from invariant: the README's bounds on a learned invariance fail it.
        assertThatThrownBy(() -> assertThat(report).hasMeanLogitDistanceAtMost(0.05).hasMeanSaliencySimilarityAtLeast(0.9))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theReadmeShowsTheSnippet() throws Exception {
        List<String> source = Files.readAllLines(SOURCE);
        List<String> snippet = trimmed(source.subList(source.indexOf("        // snippet:start") + 1,
                source.indexOf("        // snippet:end")));
        List<String> readme = Files.readAllLines(README);
        int marker = readme.indexOf("<!-- excerpt: ReadmeExampleTest -->");
        org.assertj.core.api.Assertions.assertThat(marker).as("%s: the marker <!-- excerpt: ReadmeExampleTest -->", README)
                .isNotNegative();
        org.assertj.core.api.Assertions.assertThat(readme.get(marker + 1)).isEqualTo("```java");
        int end = readme.subList(marker + 2, readme.size()).indexOf("```") + marker + 2;
        org.assertj.core.api.Assertions.assertThat(trimmed(readme.subList(marker + 2, end)))
                .as("%s's snippet vs %s", README, SOURCE).isEqualTo(snippet);
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
