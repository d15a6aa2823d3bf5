package org.equivariant4j.cli.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.checkpoint.Safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A run's checkpoint: everything {@code --resume} needs to continue exactly where the run stopped,
 * and nothing that grows with the run. The safetensors file holds the model's state dict under its
 * own names (PyTorch reads them) and the run's training state ({@link ExperimentRun#trainingState()}:
 * optimiser moments, step counts, momentum buffers) under {@value #TRAINING_PREFIX}; its metadata
 * holds the experiment id, the epochs completed, the seconds trained and the config. The metrics
 * history is not in it (it is {@code metrics.csv}, appended each epoch), so the metadata is a few
 * hundred bytes at epoch 1 and at epoch 100,000 alike, and saving costs the same every epoch.
 * Saving is atomic.
 *
 * @param experiment      the experiment id
 * @param epochsCompleted how many epochs the saved state has trained (at least 1)
 * @param seconds         wall-clock seconds of training so far, across resumes
 * @param config          option name to canonical text, as {@code ExperimentConfig.asText()}
 */
public record RunCheckpoint(String experiment, int epochsCompleted, double seconds, Map<String, String> config) {
    /** Marks our files; bumped when the content changes incompatibly (2: training state in, history out). */
    static final String FORMAT = "eq4j-run/2";
    /** Prefix of the training-state tensors; no module name has a slash, so they never collide with the model's. */
    public static final String TRAINING_PREFIX = "training/";

    static final String KEY_FORMAT = "format";
    static final String KEY_EXPERIMENT = "experiment";
    static final String KEY_EPOCHS = "epochs_completed";
    static final String KEY_SECONDS = "seconds";
    static final String KEY_CONFIG = "config";

    /** The model and training state of a checkpoint, read by {@link #loadState}. */
    public record State(Map<String, Tensor> model, Map<String, Tensor> training) {
    }

    /** Writes {@code run}'s model and training state with this metadata to {@code path}, atomically. */
    public void save(ExperimentRun run, Path path) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(run.model().stateDict());
        run.trainingState().forEach((k, v) -> tensors.put(TRAINING_PREFIX + k, v));
        Safetensors.save(tensors, path, metadata());
    }

    /** The header metadata: bounded, whatever the number of epochs (see the class comment). */
    Map<String, String> metadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(KEY_FORMAT, FORMAT);
        meta.put(KEY_EXPERIMENT, experiment);
        meta.put(KEY_EPOCHS, Integer.toString(epochsCompleted));
        meta.put(KEY_SECONDS, String.format(java.util.Locale.ROOT, "%.3f", seconds));
        ObjectNode cfg = MetricsHistory.JSON.createObjectNode();
        config.forEach(cfg::put);
        meta.put(KEY_CONFIG, cfg.toString());
        return meta;
    }

    /**
     * Reads and validates the metadata of a checkpoint written by {@link #save} (the tensors are
     * read by {@link #loadState}).
     *
     * @throws Equivariant4jException naming the file and what is missing or wrong
     */
    public static RunCheckpoint read(Path path) {
        Map<String, String> meta = Safetensors.readMetadata(path);
        String format = meta.get(KEY_FORMAT);
        if ("eq4j-run/1".equals(format)) {
            throw new Equivariant4jException("checkpoint " + path + " has format eq4j-run/1, written before checkpoints held the"
                    + " optimiser state; it cannot be resumed exactly. Start the run again (its parameters still load into"
                    + " PyTorch or Safetensors.loadInto)");
        }
        if (!FORMAT.equals(format)) {
            throw new Equivariant4jException("checkpoint " + path + " was not written by eq4j run (its metadata has format '"
                    + format + "', expected '" + FORMAT + "'); pass the " + OutputFolder.CHECKPOINT + " of a run folder");
        }
        String experiment = required(meta, KEY_EXPERIMENT, path);
        if (experiment.isBlank()) {
            throw damaged(path, "'" + KEY_EXPERIMENT + "' is blank");
        }
        int epochs;
        try {
            epochs = Integer.parseInt(required(meta, KEY_EPOCHS, path));
        } catch (NumberFormatException e) {
            throw damaged(path, "'" + KEY_EPOCHS + "' is '" + meta.get(KEY_EPOCHS) + "', not a whole number");
        }
        if (epochs < 1) {
            throw damaged(path, "'" + KEY_EPOCHS + "' is " + epochs + "; a checkpoint is written after an epoch, so it is at"
                    + " least 1");
        }
        double seconds;
        try {
            seconds = Double.parseDouble(required(meta, KEY_SECONDS, path));
        } catch (NumberFormatException e) {
            throw damaged(path, "'" + KEY_SECONDS + "' is '" + meta.get(KEY_SECONDS) + "', not a number");
        }
        if (!(seconds >= 0 && Double.isFinite(seconds))) {
            throw damaged(path, "'" + KEY_SECONDS + "' is " + seconds + ", not a finite time >= 0");
        }
        return new RunCheckpoint(experiment, epochs, seconds, readConfig(meta, path));
    }

    private static Map<String, String> readConfig(Map<String, String> meta, Path path) {
        JsonNode cfg;
        try {
            cfg = MetricsHistory.JSON.readTree(required(meta, KEY_CONFIG, path));
        } catch (JsonProcessingException e) {
            throw damaged(path, "'" + KEY_CONFIG + "' is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (cfg == null || !cfg.isObject()) {
            throw damaged(path, "'" + KEY_CONFIG + "' is not a JSON object of option texts");
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (var it = cfg.fields(); it.hasNext();) {
            var f = it.next();
            if (!f.getValue().isTextual()) {
                throw damaged(path, "option '" + f.getKey() + "' of '" + KEY_CONFIG + "' is " + f.getValue().getNodeType()
                        + ", not text");
            }
            config.put(f.getKey(), f.getValue().textValue());
        }
        return config;
    }

    /**
     * Reads the tensors of the checkpoint at {@code path}, split into the model's state dict and the
     * training state, and refuses non-finite values: a checkpoint of a diverged run would only go on
     * training with a NaN loss.
     *
     * @throws Equivariant4jException naming every tensor that holds NaN or infinite values
     */
    public static State loadState(Path path) {
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> training = new LinkedHashMap<>();
        Map<String, Long> nonFinite = new LinkedHashMap<>();
        Safetensors.load(path).forEach((name, t) -> {
            if (name.startsWith(TRAINING_PREFIX)) {
                training.put(name.substring(TRAINING_PREFIX.length()), t);
            } else {
                model.put(name, t);
            }
            long bad = nonFiniteCount(t);
            if (bad > 0) {
                nonFinite.put(name, bad);
            }
        });
        if (!nonFinite.isEmpty()) {
            StringBuilder list = new StringBuilder();
            nonFinite.forEach((n, c) -> list.append(list.length() == 0 ? "" : ", ").append("'").append(n).append("' (")
                    .append(c).append(")"));
            throw new Equivariant4jException("checkpoint " + path + " holds NaN or infinite values in " + list
                    + "; the run had diverged when it was saved, and would go on training with a NaN loss. Resume from an"
                    + " earlier checkpoint or start again (e.g. with a lower learning rate)");
        }
        return new State(model, training);
    }

    /**
     * Restores a checkpoint's state into {@code run}: the model's state dict (strict: names and
     * shapes must match) and the training state.
     */
    public static void restore(ExperimentRun run, State state) {
        run.model().loadStateDict(state.model());
        run.loadTrainingState(state.training());
    }

    private static long nonFiniteCount(Tensor t) {
        if (!t.dtype().isFloating()) {
            return 0;
        }
        long bad = 0;
        for (double v : t.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                bad++;
            }
        }
        return bad;
    }

    private static String required(Map<String, String> meta, String key, Path path) {
        String value = meta.get(key);
        if (value == null) {
            throw damaged(path, "it has no '" + key + "'");
        }
        return value;
    }

    private static Equivariant4jException damaged(Path path, String what) {
        return new Equivariant4jException("checkpoint " + path + " has damaged run metadata: " + what
                + "; resume from an intact checkpoint");
    }
}
