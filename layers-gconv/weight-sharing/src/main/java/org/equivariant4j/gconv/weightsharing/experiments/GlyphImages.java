package org.equivariant4j.gconv.weightsharing.experiments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * Synthetic glyph images for symmetry discovery: {@code classes} random glyphs of {@code cells} connected pixels in a
 * 5 x 5 box, drawn upright at a random position of a {@code size x size} image with Gaussian pixel noise;
 * {@link RandomPoses} then moves each into a random pose of a {@link PoseSymmetry}.
 *
 * <p>The glyphs are chosen so that none is symmetric under any rotation or reflection and no two share an orbit under
 * D4: the class of an example is determined by its shape in every pose, so the only symmetry of the labels is the
 * one the poses are drawn from. Glyphs come from {@code glyphSeed} alone, so train and test sets (and the C4 and C2
 * experiments) share them. Features FLOAT32 {@code [N, 1, size, size]}, labels INT64 {@code [N]}, balanced.
 */
public final class GlyphImages {
    private static final int BOX = 5;

    private final List<boolean[][]> glyphs;

    private GlyphImages(List<boolean[][]> glyphs) {
        this.glyphs = glyphs;
    }

    /** {@code classes} distinct asymmetric glyphs of {@code cells} pixels each. */
    public static GlyphImages random(int classes, int cells, long glyphSeed) {
        if (cells < 4 || cells > BOX * BOX / 2) {
            throw new InvalidArgumentException("GlyphImages: cells must be in [4, " + (BOX * BOX / 2) + "], got " + cells);
        }
        Rng rng = new Rng(glyphSeed);
        List<boolean[][]> glyphs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int attempt = 0; glyphs.size() < classes; attempt++) {
            if (attempt > 100_000) {
                throw new InvalidArgumentException("GlyphImages: cannot find " + classes + " distinct asymmetric glyphs of "
                        + cells + " cells");
            }
            boolean[][] g = grow(cells, rng);
            List<String> orbit = orbit(g);
            if (new HashSet<>(orbit).size() != 8 || orbit.stream().anyMatch(seen::contains)) {
                continue;
            }
            seen.addAll(orbit);
            glyphs.add(g);
        }
        return new GlyphImages(glyphs);
    }

    public int classes() {
        return glyphs.size();
    }

    /**
     * {@code n} upright examples (class i mod classes) with noise; put them into poses with {@link RandomPoses}. Every
     * random choice is drawn from {@code rng}.
     */
    public TensorDataset generate(int n, int size, double noise, Rng rng) {
        if (size < BOX) {
            throw new InvalidArgumentException("GlyphImages: the image must fit the " + BOX + "x" + BOX + " glyph box, got " + size);
        }
        float[] pixels = new float[n * size * size];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            int c = i % glyphs.size();
            labels[i] = c;
            int base = i * size * size;
            for (int p = 0; p < size * size; p++) {
                pixels[base + p] = (float) (noise * rng.nextGaussian());
            }
            int top = rng.nextInt(size - BOX + 1);
            int left = rng.nextInt(size - BOX + 1);
            boolean[][] g = glyphs.get(c);
            for (int r = 0; r < BOX; r++) {
                for (int q = 0; q < BOX; q++) {
                    if (g[r][q]) {
                        pixels[base + (top + r) * size + left + q] += 1f;
                    }
                }
            }
        }
        return new TensorDataset(Tensors.of(pixels, n, 1, size, size), Tensors.of(labels, n));
    }

    /** A random connected set of cells in the box, grown from the centre. */
    private static boolean[][] grow(int cells, Rng rng) {
        boolean[][] g = new boolean[BOX][BOX];
        g[BOX / 2][BOX / 2] = true;
        int count = 1;
        int[][] steps = {{0, 1}, {1, 0}, {0, -1}, {-1, 0}};
        while (count < cells) {
            int r = rng.nextInt(BOX);
            int q = rng.nextInt(BOX);
            if (g[r][q]) {
                continue;
            }
            for (int[] s : steps) {
                int nr = r + s[0];
                int nq = q + s[1];
                if (nr >= 0 && nq >= 0 && nr < BOX && nq < BOX && g[nr][nq]) {
                    g[r][q] = true;
                    count++;
                    break;
                }
            }
        }
        return g;
    }

    /** The 8 D4 images of a glyph, each cropped to its bounding box and written as text. */
    private static List<String> orbit(boolean[][] g) {
        List<String> out = new ArrayList<>();
        boolean[][] cur = g;
        for (int t = 0; t < 4; t++) {
            out.add(key(cur));
            out.add(key(mirror(cur)));
            cur = rotate(cur);
        }
        return out;
    }

    private static boolean[][] rotate(boolean[][] g) {
        boolean[][] out = new boolean[BOX][BOX];
        for (int r = 0; r < BOX; r++) {
            for (int q = 0; q < BOX; q++) {
                out[r][q] = g[q][BOX - 1 - r];
            }
        }
        return out;
    }

    private static boolean[][] mirror(boolean[][] g) {
        boolean[][] out = new boolean[BOX][BOX];
        for (int r = 0; r < BOX; r++) {
            for (int q = 0; q < BOX; q++) {
                out[r][q] = g[r][BOX - 1 - q];
            }
        }
        return out;
    }

    private static String key(boolean[][] g) {
        int r0 = BOX;
        int q0 = BOX;
        int r1 = -1;
        int q1 = -1;
        for (int r = 0; r < BOX; r++) {
            for (int q = 0; q < BOX; q++) {
                if (g[r][q]) {
                    r0 = Math.min(r0, r);
                    q0 = Math.min(q0, q);
                    r1 = Math.max(r1, r);
                    q1 = Math.max(q1, q);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        for (int r = r0; r <= r1; r++) {
            for (int q = q0; q <= q1; q++) {
                s.append(g[r][q] ? '#' : '.');
            }
            s.append('/');
        }
        return s.toString();
    }
}
