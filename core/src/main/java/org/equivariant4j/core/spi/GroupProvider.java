package org.equivariant4j.core.spi;

import java.util.List;

import org.equivariant4j.core.group.Group;

/**
 * Makes the groups of one family (cyclic groups C&lt;n&gt;, SO(3), ...). Cheap to construct; the
 * group itself is built in {@link #create}.
 */
public interface GroupProvider {

    /** Family id, unique across all plugins, e.g. {@code "cyclic"}. */
    String id();

    /** One line for listings, including the name syntax, e.g. {@code "C<n>: rotations by multiples of 360/n degrees"}. */
    String description();

    /** Canonical names this family makes, as examples for listings and error messages (e.g. {@code ["C4", "C8"]}). */
    List<String> examples();

    /** Whether {@code name} (a canonical group name) belongs to this family. */
    boolean accepts(String name);

    /** The group named {@code name}; only called when {@link #accepts} is true. */
    Group create(String name);
}
