package org.equivariant4j.core.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.UnknownIdException;

/**
 * The resolved options of one run: every option an experiment declares, with its default or the
 * value given, validated and typed. Immutable; iteration follows the declaration order, so a
 * written config reads the same as the experiment's option list.
 *
 * <pre>{@code
 * ExperimentConfig config = ExperimentConfig.resolve(experiment, Map.of("epochs", "3", "hidden", "64"));
 * int epochs = config.intValue(StandardOptions.EPOCHS);
 * }</pre>
 */
public final class ExperimentConfig {
    private final String experimentId;
    private final Map<String, OptionSpec> specs;
    private final Map<String, Object> values;

    private ExperimentConfig(String experimentId, Map<String, OptionSpec> specs, Map<String, Object> values) {
        this.experimentId = experimentId;
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defaults of {@code experiment}, overridden by {@code overrides} (option name to text). */
    public static ExperimentConfig resolve(Experiment experiment, Map<String, String> overrides) {
        return resolve(experiment.id(), experiment.options(), overrides);
    }

    /**
     * The defaults of {@code options}, overridden by {@code overrides} (option name to text).
     *
     * @throws UnknownIdException when an override names no option, listing the known ones
     * @throws org.equivariant4j.core.error.InvalidOptionException when a value is refused, saying which and why
     */
    public static ExperimentConfig resolve(String experimentId, List<OptionSpec> options, Map<String, String> overrides) {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec o : options) {
            if (specs.put(o.name(), o) != null) {
                throw new InvalidArgumentException("experiment '" + experimentId + "' declares option '" + o.name() + "' twice");
            }
        }
        for (String name : overrides.keySet()) {
            if (!specs.containsKey(name)) {
                throw new UnknownIdException("option of experiment '" + experimentId + "'", name, knownOptions(specs));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec o : specs.values()) {
            String text = overrides.get(o.name());
            values.put(o.name(), text == null ? o.defaultValue() : o.parse(text));
        }
        return new ExperimentConfig(experimentId, specs, values);
    }

    private static List<String> knownOptions(Map<String, OptionSpec> specs) {
        List<String> out = new ArrayList<>();
        specs.values().forEach(o -> out.add(o.name() + "=" + OptionSpec.format(o.defaultValue()) + " (" + o.accepted() + ")"));
        return out;
    }

    /** The id of the experiment these options belong to. */
    public String experimentId() {
        return experimentId;
    }

    /** Every option's value by name, in declaration order. */
    public Map<String, Object> values() {
        return values;
    }

    /** Every option's value as canonical text (what {@link #resolve} reads back), in declaration order. */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, OptionSpec.format(v)));
        return Collections.unmodifiableMap(out);
    }

    /** Whether the experiment declares an option called {@code name}. */
    public boolean has(String name) {
        return specs.containsKey(name);
    }

    public int intValue(String name) {
        return (Integer) typed(name, OptionType.INT);
    }

    public double doubleValue(String name) {
        return (Double) typed(name, OptionType.DOUBLE);
    }

    public String stringValue(String name) {
        return (String) typed(name, OptionType.STRING);
    }

    public boolean booleanValue(String name) {
        return (Boolean) typed(name, OptionType.BOOLEAN);
    }

    private Object typed(String name, OptionType type) {
        OptionSpec spec = specs.get(name);
        if (spec == null) {
            throw new UnknownIdException("option of experiment '" + experimentId + "'", name, knownOptions(specs));
        }
        if (spec.type() != type) {
            // A programming error in the experiment, not a user error: name both types.
            throw new InvalidArgumentException("option '" + name + "' of experiment '" + experimentId + "' is "
                    + spec.type().label() + ", read as " + type.label());
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return experimentId + " " + asText();
    }
}
