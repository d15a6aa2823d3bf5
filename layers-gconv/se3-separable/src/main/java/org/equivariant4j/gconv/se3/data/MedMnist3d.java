package org.equivariant4j.gconv.se3.data;

import java.nio.file.Path;
import java.util.Arrays;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.NpyArray;
import org.equivariant4j.nn.io.NpyFormatException;
import org.equivariant4j.nn.io.Npz;

/**
 * Loads a MedMNIST-3D {@code .npz} file (e.g. {@code organmnist3d.npz}, as the {@code medmnist} package downloads
 * it): arrays {@code <split>_images} {@code [N, D, H, W]} (uint8 0-255, or float) and {@code <split>_labels}
 * {@code [N]} or {@code [N, 1]} (integer classes) for the splits train, val and test. Images become float32
 * {@code [N, 1, D, H, W]} scaled to [0, 1] (uint8) and labels int64 {@code [N]}. Anything else fails naming the
 * file, the array and the expected and actual shapes.
 */
public final class MedMnist3d {
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
            if (labels.dtype().isFloating()) {
                throw new NpyFormatException(file + " (array '" + split.key() + "_labels'): expected integer labels but was "
                        + labels.dtype().code());
            }
            Tensor x = images.toTensor(DType.FLOAT32).reshape(s[0], 1, s[1], s[2], s[3]);
            if (!images.dtype().isFloating()) {
                x = x.div(255.0);
            }
            return new TensorDataset(x, Tensors.of(labels.toLongArray(), s[0]));
        }
    }

    /** Number of classes: one more than the largest label in any split. */
    public static int classes(Path file) {
        long max = -1;
        try (Npz npz = Npz.open(file)) {
            for (Split split : Split.values()) {
                for (long v : npz.get(split.key() + "_labels").toLongArray()) {
                    max = Math.max(max, v);
                }
            }
        }
        return (int) max + 1;
    }
}
