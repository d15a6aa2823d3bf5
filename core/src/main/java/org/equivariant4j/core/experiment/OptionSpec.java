package org.equivariant4j.core.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.InvalidOptionException;

/**
 * One option of an {@link Experiment}: its name, type, default, a one-line description and the
 * values it accepts. Tools set options from text ({@code eq4j run spirals --option hidden=64}),
 * so parsing and validation live here, once, and every refusal names the option and says why.
 *
 * <pre>{@code
 * OptionSpec.ofInt("hidden", 32, "width of each hidden layer", 1, 4096)
 * OptionSpec.ofDouble("lr", 1e-2, "Adam learning rate", 0.0, 10.0)
 * OptionSpec.ofChoice("group", "C4", "symmetry of the data", "C4", "D4")
 * OptionSpec.ofBoolean("augment", false, "rotate each training batch at random")
 * }</pre>
 * Immutable. Bounds are inclusive; {@code null} bounds mean unbounded.
 */
public final class OptionSpec {
    private final String name;
    private final OptionType type;
    private final Object defaultValue;
    private final String description;
    private final Double min;
    private final Double max;
    private final List<String> choices;

    private OptionSpec(String name, OptionType type, Object defaultValue, String description, Double min, Double max,
            List<String> choices) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new InvalidArgumentException("OptionSpec: name must be lower-case letters, digits and '-', starting with a"
                    + " letter, got '" + name + "'");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        // The default goes through the same validation as user input, so a bad default fails at construction.
        this.defaultValue = validate(Objects.requireNonNull(defaultValue, "default of option '" + name + "'"));
    }

    /** An integer option accepting {@code min..max} (inclusive). */
    public static OptionSpec ofInt(String name, int defaultValue, String description, int min, int max) {
        return new OptionSpec(name, OptionType.INT, defaultValue, description, (double) min, (double) max, List.of());
    }

    /** A floating-point option accepting finite values in {@code min..max} (inclusive). */
    public static OptionSpec ofDouble(String name, double defaultValue, String description, double min, double max) {
        return new OptionSpec(name, OptionType.DOUBLE, defaultValue, description, min, max, List.of());
    }

    /** A free-text option. */
    public static OptionSpec ofString(String name, String defaultValue, String description) {
        return new OptionSpec(name, OptionType.STRING, defaultValue, description, null, null, List.of());
    }

    /** A text option that must be one of {@code choices} (compared exactly). */
    public static OptionSpec ofChoice(String name, String defaultValue, String description, String... choices) {
        if (choices.length == 0) {
            throw new InvalidArgumentException("OptionSpec '" + name + "': a choice option needs at least one choice");
        }
        return new OptionSpec(name, OptionType.STRING, defaultValue, description, null, null, List.of(choices));
    }

    /** A boolean option. */
    public static OptionSpec ofBoolean(String name, boolean defaultValue, String description) {
        return new OptionSpec(name, OptionType.BOOLEAN, defaultValue, description, null, null, List.of());
    }

    public String name() {
        return name;
    }

    public OptionType type() {
        return type;
    }

    /** The default: an {@code Integer}, {@code Double}, {@code String} or {@code Boolean} by {@link #type()}. */
    public Object defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The accepted values for a choice option, else empty. */
    public List<String> choices() {
        return choices;
    }

    /** What this option accepts, for listings and messages: {@code "int in [1, 4096]"}, {@code "one of C4, D4"}. */
    public String accepted() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices);
        }
        return switch (type) {
            case INT -> min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? "any int"
                    : "int in [" + (int) (double) min + ", " + (int) (double) max + "]";
            case DOUBLE -> "number in [" + format(min) + ", " + format(max) + "]";
            case STRING -> "text";
            case BOOLEAN -> "true or false";
        };
    }

    /**
     * Parses and validates {@code text} (surrounding blanks ignored).
     *
     * @throws InvalidOptionException naming this option, the text and what is accepted
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.strip();
        Object value;
        switch (type) {
            case INT -> {
                try {
                    value = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw refuse(text, "not an integer");
                }
            }
            case DOUBLE -> {
                try {
                    value = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw refuse(text, "not a number");
                }
            }
            case BOOLEAN -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw refuse(text, "not a boolean");
                }
                value = Boolean.parseBoolean(lower);
            }
            default -> value = t;
        }
        return check(value, text);
    }

    /**
     * Checks a typed value (an {@code Integer} for an int option, and so on) against this option.
     *
     * @return the value, as the option's Java type
     * @throws InvalidOptionException naming this option and why the value is refused
     */
    public Object validate(Object value) {
        return check(value, String.valueOf(value));
    }

    /** Validates {@code value}, quoting {@code shown} (the user's own text where there is one) in a refusal. */
    private Object check(Object value, String shown) {
        switch (type) {
            case INT -> {
                if (!(value instanceof Integer i)) {
                    throw refuse(shown, "not an integer");
                }
                if (i < min || i > max) {
                    throw refuse(shown, "out of range");
                }
                return i;
            }
            case DOUBLE -> {
                if (!(value instanceof Number n)) {
                    throw refuse(shown, "not a number");
                }
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw refuse(shown, "not finite");
                }
                if (d < min || d > max) {
                    throw refuse(shown, "out of range");
                }
                return d;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw refuse(shown, "not a boolean");
                }
                return b;
            }
            default -> {
                if (!(value instanceof String s)) {
                    throw refuse(shown, "not text");
                }
                if (!choices.isEmpty() && !choices.contains(s)) {
                    throw refuse(shown, "not a known choice");
                }
                return s;
            }
        }
    }

    /** The canonical text of {@code value}, which {@link #parse} reads back to an equal value. */
    public static String format(Object value) {
        // Double.toString is the shortest text that parses back to the same double.
        return String.valueOf(value);
    }

    private InvalidOptionException refuse(String text, String why) {
        return new InvalidOptionException(name, "option '" + name + "': '" + text + "' is " + why + "; expected " + accepted());
    }

    @Override
    public String toString() {
        return name + " (" + type.label() + ", default " + format(defaultValue) + ", " + accepted() + "): " + description;
    }
}
