package org.equivariant4j.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.equivariant4j.core.experiment.ResultTable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The per-epoch metrics of a run, in order, written as CSV (for spreadsheets and pandas) and JSON
 * (with the final result table), and carried in checkpoints so a resumed run continues the same
 * curves. Not thread-safe: owned by the training loop.
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

    /** One header line and one line per epoch; a metric an epoch lacks is an empty cell. */
    public String toCsv() {
        List<String> names = metricNames();
        StringBuilder out = new StringBuilder("epoch,seconds");
        names.forEach(n -> out.append(',').append(csvCell(n)));
        out.append('\n');
        for (EpochRecord e : epochs) {
            out.append(e.epoch()).append(',').append(String.format(Locale.ROOT, "%.3f", e.seconds()));
            for (String n : names) {
                Double v = e.metrics().get(n);
                out.append(',').append(v == null ? "" : Double.toString(v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The epochs as a JSON array (what checkpoints carry). */
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

    /** Reads what {@link #toJsonArray()} wrote. */
    public static MetricsHistory fromJsonArray(String json) {
        MetricsHistory h = new MetricsHistory();
        try {
            for (JsonNode node : JSON.readTree(json)) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                node.get("metrics").fields().forEachRemaining(f -> metrics.put(f.getKey(), f.getValue().asDouble()));
                h.add(new EpochRecord(node.get("epoch").asInt(), node.get("seconds").asDouble(), metrics));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("metrics history is not valid JSON of epochs: " + e.getMessage(), e);
        }
        return h;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
