package org.equivariant4j.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.experiment.Experiment;

import com.google.inject.Inject;

/** Every experiment contributed by a plugin, by id ({@code eq4j run <id>}). */
public final class ExperimentRegistry {
    private final Map<String, Contribution<Experiment>> experiments;

    @Inject
    ExperimentRegistry(Map<String, Contribution<Experiment>> experiments) {
        this.experiments = Map.copyOf(experiments);
    }

    /**
     * The experiment called {@code id}, with its plugin.
     *
     * @throws UnknownIdException listing every known experiment id with its plugin
     */
    public Contribution<Experiment> experiment(String id) {
        Contribution<Experiment> c = experiments.get(id);
        if (c == null) {
            throw new UnknownIdException("experiment", id, all().stream()
                    .map(e -> e.provider().id() + " [" + e.plugin().id() + "]").toList());
        }
        return c;
    }

    /** Every experiment with its plugin, sorted by id. */
    public List<Contribution<Experiment>> all() {
        return experiments.values().stream().sorted(Comparator.comparing(c -> c.provider().id())).toList();
    }
}
