package org.equivariant4j.fields.enf.experiment;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.equivariant4j.nn.io.AtomicFiles;

/**
 * A PNG of forecasts beside the truth: one row per field sequence (truth first, then each model's forecast), one
 * column per chosen frame, each panel the grid's raster (grid rows top to bottom, columns left to right; on the sphere
 * that is colatitude by longitude). One diverging colour scale, symmetric about zero, for every panel, so a forecast
 * that fades or drifts is seen as such. The frame numbers head the columns and the training horizon is marked.
 */
final class ForecastFigure {
    private static final int CELL = 3;
    private static final int GAP = 6;
    private static final int LABEL = 150;
    private static final int TOP = 44;

    /** One row of panels: a label and its fields {@code [frames][points]} on the grid. */
    record Row(String label, double[][] frames) {
    }

    private ForecastFigure() {
    }

    static void write(Path target, String title, int gridRows, int gridCols, int[] shownFrames, int horizon, List<Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(title, gridRows, gridCols, shownFrames, horizon, rows), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("ForecastFigure: cannot encode the PNG", e);
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }

    static BufferedImage render(String title, int gridRows, int gridCols, int[] shownFrames, int horizon, List<Row> rows) {
        int scale = Math.max(1, CELL * 32 / Math.max(gridRows, gridCols));
        int panelW = gridCols * scale;
        int panelH = gridRows * scale;
        double max = 1e-12;
        for (Row r : rows) {
            for (int f : shownFrames) {
                for (double v : r.frames()[f]) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        int width = LABEL + shownFrames.length * (panelW + GAP) + GAP;
        int height = TOP + rows.size() * (panelH + GAP) + 24;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, GAP, 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int c = 0; c < shownFrames.length; c++) {
            int f = shownFrames[c];
            g.drawString("t = " + f + (f < horizon ? "" : " (beyond)"), LABEL + c * (panelW + GAP), TOP - 6);
        }
        for (int r = 0; r < rows.size(); r++) {
            int y0 = TOP + r * (panelH + GAP);
            g.setColor(Color.BLACK);
            g.drawString(rows.get(r).label(), GAP, y0 + panelH / 2);
            for (int c = 0; c < shownFrames.length; c++) {
                double[] field = rows.get(r).frames()[shownFrames[c]];
                int x0 = LABEL + c * (panelW + GAP);
                for (int i = 0; i < gridRows; i++) {
                    for (int j = 0; j < gridCols; j++) {
                        g.setColor(colour(field[i * gridCols + j] / max));
                        g.fillRect(x0 + j * scale, y0 + i * scale, scale, scale);
                    }
                }
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "colour: blue -%.3g .. white 0 .. red +%.3g; frames before %d are in the"
                + " training horizon", max, max, horizon), GAP, height - 8);
        g.dispose();
        return image;
    }

    /** Blue (-1) through white (0) to red (+1). */
    private static Color colour(double t) {
        double u = Math.max(-1, Math.min(1, t));
        int fade = (int) Math.round(255 * (1 - Math.abs(u)));
        return u >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }
}
