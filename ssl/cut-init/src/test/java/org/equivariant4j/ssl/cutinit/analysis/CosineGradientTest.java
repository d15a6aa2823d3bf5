package org.equivariant4j.ssl.cutinit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The paper's analysis, measured through our autodiff: the 1/||z|| scaling and the antipodal vanishing. */
class CosineGradientTest {

    @Test
    void theAutodiffGradientIsTheClosedForm() {
        Rng rng = new Rng(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] z = new double[6];
            double[] zp = new double[6];
            for (int i = 0; i < 6; i++) {
                z[i] = 3 * rng.nextGaussian();
                zp[i] = rng.nextGaussian();
            }
            double[] measured = CosineGradient.measured(z, zp);
            double[] closed = CosineGradient.closedForm(z, zp);
            assertThat(measured).as("trial %d", trial).containsExactly(closed, within(1e-12));
            assertThat(CosineGradient.measuredNorm(z, zp)).isCloseTo(CosineGradient.closedFormNorm(z, zp), within(1e-12));
        }
    }

    @Test
    void theGradientNormScalesAsOneOverTheNorm() {
        for (double angle : GradientNormFigure.ANGLES) {
            double[][] small = GradientNormFigure.pair(angle, 0.5);
            double[][] large = GradientNormFigure.pair(angle, 50);
            double ratio = CosineGradient.measuredNorm(small[0], small[1]) / CosineGradient.measuredNorm(large[0], large[1]);
            // 100x the norm, 1/100 the gradient; a 1/sqrt(norm) law would give 10 and fail by far
            assertThat(ratio).as("angle %s", angle).isCloseTo(100, within(1e-6));
            assertThat(CosineGradient.measuredNorm(small[0], small[1]))
                    .isCloseTo(Math.sin(Math.toRadians(angle)) / 0.5, within(1e-12));
        }
    }

    @Test
    void theGradientVanishesAsZTurnsAntipodal() {
        double previous = Double.MAX_VALUE;
        for (double angle : new double[] {90, 150, 170, 179, 179.9, 179.99}) {
            double[][] p = GradientNormFigure.pair(angle, 1);
            double g = CosineGradient.measuredNorm(p[0], p[1]);
            assertThat(g).as("angle %s", angle).isLessThan(previous);
            previous = g;
        }
        assertThat(previous).as("at 179.99°").isLessThan(2e-4);
    }

    @Test
    void theFigureIsWritten() throws Exception {
        Path target = Path.of("target", "cosine-gradient.png");
        Files.createDirectories(target.getParent());
        GradientNormFigure.write(target);
        BufferedImage png = ImageIO.read(target.toFile());
        assertThat(png.getWidth()).isEqualTo(760);
        assertThat(png.getHeight()).isEqualTo(520);
    }
}
