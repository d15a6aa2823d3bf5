package org.equivariant4j.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.equivariant4j.core.experiment.ResultTable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The per-epoch metrics of a run, in order, kept in memory for the learning curves and
 * {@code metrics.json} (with the final result table), which are written when the run ends; each
 * epoch's row is appended to {@code metrics.csv} as it ends ({@link MetricsCsv}), which is also
 * where a resumed run reads the rows so far. Not thread-safe: owned by the training loop.
 */
public final class MetricsHistory {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<EpochRecord> epochs = new ArrayList<>();

    public void add(EpochRecord record) {
        epochs.add(record);
    }

    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** Every metric name in order of first appearance: the CSV columns after epoch and seconds. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        epochs.forEach(e -> names.addAll(e.metrics().keySet()));
        return new ArrayList<>(names);
    }

    /** The epochs as a JSON array. */
    public ArrayNode toJsonArray() {
        ArrayNode array = JSON.createArrayNode();
        for (EpochRecord e : epochs) {
            ObjectNode node = array.addObject();
            node.put("epoch", e.epoch());
            node.put("seconds", e.seconds());
            ObjectNode metrics = node.putObject("metrics");
            e.metrics().forEach(metrics::put);
        }
        return array;
    }

    /** The full metrics document: experiment id, epochs and (when finished) the result table. */
    public String toJson(String experimentId, ResultTable results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("experiment", experimentId);
        root.set("epochs", toJsonArray());
        if (results != null) {
            root.set("results", JSON.valueToTree(results));
        }
        return write(root);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
