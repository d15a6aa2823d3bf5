package org.equivariant4j.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an experiment's built-in generator produced: a name, a one-line description and the size of
 * each split (e.g. {@code train=2000, test=1000}).
 */
public record DatasetSummary(String name, String description, Map<String, Integer> splits) {

    public DatasetSummary {
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    @Override
    public String toString() {
        return name + " " + splits + ": " + description;
    }
}
