package org.equivariant4j.core.field;

import java.util.Arrays;

import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A {@link Tensor} that always carries its {@link FieldType} (and, on a point domain, the
 * positions of its rows), so the group action on it is defined: {@link #transform} moves the
 * domain and mixes the channels, {@code ρ(g) f(g⁻¹ x)}. The layout per domain is described on
 * {@link Domain}; construction checks it and names the expected and actual shapes.
 */
public final class GeometricTensor {
    private final Tensor tensor;
    private final FieldType type;
    private final Tensor positions;

    private GeometricTensor(Tensor tensor, FieldType type, Tensor positions) {
        this.tensor = tensor;
        this.type = type;
        this.positions = positions;
        checkLayout();
    }

    /** Features on a grid ({@code [N, C, S...]}) or plain vectors ({@code [N, C]}). */
    public static GeometricTensor of(Tensor tensor, FieldType type) {
        if (type.domain() instanceof Domain.Points) {
            throw new ShapeMismatchException("GeometricTensor of type " + type + ": a point domain needs positions;"
                    + " use GeometricTensor.ofPoints(features, positions, type)");
        }
        return new GeometricTensor(tensor, type, null);
    }

    /** Features {@code [P, C]} of points at {@code positions [P, n]}. */
    public static GeometricTensor ofPoints(Tensor features, Tensor positions, FieldType type) {
        if (!(type.domain() instanceof Domain.Points)) {
            throw new ShapeMismatchException("GeometricTensor of type " + type + ": positions are only for point domains");
        }
        return new GeometricTensor(features, type, positions);
    }

    public Tensor tensor() {
        return tensor;
    }

    public FieldType type() {
        return type;
    }

    /** Positions {@code [P, n]} on a point domain, else null. */
    public Tensor positions() {
        return positions;
    }

    /** The same field with other values of the same layout (e.g. a layer's output of the same type). */
    public GeometricTensor withTensor(Tensor values) {
        return new GeometricTensor(values, type, positions);
    }

    /**
     * The field acted on by {@code g}: features mixed by {@code ρ(g)} and the domain moved by
     * {@code g} (an exact index permutation on a grid; positions mapped {@code A x + t} on points).
     */
    public GeometricTensor transform(GroupElement g) {
        if (!type.group().contains(g)) {
            throw new GroupMismatchException("GeometricTensor.transform(" + g + ") on a field of type " + type,
                    type.group().name(), g.group().name());
        }
        Tensor rho = matrixTensor(type.representation().matrix(g));
        Domain domain = type.domain();
        if (domain instanceof Domain.Grid grid) {
            return new GeometricTensor(GridPermutation.apply(mixChannels(rho), euclidean(g), grid), type, null);
        }
        Tensor features = tensor.matmul(rho.transpose(0, 1));
        if (domain instanceof Domain.Points) {
            EuclideanAction a = euclidean(g);
            Tensor moved = positions.matmul(matrixTensor(a.linearPart()).transpose(0, 1))
                    .add(Tensors.of(a.translation(), positions.dtype(), a.translation().length));
            return new GeometricTensor(features, type, moved);
        }
        return new GeometricTensor(features, type, null);
    }

    private Tensor mixChannels(Tensor rho) {
        int[] s = tensor.shape();
        int c = s[1];
        Tensor flat = tensor.reshape(s[0], c, -1);
        return rho.matmul(flat).reshape(s);
    }

    private EuclideanAction euclidean(GroupElement g) {
        if (!(g instanceof EuclideanAction a)) {
            throw new UnsupportedFeatureException(g.group().name() + " does not act on the domain " + type.domain()
                    + " of " + type + " (its elements are not Euclidean actions)");
        }
        if (a.spaceDimension() != type.domain().dimension()) {
            throw new ShapeMismatchException("GeometricTensor.transform: " + g + " acts on R" + a.spaceDimension()
                    + " but the field lives on " + type.domain());
        }
        return a;
    }

    private Tensor matrixTensor(Matrix m) {
        return Tensors.of(m.toRowMajor(), tensor.dtype(), m.rows(), m.columns());
    }

    private void checkLayout() {
        int[] s = tensor.shape();
        int c = type.channels();
        Domain domain = type.domain();
        if (domain instanceof Domain.Grid g) {
            require(s.length == 2 + g.dimension() && s[1] == c, "[N, " + c + ", S".repeat(g.dimension()) + "]");
        } else if (domain instanceof Domain.Points p) {
            require(s.length == 2 && s[1] == c, "[P, " + c + "]");
            int[] ps = positions.shape();
            if (ps.length != 2 || ps[0] != s[0] || ps[1] != p.dimension()) {
                throw new ShapeMismatchException("GeometricTensor of type " + type + ": expected positions [" + s[0] + ", "
                        + p.dimension() + "] but was " + Arrays.toString(ps));
            }
        } else {
            require(s.length == 2 && s[1] == c, "[N, " + c + "]");
        }
    }

    private void require(boolean ok, String expected) {
        if (!ok) {
            throw new ShapeMismatchException("GeometricTensor of type " + type + ": expected a tensor " + expected + " but was "
                    + Arrays.toString(tensor.shape()));
        }
    }

    @Override
    public String toString() {
        return "GeometricTensor" + Arrays.toString(tensor.shape()) + " of " + type;
    }
}
