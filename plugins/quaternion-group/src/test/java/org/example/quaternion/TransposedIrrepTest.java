package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.quaternion.DynamicTestRuns.failures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.IrreducibleRepresentation;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.testkit.group.GroupContractTest;
import org.junit.jupiter.api.Test;

/**
 * The group contract checks each irrep's matrices, not only its characters: Q8 with its irrep H declared
 * transposed (g ↦ ρ(g)ᵀ, the same characters, products reversed) fails the contract's irreps test for H and only
 * for H, while the same construction without the transpose passes.
 */
class TransposedIrrepTest {

    private static GroupContractTest contract(Group group) {
        return new GroupContractTest() {
            @Override
            protected Group group() {
                return group;
            }
        };
    }

    @Test
    void aTransposedIrrepFailsTheGroupContract() {
        assertThat(failures(contract(new RedeclaredQ8(true)).irreps())).singleElement().asString()
                .startsWith("irrep irrep(H): ").contains("ρ(g·h) = ρ(g)ρ(h) of irrep(H) of Q8 with H transposed");
    }

    @Test
    void theSameIrrepsUntransposedPass() {
        assertThat(failures(contract(new RedeclaredQ8(false)).irreps())).isEmpty();
    }

    /**
     * Q8's law, with its irreps declared anew on this group: each the matrices of Q8's irrep of the same id, H's
     * transposed when asked. Elements are Q8's own (so {@link #contains} asks Q8).
     */
    private static final class RedeclaredQ8 implements FiniteGroup {
        private static final QuaternionGroup Q8 = QuaternionGroup.Q8;
        private final boolean transposeH;
        private final Map<String, Representation> irreps = new LinkedHashMap<>();

        RedeclaredQ8(boolean transposeH) {
            this.transposeH = transposeH;
            for (Representation r : Q8.irreps()) {
                String id = r == Q8.irreps().get(0) ? "trivial" : ((IrreducibleRepresentation) r).id();
                boolean transpose = transposeH && id.equals("H");
                irreps.put(id, IrreducibleRepresentation.of(this, id, r.dimension(), true,
                        g -> transpose ? r.matrix(g).transpose() : r.matrix(g)));
            }
        }

        @Override
        public String name() {
            return transposeH ? "Q8 with H transposed" : "Q8 redeclared";
        }

        @Override
        public boolean contains(GroupElement g) {
            return Q8.contains(g);
        }

        @Override
        public GroupElement identity() {
            return Q8.identity();
        }

        @Override
        public GroupElement compose(GroupElement a, GroupElement b) {
            return Q8.compose(a, b);
        }

        @Override
        public GroupElement inverse(GroupElement g) {
            return Q8.inverse(g);
        }

        @Override
        public boolean isClose(GroupElement a, GroupElement b, double tolerance) {
            return Q8.isClose(a, b, tolerance);
        }

        @Override
        public List<GroupElement> elements() {
            return Q8.elements();
        }

        @Override
        public int indexOf(GroupElement g) {
            return Q8.indexOf(g);
        }

        @Override
        public List<GroupElement> generators() {
            return Q8.generators();
        }

        @Override
        public List<Representation> irreps() {
            return List.copyOf(irreps.values());
        }

        @Override
        public Representation irrep(String id) {
            Representation r = irreps.get(id);
            if (r == null) {
                throw new UnknownIdException("irrep of " + name(), id, List.copyOf(irreps.keySet()));
            }
            return r;
        }

        @Override
        public GroupElement sample(Rng rng) {
            return Q8.sample(rng);
        }

        @Override
        public GroupElement parseElement(String text) {
            return Q8.parseElement(text);
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
