package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameFigureTest {
    @TempDir
    Path dir;

    @Test
    void writesAReadablePngWithTheHotSpotWhereTheSourceIs() throws IOException {
        HeatPlaneConfig config = new HeatPlaneConfig(16, 3.0, 0.1, 3.5, 3, 0.5);
        Trajectories t = config.simulate(0, Split.TRANSFORMED_TEST, 0, 1);
        float[] frames = java.util.Arrays.copyOf(t.values(), t.values().length);
        Path file = dir.resolve("frames.png");
        FrameFigure.write(file, "heat", config.grid(), 0.5, new int[] {0, 2},
                List.of(new FrameFigure.Series("truth", frames), new FrameFigure.Series("forecast", frames)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
        // the transformed source is in the lower half (y < 0): the panel's lower half is darker than its upper half
        BufferedImage again = FrameFigure.render("heat", config.grid(), 0.5, new int[] {0}, List.of(
                new FrameFigure.Series("truth", frames)));
        assertThat(darkness(again, 0.75)).isGreaterThan(darkness(again, 0.25));
    }

    /** Mean darkness (765 - r - g - b) of the first panel's row of pixels at {@code fraction} of its height. */
    private static double darkness(BufferedImage image, double fraction) {
        int y = 48 + (int) (150 * fraction);
        double sum = 0;
        for (int x = 110; x < 260; x++) {
            int rgb = image.getRGB(x, y);
            sum += 765 - ((rgb >> 16) & 255) - ((rgb >> 8) & 255) - (rgb & 255);
        }
        return sum / 150;
    }

    @Test
    void rejectsAFrameTheSeriesDoesNotHave() {
        PdeGrid grid = PdeGrid.torus(8);
        assertThatThrownBy(() -> FrameFigure.render("x", grid, 1.0, new int[] {2},
                List.of(new FrameFigure.Series("truth", new float[2 * 64])))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("frame 2");
    }
}
