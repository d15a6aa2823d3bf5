package org.equivariant4j.graph.nbody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChargedParticleSimulatorTest {
    private static final NBodyConfig SHORT = NBodyConfig.reference().withSteps(1500);

    @Test
    void likeChargesRepelUnlikeAttractAndForcesAreClipped() {
        ChargedParticleSimulator sim = new ChargedParticleSimulator(NBodyConfig.reference());
        double[] f = new double[6];
        sim.forces(new double[] {0, 0, 0, 2, 0, 0}, new double[] {1, 1}, f);
        assertThat(f).containsExactly(new double[] {-0.25, 0, 0, 0.25, 0, 0}, within(1e-12));
        sim.forces(new double[] {0, 0, 0, 2, 0, 0}, new double[] {1, -1}, f);
        assertThat(f[0]).isCloseTo(0.25, within(1e-12));
        sim.forces(new double[] {0, 0, 0, 1e-3, 0, 0}, new double[] {1, 1}, f);
        assertThat(f[0]).isEqualTo(-100.0);
    }

    @Test
    void trajectoriesHaveTheProtocolsShapeAndAreReproducible() {
        ChargedParticleSimulator sim = new ChargedParticleSimulator(NBodyConfig.reference());
        NBodyTrajectory a = sim.simulate(new Rng(5));
        NBodyTrajectory b = sim.simulate(new Rng(5));
        assertThat(a.frames()).isEqualTo(49);
        assertThat(a.positions()).hasSize(49 * 5 * 3).containsExactly(b.positions());
        assertThat(java.util.Arrays.stream(a.charges()).allMatch(q -> q == 1.0 || q == -1.0)).isTrue();
    }

    @Test
    void energyIsNearlyConservedWithoutCloseEncounters() {
        ChargedParticleSimulator sim = new ChargedParticleSimulator(SHORT);
        int checked = 0;
        for (long seed = 0; seed < 20 && checked < 5; seed++) {
            NBodyTrajectory t = sim.simulate(new Rng(seed));
            double e0 = sim.energy(t.positionsAt(0), t.velocitiesAt(0), t.charges());
            double e1 = sim.energy(t.positionsAt(t.frames() - 1), t.velocitiesAt(t.frames() - 1), t.charges());
            if (minDistance(t) > 0.3) {
                assertThat(Math.abs(e1 - e0)).as("energy drift of seed %d", seed).isLessThan(0.01 * (1 + Math.abs(e0)));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void splitsArePrefixStableAndCachedAtomically(@TempDir Path dir) throws Exception {
        NBodySplit small = NBodySplit.simulate(SHORT, 7, 0, 3);
        NBodySplit large = NBodySplit.simulate(SHORT, 7, 0, 5);
        assertThat(large.head(3).positions()).containsExactly(small.positions());
        NBodyDataset first = NBodyDataset.load(SHORT, 7, 4, 2, 2, dir);
        Path file = NBodyDataset.cacheFile(SHORT, 7, 4, 2, 2, dir);
        assertThat(file).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1); // no temporary file left behind
        }
        NBodyDataset again = NBodyDataset.load(SHORT, 7, 4, 2, 2, dir);
        assertThat(again.test().positions()).containsExactly(first.test().positions());
        assertThat(again.valid().charges()).containsExactly(first.valid().charges());
        assertThat(NBodyDataset.load(SHORT, 8, 4, 2, 2, dir).train().positions()).isNotEqualTo(first.train().positions());
    }

    @Test
    void examplesBatchIntoFullyConnectedGraphsWithChargeProducts() {
        NBodySplit split = NBodySplit.simulate(SHORT, 3, 0, 6);
        NBodyExamples ex = new NBodyExamples(split, new NBodyTask(5, 10), SHORT, EuclideanGroup.full(3), DType.FLOAT32);
        NBodyBatch b = ex.batch(new int[] {4, 1, 2});
        Graph g = b.graph();
        assertThat(g.numGraphs()).isEqualTo(3);
        assertThat(g.numEdges()).isEqualTo(3 * 20);
        assertThat(b.targets().shape()).containsExactly(15, 3);
        float[] q = split.charges();
        int s = g.edges().senders()[0];
        int r = g.edges().receivers()[0];
        assertThat(g.edgeAttributes().toDoubleArray()[0]).isEqualTo((double) q[4 * 5 + s] * q[4 * 5 + r]);
        assertThat(g.positions().toDoubleArray()[0]).isEqualTo((double) split.at(split.positions(), 4, 5, 0, 0));
        assertThat(b.targets().toDoubleArray()[3]).isEqualTo((double) split.at(split.positions(), 4, 10, 1, 0));
        assertThat(ex.constantVelocityMse()).isLessThan(ex.staticMse());
    }

    private static double minDistance(NBodyTrajectory t) {
        double min = Double.MAX_VALUE;
        for (int f = 0; f < t.frames(); f++) {
            double[] x = t.positionsAt(f);
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    double s = 0;
                    for (int d = 0; d < 3; d++) {
                        s += (x[i * 3 + d] - x[j * 3 + d]) * (x[i * 3 + d] - x[j * 3 + d]);
                    }
                    min = Math.min(min, Math.sqrt(s));
                }
            }
        }
        return min;
    }
}
