package org.equivariant4j.core.error;

/**
 * A canonical text form (of a group element, a matrix...) could not be parsed. The message quotes the
 * input and shows the expected form, e.g. {@code expected D4[r<k>] or D4[r<k>;flip]}.
 */
public class TextFormatException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    private final String input;

    public TextFormatException(String input, String expectedForm) {
        super("cannot parse '" + input + "': expected " + expectedForm);
        this.input = input;
    }

    public TextFormatException(String input, String expectedForm, Throwable cause) {
        super("cannot parse '" + input + "': expected " + expectedForm, cause);
        this.input = input;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }
}
