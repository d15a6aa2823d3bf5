package org.equivariant4j.gconv.se3.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.NpyArray;
import org.equivariant4j.nn.io.NpyDType;
import org.equivariant4j.nn.io.NpyFormatException;
import org.equivariant4j.nn.io.Npz;

/**
 * Loads a MedMNIST-3D {@code .npz} file (e.g. {@code organmnist3d.npz}, as the {@code medmnist} package downloads
 * it): arrays {@code <split>_images} {@code [N, D, H, W]} (uint8 0-255, or float) and {@code <split>_labels}
 * {@code [N]} or {@code [N, 1]} (integer classes) for the splits train, val and test. Images become float32
 * {@code [N, 1, D, H, W]} scaled to [0, 1] (uint8) and labels int64 {@code [N]}. Anything else fails naming the
 * file, the array and the expected and actual shapes or values.
 *
 * <p>The file is untrusted input: volumes must be cubic (the models rotate them by the cube's rotations), and
 * labels must be stored as integers (signed or unsigned, up to 64 bits; not float, bool or strings) in
 * {@code [0, }{@link #MAX_CLASSES}{@code )}, because the largest label sets the size of the classifier's head:
 * a stray label of 10^6 would otherwise silently build a head of millions of parameters.
 */
public final class MedMnist3d {
    /**
     * The most classes a file may have. MedMNIST-3D's six datasets have 2 to 11; 100 leaves room for other
     * volume datasets saved in this layout while keeping the linear head (features x classes) small.
     */
    public static final int MAX_CLASSES = 100;

    /** The three splits of a MedMNIST file. */
    public enum Split {
        TRAIN("train"), VAL("val"), TEST("test");

        private final String key;

        Split(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private MedMnist3d() {
    }

    /** The split {@code split} of {@code file}. */
    public static TensorDataset load(Path file, Split split) {
        try (Npz npz = Npz.open(file)) {
            NpyArray images = npz.get(split.key() + "_images");
            NpyArray labels = npz.get(split.key() + "_labels");
            int[] s = images.shape();
            if (s.length != 4) {
                throw new NpyFormatException(file + " (array '" + split.key() + "_images'): expected [N, D, H, W] volumes but was "
                        + Arrays.toString(s));
            }
            int[] l = labels.shape();
            boolean column = l.length == 2 && l[1] == 1;
            if (!(l.length == 1 || column) || l[0] != s[0]) {
                throw new NpyFormatException(file + " (array '" + split.key() + "_labels'): expected [" + s[0] + "] or [" + s[0]
                        + ", 1] class labels but was " + Arrays.toString(l));
            }
            if (s[1] != s[2] || s[2] != s[3]) {
                throw new NpyFormatException(file + " (array '" + split.key() + "_images'): expected cubic volumes [N, S, S, S]"
                        + " (the models turn them by the cube's rotations) but was " + Arrays.toString(s));
            }
            long[] classes = checkedLabels(file, split.key() + "_labels", labels);
            Tensor x = images.toTensor(DType.FLOAT32).reshape(s[0], 1, s[1], s[2], s[3]);
            if (!images.dtype().isFloating()) {
                x = x.div(255.0);
            }
            return new TensorDataset(x, Tensors.of(classes, s[0]));
        }
    }

    /** Number of classes: one more than the largest label in any split (labels checked as by {@link #load}). */
    public static int classes(Path file) {
        long max = -1;
        try (Npz npz = Npz.open(file)) {
            for (Split split : Split.values()) {
                String name = split.key() + "_labels";
                for (long v : checkedLabels(file, name, npz.get(name))) {
                    max = Math.max(max, v);
                }
            }
        }
        return (int) max + 1;
    }

    /** The labels as longs, refused (naming file, array, index and value) unless integers in [0, MAX_CLASSES). */
    private static long[] checkedLabels(Path file, String name, NpyArray labels) {
        if (labels.dtype().isFloating() || labels.dtype() == NpyDType.BOOL) {
            throw new NpyFormatException(file + " (array '" + name + "'): expected integer class labels (int8-64 or uint8-32)"
                    + " but was " + labels.dtype().code() + " (" + labels.dtype().name().toLowerCase(Locale.ROOT) + ")");
        }
        long[] values = labels.toLongArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= MAX_CLASSES) {
                throw new NpyFormatException(file + " (array '" + name + "'): expected class labels in [0, " + MAX_CLASSES
                        + ") (MedMnist3d.MAX_CLASSES) but element " + i + " is " + values[i]);
            }
        }
        return values;
    }
}
