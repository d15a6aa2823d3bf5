package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The backend's public surface is its entry point alone: users and the other modules reach the
 * engine through core's {@code Tensor}/{@code TensorBackend} contract, and the ops, kernels,
 * autograd and memory checks stay package-private so that they can change without breaking
 * anybody. Checked on the compiled classes, so a new public class fails the build.
 */
class PublicSurfaceTest {

    @Test
    void onlyTheEntryPointIsPublic() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString)
                    .filter(p -> p.endsWith(".class") && !p.contains("$"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
        assertThat(names).as("compiled top-level classes").hasSizeGreaterThan(10);
        List<String> publicOnes = new java.util.ArrayList<>();
        for (String name : names) {
            if (Modifier.isPublic(Class.forName(name, false, getClass().getClassLoader()).getModifiers())) {
                publicOnes.add(name);
            }
        }
        assertThat(publicOnes).containsExactly(Nd4jBackend.class.getName());
    }

    @Test
    void thereIsOnePackage() throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> elsewhere = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.getParent().equals(classes.resolve(Path.of("org", "equivariant4j", "backend", "nd4j"))))
                    .toList();
            assertThat(elsewhere).as("classes outside the backend's one package (sub-packages would force their classes"
                    + " public again)").isEmpty();
        }
    }
}
