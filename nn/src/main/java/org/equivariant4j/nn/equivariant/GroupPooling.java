package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Invariant projection by pooling over the group axis: each field becomes one trivial (invariant) channel,
 * the max or the mean of its channels. This is invariant whenever the field's matrices permute its channels
 * ({@link Representation#supportsPointwise()}: regular, quotient, trivial), since a permutation changes
 * neither a max nor a mean; other summands are refused at construction, naming them.
 *
 * <p><b>Channel layout.</b> A field type {@code n x regular} of a group G has n fields of |G| channels each:
 * field i occupies channels {@code [i|G|, (i+1)|G|)}, and channel {@code i|G| + j} holds the feature at the
 * group element {@code elements().get(j)} (the basis order of the regular representation). In a direct sum
 * of mixed summands each field occupies the next run of channels, in the order of the sum. Output channel i
 * is the pooled field i, so the output type is {@code n x trivial} on the same domain (just {@code trivial}
 * for one field).
 */
public final class GroupPooling extends EquivariantLayer {

    /** How the channels of a field are pooled. */
    public enum Mode {
        /** The largest channel (the gradient flows to the first maximal one). */
        MAX,
        /** The average of the channels. */
        MEAN
    }

    private final Mode mode;
    private final List<int[]> runs;
    private final FieldLayout layout;

    /** Pools every field of {@code inType} by {@code mode}. */
    public GroupPooling(FieldType inType, Mode mode) {
        super(inType, outputType(inType));
        PointwiseNonlinearity.requirePointwise(inType, "GroupPooling(" + mode + ")");
        this.mode = mode;
        this.layout = FieldLayout.of(inType.representation());
        this.runs = layout.equalDimensionRuns();
    }

    private static FieldType outputType(FieldType inType) {
        int fields = FieldLayout.fieldsOf(inType.representation()).size();
        Representation trivial = Representation.trivial(inType.group());
        return FieldType.of(inType.domain(), FieldLayout.sum(Collections.nCopies(fields, trivial)));
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        int[] s = x.shape();
        List<Tensor> pooled = new ArrayList<>();
        // One reshape and one reduction per run of equal-dimension fields, not one per field.
        for (int[] run : runs) {
            int count = run[1];
            int dim = run[2];
            Tensor part = runs.size() == 1 ? x : x.narrow(1, layout.offset(run[0]), count * dim);
            int[] split = new int[s.length + 1];
            split[0] = s[0];
            split[1] = count;
            split[2] = dim;
            System.arraycopy(s, 2, split, 3, s.length - 2);
            Tensor grouped = part.reshape(split);
            pooled.add(mode == Mode.MAX ? grouped.max(2, false) : grouped.mean(2, false));
        }
        Tensor y = pooled.size() == 1 ? pooled.get(0) : Tensors.concat(1, pooled);
        return Fields.output(input, y, outType());
    }

    /** {@code "GroupPooling(MAX: 4x regular -> 4x trivial)"}. */
    @Override
    public String toString() {
        return "GroupPooling(" + mode + ": " + inType().representation().name() + " -> " + outType().representation().name()
                + ")";
    }
}
