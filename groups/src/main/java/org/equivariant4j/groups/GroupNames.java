package org.equivariant4j.groups;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equivariant4j.core.error.TextFormatException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;

/**
 * Maps the canonical names of the built-in groups back to groups, so names round-trip:
 * {@code GroupNames.parse(g.name()).equals(g)} for every built-in g; and element texts back to elements
 * ({@code GroupNames.parseElement("D4[r1;flip]")}).
 *
 * <p>Names: {@code C<n>} and {@code D<n>} (n >= 1; D_n has 2n elements, as in escnn), {@code SO(2)},
 * {@code O(2)}, {@code SO(3)}, {@code O(3)}, {@code T}, {@code O}, {@code I}, {@code SE(2)},
 * {@code E(2)}, {@code SE(3)}, {@code E(3)}.
 */
public final class GroupNames {
    private static final Pattern FINITE_PLANAR = Pattern.compile("([CD])([1-9][0-9]{0,8})");
    private static final List<String> KNOWN = List.of("C<n> (n >= 1)", "D<n> (n >= 1, order 2n)", "SO(2)", "O(2)",
            "SO(3)", "O(3)", "T", "O", "I", "SE(2)", "E(2)", "SE(3)", "E(3)");

    private GroupNames() {
    }

    /**
     * The built-in group with canonical name {@code name}.
     *
     * @throws UnknownIdException quoting the name and listing the known names
     */
    public static Group parse(String name) {
        String s = name == null ? "" : name.trim();
        Matcher m = FINITE_PLANAR.matcher(s);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2));
            return m.group(1).equals("C") ? CyclicGroup.of(n) : DihedralGroup.of(n);
        }
        return switch (s) {
            case "SO(2)" -> SO2.group();
            case "O(2)" -> O2.group();
            case "SO(3)" -> SO3.group();
            case "O(3)" -> O3.group();
            case "T" -> FiniteRotationGroup.tetrahedral();
            case "O" -> FiniteRotationGroup.octahedral();
            case "I" -> FiniteRotationGroup.icosahedral();
            case "SE(2)" -> EuclideanGroup.special(2);
            case "E(2)" -> EuclideanGroup.full(2);
            case "SE(3)" -> EuclideanGroup.special(3);
            case "E(3)" -> EuclideanGroup.full(3);
            default -> throw new UnknownIdException("group name", String.valueOf(name), KNOWN);
        };
    }

    /**
     * The element with canonical text {@code text} ({@code "<group name>[...]"}), parsed by its group.
     *
     * @throws TextFormatException if there is no {@code '['}
     * @throws UnknownIdException if the group name is unknown
     */
    public static GroupElement parseElement(String text) {
        int bracket = text == null ? -1 : text.indexOf('[');
        if (bracket <= 0) {
            throw new TextFormatException(String.valueOf(text), "<group name>[<element fields>], e.g. D4[r1;flip]");
        }
        return parse(text.substring(0, bracket)).parseElement(text.trim());
    }

    /** The known names and name patterns, as listed in error messages. */
    public static List<String> knownNames() {
        return KNOWN;
    }
}
