package org.equivariant4j.core.error;

/**
 * A value given for an experiment option is not acceptable: not of the option's type, out of its
 * range, or not one of its choices. The message names the experiment, the option, the value and
 * why it was refused, so the fix is in the message.
 */
public class InvalidOptionException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    private final String option;

    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The name of the option that was refused. */
    public String option() {
        return option;
    }
}
