package org.equivariant4j.ssl.invariance;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Tensor;

/**
 * How a finite group G acts on a batch of a model's inputs, so that the orbit {@code {g·x : g ∈ G}} of every
 * input is defined. The inputs are viewed as fields of a {@link FieldType} (e.g. images {@code [N, 1, H, W]} on a
 * grid, trivial representation of C4) and moved by the framework's own action ({@link GeometricTensor#transform}):
 * the same action the test kit checks layers with, so a G-CNN that passes the kit scores perfectly here.
 *
 * <p>A model may take its inputs in another layout of the same numbers (e.g. flattened images {@code [N, H*W]});
 * {@link #viewedAs} gives the per-example field shape the inputs are reshaped to for the action and back.
 *
 * <p>The action is a differentiable tensor op (a permutation and channel mixing), batched over N.
 */
public final class OrbitAction {
    private final FieldType type;
    private final int[] fieldShape;

    private OrbitAction(FieldType type, int[] fieldShape) {
        this.type = type;
        this.fieldShape = fieldShape;
    }

    /** The action on inputs laid out as fields of {@code type} ({@code [N, C, S...]} on a grid, {@code [N, C]} for vectors). */
    public static OrbitAction of(FieldType type) {
        Objects.requireNonNull(type, "type");
        if (!(type.group() instanceof FiniteGroup)) {
            throw new InvalidArgumentException("OrbitAction: the orbit of a field of type " + type + " is not finite ("
                    + type.group().name() + " is not a finite group); the invariance metrics average over finite orbits");
        }
        if (type.domain() instanceof Domain.Points) {
            throw new InvalidArgumentException("OrbitAction: fields on point domains (" + type + ") carry positions a model"
                    + " input tensor does not hold; use a grid or vector field type");
        }
        return new OrbitAction(type, null);
    }

    /** Single-channel {@code size x size} images given flattened as {@code [N, size*size]}, moved by {@code group}'s grid action. */
    public static OrbitAction onFlattenedImages(FiniteGroup group, int size) {
        return of(FieldType.of(Domain.grid(2), Representation.trivial(group))).viewedAs(1, size, size);
    }

    /** The same action on inputs whose examples are reshaped to {@code perExample} (the field layout without N) to be moved. */
    public OrbitAction viewedAs(int... perExample) {
        return new OrbitAction(type, perExample.clone());
    }

    public FieldType type() {
        return type;
    }

    public FiniteGroup group() {
        return (FiniteGroup) type.group();
    }

    /** Every element of the group, identity included, in {@link FiniteGroup#elements()} order. */
    public List<GroupElement> elements() {
        return group().elements();
    }

    /** The elements other than the identity: the ones whose comparison says anything. */
    public List<GroupElement> nonIdentityElements() {
        GroupElement e = group().identity();
        return elements().stream().filter(g -> !group().isClose(g, e, 1e-12)).toList();
    }

    /**
     * Whether a gradient with respect to the input transforms like the input: true when the representation is
     * orthogonal (then {@code ρ(g)^-T = ρ(g)}); grid permutations always are.
     */
    public boolean movesGradientsLikeInputs() {
        return type.representation().isOrthogonal();
    }

    /** {@code g·x} for every example of the batch {@code x}, in the layout {@code x} was given in. */
    public Tensor apply(GroupElement g, Tensor x) {
        int[] shape = x.shape();
        Tensor field = x;
        if (fieldShape != null) {
            int n = shape[0];
            long per = Arrays.stream(fieldShape).asLongStream().reduce(1, (a, b) -> a * b);
            if (per * n != x.numel()) {
                throw new ShapeMismatchException("OrbitAction(" + this + "): inputs " + Arrays.toString(shape) + " cannot be"
                        + " viewed as " + n + " examples of " + Arrays.toString(fieldShape));
            }
            int[] view = new int[fieldShape.length + 1];
            view[0] = n;
            System.arraycopy(fieldShape, 0, view, 1, fieldShape.length);
            field = x.reshape(view);
        }
        return GeometricTensor.of(field, type).transform(g).tensor().reshape(shape);
    }

    @Override
    public String toString() {
        return type + (fieldShape == null ? "" : " viewed as [N, " + Arrays.toString(fieldShape).substring(1));
    }
}
