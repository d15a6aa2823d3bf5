package org.equivariant4j.distributed.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.nn.experiment.DataParallelExperiment;
import org.equivariant4j.nn.experiment.TrainingReplica;

/**
 * The replicas an executor JVM has built, kept across steps: building one generates or reads the partition's data
 * and builds a model, far more than a step costs. Keyed by (experiment source, config, partition, partitions). The
 * replica's state is irrelevant between uses (each task loads the broadcast parameters first), so a retried or moved
 * task may reuse or rebuild it alike. Callers hold the replica's lock while they use it: tasks of one partition may
 * overlap (a retry beside a slow original).
 */
final class ReplicaCache {
    private static final Map<String, TrainingReplica> REPLICAS = new ConcurrentHashMap<>();

    private ReplicaCache() {
    }

    static TrainingReplica get(ExperimentSource source, Map<String, String> configText, int partition, int partitions) {
        String key = source.key() + "|" + configText + "|" + partition + "/" + partitions;
        return REPLICAS.computeIfAbsent(key, k -> {
            DataParallelExperiment experiment = source.experiment();
            ExperimentConfig config = ExperimentConfig.resolve(experiment, ShippedFiles.localise(configText));
            return experiment.replica(config, partition, partitions);
        });
    }
}
