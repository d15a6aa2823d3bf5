package org.equivariant4j.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The writer never produces a file its reader refuses: metadata at the JSON parser's string limit
 * is written and read back; one character more is refused at save time (the bug this guards: a
 * checkpoint whose metrics history had grown past 20M characters was written and then refused).
 */
class SafetensorsWriterLimitsTest {
    private static final int MAX_STRING = StreamReadConstraints.defaults().getMaxStringLength();
    private static final int MAX_NAME = StreamReadConstraints.defaults().getMaxNameLength();

    @TempDir
    Path dir;

    @Test
    void metadataAtTheReadersStringLimitRoundTripsAndOneMoreIsRefusedAtSave() {
        Path file = dir.resolve("at-limit.safetensors");
        String atLimit = "x".repeat(MAX_STRING);
        Safetensors.save(Map.of("t", Tensors.zeros(2)), file, Map.of("big", atLimit));
        assertThat(Safetensors.readMetadata(file).get("big")).hasSize(MAX_STRING);

        Path over = dir.resolve("over.safetensors");
        assertThatThrownBy(() -> Safetensors.save(Map.of("t", Tensors.zeros(2)), over, Map.of("big", atLimit + "x")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("metadata 'big' is " + (MAX_STRING + 1) + " characters, more than the " + MAX_STRING);
        assertThat(over).as("nothing written").doesNotExist();
    }

    @Test
    void aTensorNameOverTheReadersNameLimitIsRefusedAtSave() {
        Path ok = dir.resolve("ok.safetensors");
        Safetensors.save(Map.of("n".repeat(MAX_NAME), Tensors.zeros(1)), ok, Map.of());
        assertThat(Safetensors.load(ok)).containsOnlyKeys("n".repeat(MAX_NAME));

        Path over = dir.resolve("over.safetensors");
        assertThatThrownBy(() -> Safetensors.save(Map.of("n".repeat(MAX_NAME + 1), Tensors.zeros(1)), over, Map.of()))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("tensor name").hasMessageContaining(
                        (MAX_NAME + 1) + " characters");
        assertThat(over).doesNotExist();
    }
}
