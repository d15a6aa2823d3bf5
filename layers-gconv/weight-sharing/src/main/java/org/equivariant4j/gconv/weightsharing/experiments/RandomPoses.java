package org.equivariant4j.gconv.weightsharing.experiments;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/** Puts each image of a dataset {@code [N, 1, S, S]} into a random pose of a {@link PoseSymmetry} (data preparation, once). */
final class RandomPoses {

    private RandomPoses() {
    }

    static TensorDataset apply(TensorDataset set, PoseSymmetry poses, Rng rng) {
        int[] s = set.features().shape();
        if (s.length != 4 || s[2] != s[3]) {
            throw new InvalidArgumentException("RandomPoses: expected square images [N, C, S, S] but was "
                    + Arrays.toString(s));
        }
        int n = s[0];
        int per = s[1];
        int size = s[2];
        float[] in = set.features().toFloatArray();
        float[] out = new float[in.length];
        int[] turns = poses.quarterTurns();
        for (int i = 0; i < n; i++) {
            int k = turns[rng.nextInt(turns.length)];
            boolean flip = poses.flips() && rng.nextInt(2) == 1;
            for (int ch = 0; ch < per; ch++) {
                int base = (i * per + ch) * size * size;
                for (int r = 0; r < size; r++) {
                    for (int q = 0; q < size; q++) {
                        int sr = r;
                        int sq = flip ? size - 1 - q : q;
                        for (int t = 0; t < k; t++) {
                            int nr = sq;
                            int nq = size - 1 - sr;
                            sr = nr;
                            sq = nq;
                        }
                        out[base + r * size + q] = in[base + sr * size + sq];
                    }
                }
            }
        }
        return new TensorDataset(Tensors.of(out, s), set.labels());
    }
}
