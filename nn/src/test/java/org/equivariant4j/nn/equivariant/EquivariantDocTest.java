package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.Test;

/** Keeps EQUIVARIANT.md's example true: its java block is, line by line, a piece of {@link #example()}, which runs. */
class EquivariantDocTest {

    @Test
    void example() {
        FiniteGroup q8 = QuaternionGroup.Q8; // any FiniteGroup, from any plugin
        Representation regular = Representation.regular(q8);
        FieldType in = FieldType.of(Domain.vectors(), regular);
        FieldType hidden = FieldType.of(Domain.vectors(), Representation.directSum(Collections.nCopies(8, regular)));
        GroupPooling pool = new GroupPooling(hidden, GroupPooling.Mode.MAX); // 8x regular -> 8x trivial
        FieldType out = FieldType.of(Domain.vectors(), Representation.trivial(q8));
        Rng rng = new Rng(7);
        EquivariantSequential net = new EquivariantSequential(
                new EquivariantLinear(in, hidden, rng),
                PointwiseNonlinearity.relu(hidden),
                new EquivariantLinear(hidden, hidden, rng),
                pool,
                new EquivariantLinear(pool.outType(), out, rng));
        Tensor x = Tensors.randn(rng, 32, 8);
        Tensor y = net.forward(GeometricTensor.of(x, in)).tensor(); // [32, 1], invariant under Q8

        assertThat(y.shape()).containsExactly(32, 1);
    }

    @Test
    void theDocumentedExampleIsThisTest() throws IOException {
        // Surefire runs in the module's folder.
        List<String> doc = Files.readAllLines(Path.of("EQUIVARIANT.md"));
        List<String> source = trimmed(Files.readAllLines(Path.of("src/test/java/org/equivariant4j/nn/equivariant/EquivariantDocTest.java")));
        int start = doc.indexOf("```java");
        assertThat(start).as("EQUIVARIANT.md has a java block").isNotNegative();
        List<String> block = new ArrayList<>();
        for (int i = start + 1; !doc.get(i).equals("```"); i++) {
            block.add(doc.get(i));
        }
        List<String> lines = trimmed(block);
        int at = Collections.indexOfSubList(source, lines);
        if (at < 0) {
            fail("EQUIVARIANT.md's example is not a piece of EquivariantDocTest.example():%n%s", String.join("\n", lines));
        }
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l.trim());
            }
        }
        return out;
    }
}
