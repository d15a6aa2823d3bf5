package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.group.CayleyTable;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.GroupHomomorphism;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.group.TableElement;
import org.equivariant4j.core.group.TableGroup;

/**
 * Finite groups of signed permutation matrices acting on R^3: symmetries of the cube [-1, 1]^3 that map the
 * voxel grid onto itself exactly. {@link #fullOctahedral()} is O_h ({@code "Oh"}, 48 elements: the 24
 * rotations of {@link FiniteRotationGroup#octahedral()} and their products with the inversion -I);
 * {@link #cyclicZ(int)} and {@link #dihedralZ(int)} are C_n and D_n (n = 2 or 4) about the z axis (the
 * dihedral flips being half turns about the x axis), the 3D counterparts of {@link CyclicGroup} and
 * {@link DihedralGroup}. (T and O themselves are {@link FiniteRotationGroup}s.)
 *
 * <p>Elements are closed by breadth-first search from the generators (identity first, index i, text
 * {@code "Oh[i]"}; {@link CayleyTable}, {@link TableGroup}). Irreps are pulled back along isomorphisms tracked during the search: C_n about z and
 * D_n about z take those of {@link CyclicGroup} and {@link DihedralGroup}; O_h ≅ O × C2 takes each irrep ψ
 * of O times the parity ({@code "<ψ>g"} even, {@code "<ψ>u"} odd under the inversion).
 */
public final class CubicGroup extends TableGroup<CubicGroup.Element> {
    private final List<Matrix> matrices;
    private final Map<String, Representation> irreps;

    /** A homomorphism onto a known group, given by the images of the generators. */
    private record Target(FiniteGroup group, List<GroupElement> generatorImages) {
    }

    private CubicGroup(String name, CayleyTable<Matrix> table, List<Target> targets) {
        super(Element.class, name, table, (group, i) -> new Element((CubicGroup) group, i));
        this.matrices = table.members();
        this.irreps = buildIrreps(targets, images(table, targets));
    }

    private static CubicGroup generatedBy(String name, List<Matrix> generators, List<Target> targets) {
        return new CubicGroup(name, CayleyTable.close(name, Matrix.identity(3), generators, Matrix::multiply,
                (a, b) -> a.maxAbsDifference(b) < 0.5), targets); // integer entries: equal or at least 1 apart
    }

    /** images[i][t]: element i's image in target t, carried along the table's breadth-first tree from the generators. */
    private static List<List<GroupElement>> images(CayleyTable<Matrix> table, List<Target> targets) {
        List<List<GroupElement>> images = new ArrayList<>();
        images.add(targets.stream().map(t -> (GroupElement) t.group().identity()).toList());
        for (int i = 1; i < table.size(); i++) {
            List<GroupElement> parent = images.get(table.parent(i));
            int step = table.step(i);
            List<GroupElement> img = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                img.add(parent.get(t).compose(targets.get(t).generatorImages().get(step)));
            }
            images.add(img);
        }
        return images;
    }

    /** O_h: the 48 symmetries of the cube, rotations and rotoreflections (all signed 3x3 permutation matrices). */
    public static CubicGroup fullOctahedral() {
        return Holder.OH;
    }

    /** C_n (n = 2 or 4) of rotations about the z axis. */
    public static CubicGroup cyclicZ(int n) {
        return switch (n) {
            case 2 -> Holder.C2Z;
            case 4 -> Holder.C4Z;
            default -> throw new InvalidArgumentException("CubicGroup.cyclicZ: only n = 2 or 4 map the voxel grid onto"
                    + " itself, got " + n);
        };
    }

    /** D_n (n = 2 or 4) about the z axis: rotations about z and half turns about the x axis. */
    public static CubicGroup dihedralZ(int n) {
        return switch (n) {
            case 2 -> Holder.D2Z;
            case 4 -> Holder.D4Z;
            default -> throw new InvalidArgumentException("CubicGroup.dihedralZ: only n = 2 or 4 map the voxel grid onto"
                    + " itself, got " + n);
        };
    }

    private static final class Holder {
        static final Matrix QUARTER_Z = Matrix.ofRowMajor(3, 3, 0, -1, 0, 1, 0, 0, 0, 0, 1);
        static final Matrix HALF_Z = QUARTER_Z.multiply(QUARTER_Z);
        static final Matrix HALF_X = Matrix.ofRowMajor(3, 3, 1, 0, 0, 0, -1, 0, 0, 0, -1);
        static final Matrix INVERSION = Matrix.ofRowMajor(3, 3, -1, 0, 0, 0, -1, 0, 0, 0, -1);
        static final CubicGroup C2Z = cyclic(2, HALF_Z);
        static final CubicGroup C4Z = cyclic(4, QUARTER_Z);
        static final CubicGroup D2Z = dihedral(2, HALF_Z);
        static final CubicGroup D4Z = dihedral(4, QUARTER_Z);
        static final CubicGroup OH = buildFullOctahedral();

        private static CubicGroup cyclic(int n, Matrix turn) {
            CyclicGroup c = CyclicGroup.of(n);
            return generatedBy("C" + n + "z", List.of(turn), List.of(new Target(c, List.of(c.rotation(1)))));
        }

        private static CubicGroup dihedral(int n, Matrix turn) {
            DihedralGroup d = DihedralGroup.of(n);
            return generatedBy("D" + n + "z", List.of(turn, HALF_X),
                    List.of(new Target(d, List.of(d.element(1, false), d.element(0, true)))));
        }

        private static CubicGroup buildFullOctahedral() {
            FiniteRotationGroup o = FiniteRotationGroup.octahedral();
            CyclicGroup c2 = CyclicGroup.of(2);
            List<Matrix> gens = new ArrayList<>();
            List<GroupElement> rotationImages = new ArrayList<>();
            List<GroupElement> parityImages = new ArrayList<>();
            for (GroupElement g : o.generators()) {
                gens.add(((FiniteRotationGroup.Element) g).matrix());
                rotationImages.add(g);
                parityImages.add(c2.identity());
            }
            gens.add(INVERSION);
            rotationImages.add(o.identity());
            parityImages.add(c2.rotation(1));
            return generatedBy("Oh", gens, List.of(new Target(o, rotationImages), new Target(c2, parityImages)));
        }
    }

    private Map<String, Representation> buildIrreps(List<Target> targets, List<List<GroupElement>> images) {
        List<GroupHomomorphism> maps = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            maps.add(new Projection(this, targets.get(t).group(), t, images));
        }
        Map<String, Representation> out = new LinkedHashMap<>();
        if (targets.size() == 1) {
            FiniteGroup k = targets.get(0).group();
            for (Representation r : k.irreps()) {
                out.put(r.name(), r.pullback(maps.get(0)));
            }
        } else {
            // O_h = O x C2: every irrep of O times the trivial (g) or the sign (u) irrep of C2.
            List<Representation> parity = targets.get(1).group().irreps();
            for (Representation r : targets.get(0).group().irreps()) {
                out.put(r.name() + "g", r.pullback(maps.get(0)).tensor(parity.get(0).pullback(maps.get(1))));
                out.put(r.name() + "u", r.pullback(maps.get(0)).tensor(parity.get(1).pullback(maps.get(1))));
            }
        }
        return out;
    }

    /** Element i to its image in target t. */
    private record Projection(CubicGroup from, FiniteGroup to, int target, List<List<GroupElement>> images)
            implements GroupHomomorphism {
        @Override
        public Group domain() {
            return from;
        }

        @Override
        public Group codomain() {
            return to;
        }

        @Override
        public GroupElement apply(GroupElement g) {
            return images.get(from.indexOf(g)).get(target);
        }

        @Override
        public String name() {
            return from.name() + " -> " + to.name();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Projection p && p.from == from && p.target == target;
        }

        @Override
        public int hashCode() {
            return from.name().hashCode() * 31 + target;
        }
    }

    @Override
    public List<Representation> irreps() {
        return List.copyOf(irreps.values());
    }

    @Override
    public Representation irrep(String id) {
        Representation r = irreps.get(id.trim());
        if (r == null) {
            throw new UnknownIdException("irrep id of " + name(), id, List.copyOf(irreps.keySet()));
        }
        return r;
    }

    /** A signed permutation matrix of the group, identified by its index in the element order. */
    public static final class Element extends TableElement implements EuclideanAction {

        private Element(CubicGroup group, int index) {
            super(group, index);
        }

        @Override
        public CubicGroup group() {
            return (CubicGroup) super.group();
        }

        @Override
        public int spaceDimension() {
            return 3;
        }

        @Override
        public Matrix linearPart() {
            return group().matrices.get(index());
        }

        @Override
        public double[] translation() {
            return new double[3];
        }
    }
}
