package org.equivariant4j.testkit.group;

import org.assertj.core.api.AbstractAssert;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;

/**
 * AssertJ assertions on a {@link GroupElement}, comparing in its group's {@link Group#isClose} metric;
 * failures name both elements by their canonical text.
 */
public final class GroupElementAssert extends AbstractAssert<GroupElementAssert, GroupElement> {

    GroupElementAssert(GroupElement actual) {
        super(actual, GroupElementAssert.class);
    }

    /** An element of {@code group} (its {@code group()} equals it). */
    public GroupElementAssert belongsTo(Group group) {
        isNotNull();
        if (!group.contains(actual)) {
            throw failure("expected an element of %s but was %s, an element of %s", group.name(), actual,
                    actual.group().name());
        }
        return this;
    }

    /** Equal to {@code expected} within {@code tolerance} (exact for finite groups). */
    public GroupElementAssert isCloseTo(GroupElement expected, double tolerance) {
        isNotNull();
        belongsTo(expected.group());
        if (!expected.group().isClose(actual, expected, tolerance)) {
            throw failureWithActualExpected(actual, expected, "expected %s but was %s (tolerance %s)", expected, actual,
                    tolerance);
        }
        return this;
    }

    /** Not equal to {@code other} within {@code tolerance}. */
    public GroupElementAssert isNotCloseTo(GroupElement other, double tolerance) {
        isNotNull();
        if (other.group().contains(actual) && other.group().isClose(actual, other, tolerance)) {
            throw failure("expected an element different from %s but was %s (tolerance %s)", other, actual, tolerance);
        }
        return this;
    }

    /** The canonical text is exactly {@code expected}. */
    public GroupElementAssert hasText(String expected) {
        isNotNull();
        if (!actual.toString().equals(expected)) {
            throw failureWithActualExpected(actual.toString(), expected, "expected text %s but was %s", expected,
                    actual.toString());
        }
        return this;
    }
}
