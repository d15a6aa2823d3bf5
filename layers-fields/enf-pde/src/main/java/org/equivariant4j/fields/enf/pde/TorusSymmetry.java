package org.equivariant4j.fields.enf.pde;

/**
 * Moves a field on the n x n torus grid by a symmetry of the grid: {@code quarterTurns} turns by 90° about the
 * origin, (x, y) -> (-y, x), then a shift by (shiftX, shiftY) nodes. Vorticity is a pseudo-scalar, and turns
 * preserve orientation, so its values move without a sign change.
 */
public final class TorusSymmetry {
    private TorusSymmetry() {
    }

    /** Moves the field at {@code offset} of {@code fields} in place. */
    public static void apply(double[] fields, int offset, int n, int quarterTurns, int shiftX, int shiftY) {
        double[] source = java.util.Arrays.copyOfRange(fields, offset, offset + n * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // the value now at node (i, j) came from the node the inverse move sends (i, j) to
                int x = Math.floorMod(i - shiftX, n);
                int y = Math.floorMod(j - shiftY, n);
                for (int r = 0; r < quarterTurns % 4; r++) {
                    int turnedX = y;
                    y = Math.floorMod(-x, n);
                    x = turnedX;
                }
                fields[offset + i * n + j] = source[x * n + y];
            }
        }
    }
}
