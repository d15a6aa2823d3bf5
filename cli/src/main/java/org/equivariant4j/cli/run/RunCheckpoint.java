package org.equivariant4j.cli.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.nn.checkpoint.Safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A run's checkpoint: the model's state dict in safetensors (readable by PyTorch), with the
 * experiment id, the number of completed epochs, the config (as option text) and the metrics so far
 * in the header's metadata, so {@code --resume} needs nothing but this file. Saving is atomic.
 *
 * @param experiment      the experiment id
 * @param epochsCompleted how many epochs the saved state has trained
 * @param config          option name to canonical text, as {@code ExperimentConfig.asText()}
 * @param history         the metrics of every completed epoch
 */
public record RunCheckpoint(String experiment, int epochsCompleted, Map<String, String> config, MetricsHistory history) {
    /** Marks our files; bumped if the metadata changes incompatibly. */
    static final String FORMAT = "eq4j-run/1";

    /** Writes {@code model}'s state with this metadata to {@code path}, atomically. */
    public void save(Module model, Path path) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("experiment", experiment);
        meta.put("epochs_completed", Integer.toString(epochsCompleted));
        ObjectNode cfg = MetricsHistory.JSON.createObjectNode();
        config.forEach(cfg::put);
        meta.put("config", cfg.toString());
        meta.put("metrics", history.toJsonArray().toString());
        Safetensors.save(model, path, meta);
    }

    /**
     * Reads the metadata of a checkpoint written by {@link #save} (the tensors are read by
     * {@link #loadInto}).
     *
     * @throws Equivariant4jException when the file is not an eq4j run checkpoint, saying what is missing
     */
    public static RunCheckpoint read(Path path) {
        Map<String, String> meta = Safetensors.readMetadata(path);
        if (!FORMAT.equals(meta.get("format"))) {
            throw new Equivariant4jException("checkpoint " + path + " was not written by eq4j run (its metadata has format '"
                    + meta.get("format") + "', expected '" + FORMAT + "'); pass the " + OutputFolder.CHECKPOINT
                    + " of a run folder");
        }
        try {
            Map<String, String> config = new LinkedHashMap<>();
            JsonNode cfg = MetricsHistory.JSON.readTree(meta.get("config"));
            cfg.fields().forEachRemaining(f -> config.put(f.getKey(), f.getValue().asText()));
            return new RunCheckpoint(meta.get("experiment"), Integer.parseInt(meta.get("epochs_completed")), config,
                    MetricsHistory.fromJsonArray(meta.get("metrics")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new Equivariant4jException("checkpoint " + path + " has damaged run metadata (" + e.getMessage() + ")", e);
        }
    }

    /** Loads the tensors of the checkpoint at {@code path} into {@code model} (strict: names and shapes must match). */
    public static void loadInto(Module model, Path path) {
        Safetensors.loadInto(model, path);
    }
}
