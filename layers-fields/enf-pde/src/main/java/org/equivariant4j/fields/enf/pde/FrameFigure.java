package org.equivariant4j.fields.enf.pde;

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

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * A PNG of one trajectory's frames on its grid, truth above forecasts: one row per named series, one panel per chosen
 * frame, every panel on one colour scale so rows compare at a glance. A signed field (values on both sides of zero,
 * e.g. vorticity) is drawn blue-white-red symmetric about zero, a non-negative one (heat) white to dark red. Plane and
 * torus frames are drawn with x to the right and y up; sphere frames as an equirectangular map (north up, longitude
 * 0 at the left). Drawn with java.awt only (headless), written atomically.
 */
public final class FrameFigure {
    private static final int PANEL = 150;
    private static final int GAP = 10;
    private static final int LEFT = 110;
    private static final int TOP = 48;

    private FrameFigure() {
    }

    /** One row: a name (e.g. "truth", "ENF SE(2)") and a trajectory's frames {@code [T, P]}. */
    public record Series(String name, float[] frames) {
    }

    /** Renders {@code series} at {@code frames} (frame indices) and writes the PNG to {@code target}. */
    public static void write(Path target, String title, PdeGrid grid, double dt, int[] frames, List<Series> series) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(title, grid, dt, frames, series), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("FrameFigure: cannot encode the PNG for " + target, e);
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }

    /** The image {@link #write} writes. */
    public static BufferedImage render(String title, PdeGrid grid, double dt, int[] frames, List<Series> series) {
        int points = grid.points();
        if (series.isEmpty() || frames.length == 0) {
            throw new InvalidArgumentException("FrameFigure: need at least one series and one frame");
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.frames().length % points != 0) {
                throw new InvalidArgumentException("FrameFigure: series '" + s.name() + "' has " + s.frames().length
                        + " values, not a whole number of frames of " + points + " points");
            }
            for (int f : frames) {
                if (f < 0 || (long) (f + 1) * points > s.frames().length) {
                    throw new InvalidArgumentException("FrameFigure: frame " + f + " is not in series '" + s.name() + "' ("
                            + s.frames().length / points + " frames)");
                }
                for (int p = 0; p < points; p++) {
                    float v = s.frames()[f * points + p];
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        ColourScale scale = new ColourScale(low, high);
        int width = LEFT + frames.length * (PANEL + GAP);
        int height = TOP + series.size() * (PANEL + GAP) + 24;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, GAP, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int c = 0; c < frames.length; c++) {
            g.drawString(String.format(Locale.ROOT, "t = %.3g", frames[c] * dt), LEFT + c * (PANEL + GAP), TOP - 6);
        }
        for (int r = 0; r < series.size(); r++) {
            int y = TOP + r * (PANEL + GAP);
            g.setColor(Color.BLACK);
            g.drawString(series.get(r).name(), GAP, y + PANEL / 2);
            for (int c = 0; c < frames.length; c++) {
                paint(image, LEFT + c * (PANEL + GAP), y, grid, series.get(r).frames(), frames[c] * points, scale);
            }
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "colour scale %.3g .. %.3g%s", scale.low, scale.high,
                scale.signed ? " (white = 0)" : ""), GAP, height - 8);
        g.dispose();
        return image;
    }

    /** Fills a PANEL x PANEL square with the frame at {@code offset}, nearest grid node per pixel. */
    private static void paint(BufferedImage image, int x0, int y0, PdeGrid grid, float[] values, int offset,
            ColourScale scale) {
        boolean sphere = grid.coordDim() == 3;
        for (int py = 0; py < PANEL; py++) {
            for (int px = 0; px < PANEL; px++) {
                int row;
                int col;
                if (sphere) {
                    row = py * grid.rows() / PANEL; // colatitude from the north pole down
                    col = px * grid.cols() / PANEL; // longitude from 0
                } else {
                    row = px * grid.rows() / PANEL; // x (the grid's row index) to the right
                    col = grid.cols() - 1 - py * grid.cols() / PANEL; // y up
                }
                image.setRGB(x0 + px, y0 + py, scale.rgb(values[offset + row * grid.cols() + col]));
            }
        }
    }

    /** Blue-white-red about zero for signed data, white to dark red otherwise. */
    private static final class ColourScale {
        final double low;
        final double high;
        final boolean signed;

        ColourScale(double low, double high) {
            // rounding (e.g. -1e-12 beside a peak of 1) does not make a field signed
            this.signed = low < 0 && high > 0 && Math.min(-low, high) > 0.01 * Math.max(-low, high);
            double bound = Math.max(Math.abs(low), Math.abs(high));
            this.low = signed ? -bound : low;
            this.high = signed ? bound : (high > low ? high : low + 1);
        }

        int rgb(double v) {
            double t = Math.max(0, Math.min(1, (v - low) / (high - low)));
            if (signed) {
                double s = 2 * t - 1; // -1 blue .. 0 white .. 1 red
                int fade = (int) Math.round(255 * (1 - Math.abs(s)));
                return s < 0 ? new Color(fade, fade, 255).getRGB() : new Color(255, fade, fade).getRGB();
            }
            return new Color(255 - (int) Math.round(115 * t), 255 - (int) Math.round(235 * t),
                    255 - (int) Math.round(225 * t)).getRGB();
        }
    }
}
