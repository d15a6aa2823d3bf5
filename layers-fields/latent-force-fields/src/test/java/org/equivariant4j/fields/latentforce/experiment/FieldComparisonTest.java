package org.equivariant4j.fields.latentforce.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.fields.latentforce.system.FieldSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scores mean what they say: the true field scores cosine 1 and error 0, its negation -1 and 2; the figure is a PNG. */
class FieldComparisonTest {

    private static FieldComparison.SampledField truth(FieldDataset data, double sign) {
        return (points, count) -> {
            int dims = data.system().dims();
            double[] out = new double[count * dims];
            for (int i = 0; i < count; i++) {
                double[] a = data.simulator().fieldAcceleration(Arrays.copyOfRange(points, i * dims, (i + 1) * dims), 1.0);
                for (int d = 0; d < dims; d++) {
                    out[i * dims + d] = sign * a[d];
                }
            }
            return out;
        };
    }

    @Test
    void theTrueFieldScoresPerfectlyAndItsNegationWorst() {
        for (FieldSystem sys : new FieldSystem[] {FieldSystem.electrostatic().withSteps(500),
                FieldSystem.gravitational().withSteps(500)}) {
            FieldDataset data = FieldDataset.generate(sys, 3, 4, 0, 1);
            FieldComparison same = FieldComparison.measure(truth(data, 1), data.simulator(), data.train(), 9);
            assertThat(same.cosine()).isCloseTo(1.0, within(1e-12));
            assertThat(same.relativeError()).isCloseTo(0.0, within(1e-12));
            assertThat(same.visitedPoints()).isPositive().isLessThan((int) Math.pow(9, sys.dims()));
            FieldComparison negated = FieldComparison.measure(truth(data, -1), data.simulator(), data.train(), 9);
            assertThat(negated.cosine()).isCloseTo(-1.0, within(1e-12));
            assertThat(negated.relativeError()).isCloseTo(2.0, within(1e-12));
        }
    }

    @Test
    void theFigureIsWrittenAsAPng(@TempDir Path dir) throws Exception {
        for (FieldSystem sys : new FieldSystem[] {FieldSystem.electrostatic().withSteps(500),
                FieldSystem.gravitational().withSteps(500)}) {
            FieldDataset data = FieldDataset.generate(sys, 3, 4, 0, 1);
            FieldComparison c = FieldComparison.measure(truth(data, 1), data.simulator(), data.train(), 9);
            Path png = dir.resolve(sys.name() + ".png");
            FieldFigure.write(png, "test", c, data.sources());
            byte[] bytes = Files.readAllBytes(png);
            assertThat(Arrays.copyOfRange(bytes, 1, 4)).containsExactly('P', 'N', 'G');
        }
    }
}
