package org.equivariant4j.core.error;

import java.util.List;

/**
 * A name or id (a group name such as {@code "D4"}, an irrep id such as {@code "(1,2)"}) is not
 * known. The message quotes the input and lists what is known, so the fix is in the message.
 */
public class UnknownIdException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final List<String> known;

    /**
     * @param kind what was looked up, e.g. {@code "group name"} or {@code "irrep id of D4"}
     * @param id the input, quoted verbatim in the message
     * @param known the known ids, or patterns such as {@code "C<n> (n >= 1)"} for infinite families
     */
    public UnknownIdException(String kind, String id, List<String> known) {
        super("unknown " + kind + " '" + id + "'; known: " + String.join(", ", known));
        this.id = id;
        this.known = List.copyOf(known);
    }

    /** The id that was not found. */
    public String id() {
        return id;
    }

    /** The known ids (or id patterns) at the time of the lookup. */
    public List<String> known() {
        return known;
    }
}
