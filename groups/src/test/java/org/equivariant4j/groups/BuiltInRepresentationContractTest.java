package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.testkit.group.RepresentationContractTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in representation passes the representation contract: all irreps of the finite groups, the
 * band-limited irreps of the continuous ones, regular, standard, quotient and permutation representations, and each
 * combinator (direct sum, tensor product, change of basis, restriction, pull-back).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("representations")
class BuiltInRepresentationContractTest extends RepresentationContractTest {

    @Parameter
    Representation representation;

    static Stream<Representation> representations() {
        List<Representation> reps = new ArrayList<>();
        List<FiniteGroup> finite = List.of(CyclicGroup.of(1), CyclicGroup.of(4), CyclicGroup.of(5), DihedralGroup.of(1),
                DihedralGroup.of(4), DihedralGroup.of(5), FiniteRotationGroup.tetrahedral(),
                FiniteRotationGroup.octahedral(), FiniteRotationGroup.icosahedral());
        for (FiniteGroup g : finite) {
            reps.addAll(g.irreps());
            reps.add(Representation.regular(g));
            reps.add(Representation.standard(g));
        }
        DihedralGroup d4 = DihedralGroup.of(4);
        reps.add(Representation.quotient(d4.rotations()));
        reps.add(SquareCorners.of(d4));
        reps.add(SquareCorners.of(CyclicGroup.of(4)));
        reps.add(Representation.quotient(d4.reflection(1)));
        reps.add(Representation.quotient(CyclicGroup.of(8).subgroup(2)));
        reps.add(Representation.quotient(FiniteRotationGroup.icosahedral().subgroup(FiniteRotationGroup.tetrahedral())));
        reps.add(Representation.directSum(List.of(Representation.regular(d4), Representation.regular(d4),
                Representation.trivial(d4), d4.irrep("(1,1)"))));
        reps.add(d4.irrep("(1,1)").tensor(d4.irrep("(1,1)")));
        reps.add(Representation.regular(d4).tensor(Representation.quotient(d4.rotations())));
        reps.add(d4.irrep("(1,1)").changeBasis(Matrix.ofRowMajor(2, 2, 2, 1, 0, 1)));
        reps.add(Representation.regular(d4).changeBasis(Matrix.permutation(new int[] {1, 0, 3, 2, 5, 4, 7, 6})));
        reps.add(Representation.regular(d4).restrict(d4.rotations()));
        reps.add(O2.group().irrep("(1,3)").restrict(O2.group().dihedral(4)));
        reps.add(SO3.group().irrep(3).restrict(SO3.group().octahedral()));

        reps.addAll(SO2.group().irreps(3));
        reps.add(Representation.standard(SO2.group()));
        reps.addAll(O2.group().irreps(3));
        reps.add(Representation.standard(O2.group()));
        reps.addAll(SO3.group().irreps(6));
        reps.add(Representation.standard(SO3.group()));
        reps.add(SO3.group().irrep(1).tensor(SO3.group().irrep(2)));
        reps.add(SO3.group().irrep(2).restrict(SO3.group().planarRotations()));
        reps.addAll(O3.group().irreps(3));
        reps.add(Representation.standard(O3.group()));
        for (int n = 2; n <= 3; n++) {
            EuclideanGroup se = EuclideanGroup.special(n);
            EuclideanGroup e = EuclideanGroup.full(n);
            reps.add(Representation.standard(se));
            reps.add(Representation.standard(e));
            reps.add(se.irrep(n == 2 ? "2" : "2"));
            reps.add(e.irrep(n == 2 ? "(1,0)" : "1e"));
            reps.add(Representation.trivial(e));
        }
        return reps.stream();
    }

    @Override
    protected Representation representation() {
        return representation;
    }
}
