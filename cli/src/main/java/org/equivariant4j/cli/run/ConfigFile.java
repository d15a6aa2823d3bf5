package org.equivariant4j.cli.run;

import org.equivariant4j.nn.io.AtomicFiles;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.runtime.LoadedPlugin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code config.json}: everything needed to reproduce a run — the experiment and the
 * plugin (with version) that provides it, every option's value (typed, defaults included), the
 * generated data, the module versions, the engine, and the checkpoint a resumed run started from.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * @param resumedFrom the checkpoint the run resumed from, or null
     * @param startEpoch  the 0-based epoch training starts at (the resumed checkpoint's epoch count)
     */
    public static void write(Path target, ExperimentConfig config, LoadedPlugin plugin, DatasetSummary data,
            Map<String, String> moduleVersions, String backend, Path resumedFrom, int startEpoch) {
        ObjectNode root = MetricsHistory.JSON.createObjectNode();
        root.put("experiment", config.experimentId());
        root.put("plugin", plugin.id());
        root.put("plugin_version", plugin.descriptor().version());
        ObjectNode options = root.putObject("options");
        config.values().forEach((k, v) -> options.set(k, MetricsHistory.JSON.valueToTree(v)));
        ObjectNode d = root.putObject("data");
        d.put("name", data.name());
        d.put("description", data.description());
        ObjectNode splits = d.putObject("splits");
        data.splits().forEach(splits::put);
        ObjectNode versions = root.putObject("versions");
        moduleVersions.forEach(versions::put);
        root.put("backend", backend);
        root.put("java", System.getProperty("java.version"));
        root.put("started", OffsetDateTime.now().toString());
        if (resumedFrom != null) {
            root.put("resumed_from", resumedFrom.toAbsolutePath().toString());
            root.put("start_epoch", startEpoch);
        }
        AtomicFiles.write(target, MetricsHistory.write(root));
    }
}
