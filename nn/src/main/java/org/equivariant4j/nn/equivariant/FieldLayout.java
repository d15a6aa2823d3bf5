package org.equivariant4j.nn.equivariant;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.group.DirectSumRepresentation;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * How the channels of a representation split into fields: the summands of a direct sum (or the whole
 * representation if it is not one), each occupying a contiguous run of channels, in order. Layers use
 * it to act field by field with a few whole-tensor ops, precomputing the index tables here once.
 */
final class FieldLayout {
    private final List<Representation> fields;
    private final int[] offsets;
    private final int channels;
    /** Distinct field representations in order of first appearance. */
    private final List<Representation> types;
    /** For each field, the index of its type in {@link #types}. */
    private final int[] typeOfField;

    private FieldLayout(List<Representation> fields) {
        this.fields = List.copyOf(fields);
        this.offsets = new int[fields.size()];
        int c = 0;
        List<Representation> distinct = new ArrayList<>();
        this.typeOfField = new int[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            offsets[f] = c;
            c += fields.get(f).dimension();
            int t = distinct.indexOf(fields.get(f));
            if (t < 0) {
                distinct.add(fields.get(f));
                t = distinct.size() - 1;
            }
            typeOfField[f] = t;
        }
        this.channels = c;
        this.types = List.copyOf(distinct);
    }

    static FieldLayout of(Representation representation) {
        return new FieldLayout(fieldsOf(representation));
    }

    /** The summands of a direct sum, or the representation itself. */
    static List<Representation> fieldsOf(Representation representation) {
        return representation instanceof DirectSumRepresentation sum ? sum.parts() : List.of(representation);
    }

    /**
     * The direct sum of {@code parts}, or the single part itself: a one-part direct sum would be a
     * different value from the part (and so an incompatible field type) under the same name.
     */
    static Representation sum(List<Representation> parts) {
        return parts.size() == 1 ? parts.get(0) : Representation.directSum(parts);
    }

    List<Representation> fields() {
        return fields;
    }

    int fieldCount() {
        return fields.size();
    }

    int offset(int field) {
        return offsets[field];
    }

    int channels() {
        return channels;
    }

    List<Representation> types() {
        return types;
    }

    int typeOf(int field) {
        return typeOfField[field];
    }

    /** How many fields have type {@code type}. */
    int count(int type) {
        int n = 0;
        for (int t : typeOfField) {
            n += t == type ? 1 : 0;
        }
        return n;
    }

    /**
     * For each channel in type-major order (all channels of the fields of type 0 in field order, then
     * type 1, ...), the original channel; null when that order is the original one.
     */
    int[] typeMajorOrder() {
        int[] order = new int[channels];
        int k = 0;
        boolean identity = true;
        for (int t = 0; t < types.size(); t++) {
            for (int f = 0; f < fields.size(); f++) {
                if (typeOfField[f] != t) {
                    continue;
                }
                for (int c = 0; c < fields.get(f).dimension(); c++) {
                    identity &= k == offsets[f] + c;
                    order[k++] = offsets[f] + c;
                }
            }
        }
        return identity ? null : order;
    }

    /** The inverse of a permutation of channels. */
    static long[] inverse(int[] permutation) {
        long[] inverse = new long[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    /** The field index of each channel, as an INT64 tensor (for broadcasting per-field values to channels). */
    Tensor fieldOfChannel() {
        long[] index = new long[channels];
        for (int f = 0; f < fields.size(); f++) {
            for (int c = 0; c < fields.get(f).dimension(); c++) {
                index[offsets[f] + c] = f;
            }
        }
        return Tensors.of(index, channels);
    }

    /**
     * Runs of consecutive fields of equal dimension, as {start field, field count, dimension} triples: over
     * a run, per-field reductions are one reshape and one reduction instead of one op per field.
     */
    List<int[]> equalDimensionRuns() {
        List<int[]> runs = new ArrayList<>();
        int f = 0;
        while (f < fields.size()) {
            int d = fields.get(f).dimension();
            int end = f;
            while (end < fields.size() && fields.get(end).dimension() == d) {
                end++;
            }
            runs.add(new int[] {f, end - f, d});
            f = end;
        }
        return runs;
    }
}
