package org.equivariant4j.core.experiment;

import java.util.regex.Pattern;

/** The names {@link ExperimentRun#isWallClock} recognises: a time unit, then {@code _per_} or {@code /}, then what. */
final class WallClockNames {
    static final Pattern PATTERN = Pattern.compile("(ms|s)(_per_|/).+");

    private WallClockNames() {
    }
}
