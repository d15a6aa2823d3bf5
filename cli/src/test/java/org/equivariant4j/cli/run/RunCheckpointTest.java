package org.equivariant4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.equivariant4j.cli.experiments.TwoSpiralsExperiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.nn.checkpoint.Safetensors;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The checkpoint's metadata is bounded: it holds no history, so it is the same size at epoch 1 and
 * at the largest epoch count an int holds, far under what the reader accepts. (Before, the metrics
 * history in the metadata passed the reader's 20M-character limit after about 61,000 epochs.)
 */
class RunCheckpointTest {

    @Test
    void theMetadataDoesNotGrowWithTheEpochs() {
        Map<String, String> config = ExperimentConfig.resolve(new TwoSpiralsExperiment(), Map.of()).asText();
        Map<String, String> first = new RunCheckpoint("two-spirals", 1, 0.5, config).metadata();
        Map<String, String> last = new RunCheckpoint("two-spirals", Integer.MAX_VALUE, 1e9, config).metadata();

        assertThat(first.keySet()).as("what resume needs, no history").containsExactly("format", "experiment",
                "epochs_completed", "seconds", "config");
        int digits = Integer.toString(Integer.MAX_VALUE).length() - 1 + "1000000000.000".length() - "0.500".length();
        assertThat(length(last) - length(first)).as("only the digits of the counts grow").isEqualTo(digits);
        assertThat(length(last)).as("bytes of metadata").isLessThan(1024);
        assertThat(length(last)).isLessThan(StreamReadConstraints.defaults().getMaxStringLength() / 10_000);
    }

    @Test
    void theWrittenHeaderHoldsJustThat(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        Map<String, String> config = ExperimentConfig.resolve(new TwoSpiralsExperiment(), Map.of()).asText();
        RunCheckpoint checkpoint = new RunCheckpoint("two-spirals", 61_000, 21_000.25, config);
        var run = new TwoSpiralsExperiment().start(ExperimentConfig.resolve(new TwoSpiralsExperiment(), Map.of(
                "train-size", "8", "test-size", "8", "hidden", "4", "batch-size", "4")));
        java.nio.file.Path file = tmp.resolve("c.safetensors");
        checkpoint.save(run, file);
        assertThat(Safetensors.readMetadata(file)).isEqualTo(checkpoint.metadata());
        RunCheckpoint read = RunCheckpoint.read(file);
        assertThat(read).isEqualTo(checkpoint);
    }

    private static int length(Map<String, String> metadata) {
        return metadata.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    }
}
