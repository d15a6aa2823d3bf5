package org.equivariant4j.gconv.weightsharing.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.gconv.weightsharing.KernelPermutations;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {

    /** Exhaustive minimum over all n! permutations. */
    private static double bruteForce(double[][] cost, int[] perm, int depth, boolean[] used, double sum) {
        int n = cost.length;
        if (depth == n) {
            return sum;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[depth] = j;
                best = Math.min(best, bruteForce(cost, perm, depth + 1, used, sum + cost[depth][j]));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void hungarianFindsTheOptimumOfRandomProblems() {
        Rng rng = new Rng(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + trial % 7;
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int j = 0; j < n; j++) {
                    // Integer costs with ties, and negative ones, are the hard cases for potentials.
                    row[j] = trial % 2 == 0 ? rng.nextInt(5) - 2 : rng.nextGaussian() * 10;
                }
            }
            int[] sigma = Hungarian.solve(cost);
            boolean[] seen = new boolean[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                assertThat(seen[sigma[i]]).isFalse();
                seen[sigma[i]] = true;
                total += cost[i][sigma[i]];
            }
            assertThat(total).isCloseTo(bruteForce(cost, new int[n], 0, new boolean[n], 0), within(1e-9));
        }
    }

    @Test
    void hungarianRecoversAHiddenPermutationOf100() {
        Rng rng = new Rng(4);
        int n = 100;
        int[] hidden = rng.permutation(n);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.3 * rng.nextDouble();
            }
            a[i][hidden[i]] += 0.5;
        }
        assertThat(MatrixDistances.nearestPermutation(a)).containsExactly(hidden);
    }

    @Test
    void distancesOfPermutationsAndOfTheUniformMatrix() {
        double[][][] c4 = KernelPermutations.spatial(CyclicGroup.of(4), 3);
        assertThat(MatrixDistances.toNearestPermutation(c4[1])).isEqualTo(0.0);
        double[][] uniform = new double[9][9];
        for (double[] row : uniform) {
            java.util.Arrays.fill(row, 1.0 / 9);
        }
        assertThat(MatrixDistances.toNearestPermutation(uniform)).isCloseTo(Math.sqrt(8), within(1e-12));
        // The quarter turn mixed 80/20 with the identity: nearest C4 element is the quarter turn.
        double[][] soft = new double[9][9];
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                soft[i][j] = 0.8 * c4[1][i][j] + 0.2 * c4[0][i][j];
            }
        }
        MatrixDistances.Nearest n = MatrixDistances.toNearest(soft, c4);
        assertThat(n.index()).isEqualTo(1);
        // Rows where the two differ (8 of 9): entries 0.8 - 1 and 0.2 - 0; the centre is fixed by both.
        assertThat(n.distance()).isCloseTo(Math.sqrt(8 * (0.04 + 0.04)), within(1e-12));
    }

    @Test
    void c4MatricesMatchC4OneToOneAndOnlyPartlyC2() {
        CyclicGroup c4 = CyclicGroup.of(4);
        double[][][] rep = KernelPermutations.spatial(c4, 5);
        double[][][] shuffled = {rep[0], rep[3], rep[1], rep[2]};
        SymmetryAnalysis.Candidate a = SymmetryAnalysis.against(c4, rep, shuffled);
        assertThat(a.maxMatched()).isEqualTo(0.0);
        assertThat(a.matched().get(1).element()).isEqualTo(c4.elements().get(3).toString());
        SymmetryAnalysis.Candidate c2 = SymmetryAnalysis.against(CyclicGroup.of(2), KernelPermutations.spatial(CyclicGroup.of(2), 5),
                shuffled);
        assertThat(c2.maxMatched()).isNaN();
        assertThat(c2.nearest().get(0).distance()).isEqualTo(0.0);
        assertThat(c2.nearest().get(1).distance()).isGreaterThan(1.0);
        SymmetryAnalysis.Candidate d4 = SymmetryAnalysis.against(DihedralGroup.of(4), KernelPermutations.spatial(DihedralGroup.of(4), 5),
                shuffled);
        assertThat(d4.maxNearest()).isEqualTo(0.0);
        String table = SymmetryAnalysis.table(SymmetryAnalysis.toPermutations(shuffled), List.of(a, c2));
        assertThat(table).contains("nearest C4").contains("nearest C2").hasLineCount(5);
    }

    @Test
    void figureIsAPngWithAPanelPerMatrix(@TempDir Path dir) throws Exception {
        double[][][] rep = KernelPermutations.spatial(CyclicGroup.of(4), 3);
        Path file = dir.resolve("m.png");
        MatrixFigure.write(file, "test", List.of(new MatrixFigure.Row("learned", List.of("a", "b", "c", "d"), rep),
                new MatrixFigure.Row("C4", List.of("e", "r", "r2", "r3"), rep)));
        BufferedImage image = ImageIO.read(Files.newInputStream(file));
        assertThat(image.getWidth()).isGreaterThan(4 * 200);
        assertThat(image.getHeight()).isGreaterThan(2 * 200);
        // The identity panel's top-left cell is dark (1), the cell to its right white (0).
        int left = 18;
        int top = 30 + 22;
        assertThat(image.getRGB(left + 5, top + 5) & 0xFF).isLessThan(200);
        assertThat(image.getRGB(left + 200 / 9 + 5, top + 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
