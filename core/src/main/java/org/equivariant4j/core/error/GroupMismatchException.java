package org.equivariant4j.core.error;

/**
 * An element or representation of one group was used where another group was expected (composing
 * an SO(3) element with a C4 element, restricting along a subgroup of a different parent...). The
 * message names both groups and what was being done.
 */
public class GroupMismatchException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    private final String expectedGroup;
    private final String actualGroup;

    /**
     * @param context what was being done, e.g. {@code "C4.compose"}
     * @param expectedGroup canonical name of the group that was required
     * @param actualGroup canonical name of the group that was supplied
     */
    public GroupMismatchException(String context, String expectedGroup, String actualGroup) {
        super(context + ": expected an element of " + expectedGroup + " but got one of " + actualGroup);
        this.expectedGroup = expectedGroup;
        this.actualGroup = actualGroup;
    }

    /** Canonical name of the group that was required. */
    public String expectedGroup() {
        return expectedGroup;
    }

    /** Canonical name of the group that was supplied. */
    public String actualGroup() {
        return actualGroup;
    }
}
