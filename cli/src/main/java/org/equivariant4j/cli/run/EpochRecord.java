package org.equivariant4j.cli.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one finished epoch: its 1-based number, the wall-clock seconds since the run (or
 * the first run, across resumes) started, and every training and evaluation metric by name.
 */
public record EpochRecord(int epoch, double seconds, Map<String, Double> metrics) {

    public EpochRecord {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
