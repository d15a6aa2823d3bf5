package org.equivariant4j.core.group;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.GroupMismatchException;

/**
 * ρ_1 ⊕ ... ⊕ ρ_k: block-diagonal matrices, the parts in order. Its name run-length encodes equal
 * neighbours, the way a field type is written: {@code "8x regular + 2x trivial"}.
 */
public final class DirectSumRepresentation extends AbstractRepresentation {
    private final List<Representation> parts;

    DirectSumRepresentation(List<Representation> parts) {
        super(commonGroup(parts), describe(parts), totalDimension(parts));
        this.parts = List.copyOf(parts);
    }

    private static Group commonGroup(List<Representation> parts) {
        if (parts.isEmpty()) {
            throw new InvalidArgumentException("a direct sum needs at least one representation");
        }
        Group g = parts.get(0).group();
        for (Representation p : parts) {
            if (!p.group().equals(g)) {
                throw new GroupMismatchException("direct sum of " + parts.get(0) + " and " + p, g.name(),
                        p.group().name());
            }
        }
        return g;
    }

    private static int totalDimension(List<Representation> parts) {
        return parts.stream().mapToInt(Representation::dimension).sum();
    }

    private static String describe(List<Representation> parts) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < parts.size()) {
            int run = 1;
            while (i + run < parts.size() && parts.get(i + run).equals(parts.get(i))) {
                run++;
            }
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            if (run > 1) {
                sb.append(run).append("x ");
            }
            String n = parts.get(i).name();
            sb.append(n.contains(" + ") ? "(" + n + ")" : n);
            i += run;
        }
        return sb.toString();
    }

    /** The summands in order (never themselves direct sums: nested sums are flattened). */
    public List<Representation> parts() {
        return parts;
    }

    @Override
    protected Matrix compute(GroupElement g) {
        Matrix m = parts.get(0).matrix(g);
        for (int i = 1; i < parts.size(); i++) {
            m = m.directSum(parts.get(i).matrix(g));
        }
        return m;
    }

    @Override
    public double character(GroupElement g) {
        double s = 0;
        for (Representation p : parts) {
            s += p.character(requireMember(g));
        }
        return s;
    }

    @Override
    public boolean isOrthogonal() {
        return parts.stream().allMatch(Representation::isOrthogonal);
    }

    @Override
    public boolean supportsPointwise() {
        return parts.stream().allMatch(Representation::supportsPointwise);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectSumRepresentation d && parts.equals(d.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
