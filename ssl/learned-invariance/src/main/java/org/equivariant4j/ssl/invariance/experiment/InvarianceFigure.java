package org.equivariant4j.ssl.invariance.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
 * The experiment's PNG, drawn with java.awt only (headless): on the left the mean logit distance of every model on
 * every measured set (grouped bars, log scale: the in-distribution set, then the shifted ones), on the right every
 * model's mean input-Jacobian singular values by rank (log scale), the "spectral decay" picture.
 */
final class InvarianceFigure {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};
    private static final int PANEL_W = 520;
    private static final int PANEL_H = 340;
    private static final int LEFT = 70;
    private static final int TOP = 50;
    private static final double FLOOR = 1e-8;

    /** One model: its name, logit distance per measured set, and its normalised singular values by rank. */
    record Series(String name, List<Double> distances, double[] spectrum) {
    }

    private InvarianceFigure() {
    }

    static void write(Path file, String title, List<String> sets, List<Series> series) {
        BufferedImage image = render(title, sets, series);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            if (file.getParent() != null) {
                file.getParent().toFile().mkdirs();
            }
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("learned-invariance: could not write the figure " + file, e);
        }
    }

    static BufferedImage render(String title, List<String> sets, List<Series> series) {
        int width = 2 * (LEFT + PANEL_W) + 40;
        int height = TOP + PANEL_H + 90 + 18 * series.size();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        bars(g, LEFT, TOP, sets, series);
        spectra(g, 2 * LEFT + PANEL_W + 20, TOP, series);
        for (int s = 0; s < series.size(); s++) {
            int y = TOP + PANEL_H + 60 + 18 * s;
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fillRect(LEFT, y - 10, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), LEFT + 20, y);
        }
        g.dispose();
        return image;
    }

    private static void bars(Graphics2D g, int x0, int y0, List<String> sets, List<Series> series) {
        double[] range = logRange(series.stream().flatMap(s -> s.distances().stream()).mapToDouble(Double::doubleValue).toArray());
        axes(g, x0, y0, "mean logit distance over the orbit (log)", range);
        int groups = sets.size();
        double groupW = PANEL_W / (double) groups;
        double barW = groupW * 0.8 / Math.max(1, series.size());
        for (int k = 0; k < groups; k++) {
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).distances().get(k);
                int y = yOf(v, range, y0);
                int x = (int) (x0 + k * groupW + groupW * 0.1 + s * barW);
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(x, y, Math.max(1, (int) barW - 1), y0 + PANEL_H - y);
            }
            g.setColor(Color.BLACK);
            g.drawString(sets.get(k), (int) (x0 + k * groupW + groupW * 0.1), y0 + PANEL_H + 15);
        }
    }

    private static void spectra(Graphics2D g, int x0, int y0, List<Series> series) {
        double[] range = logRange(series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.spectrum())).toArray());
        axes(g, x0, y0, "input-Jacobian singular values / logit spread, by rank (log)", range);
        int ranks = series.stream().mapToInt(s -> s.spectrum().length).max().orElse(1);
        g.setStroke(new BasicStroke(2f));
        for (int s = 0; s < series.size(); s++) {
            double[] v = series.get(s).spectrum();
            g.setColor(PALETTE[s % PALETTE.length]);
            for (int r = 0; r + 1 < v.length; r++) {
                g.drawLine(xOfRank(r, ranks, x0), yOf(v[r], range, y0), xOfRank(r + 1, ranks, x0), yOf(v[r + 1], range, y0));
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        for (int r = 0; r < ranks; r++) {
            g.drawString(Integer.toString(r + 1), xOfRank(r, ranks, x0) - 3, y0 + PANEL_H + 15);
        }
    }

    private static void axes(Graphics2D g, int x0, int y0, String label, double[] range) {
        g.setColor(Color.BLACK);
        g.drawString(label, x0, y0 - 10);
        g.drawRect(x0, y0, PANEL_W, PANEL_H);
        for (int e = (int) Math.ceil(range[0]); e <= Math.floor(range[1]); e++) {
            int y = yOf(Math.pow(10, e), range, y0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0 + 1, y, x0 + PANEL_W - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "1e%d", e), x0 - 40, y + 4);
        }
    }

    /** [log10 min, log10 max] of the positive values, floored at 1e-8 and at least one decade wide. */
    private static double[] logRange(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            double c = Math.max(FLOOR, Double.isFinite(v) ? v : FLOOR);
            lo = Math.min(lo, Math.log10(c));
            hi = Math.max(hi, Math.log10(c));
        }
        if (!Double.isFinite(lo)) {
            return new double[] {-1, 0};
        }
        lo = Math.floor(lo);
        hi = Math.max(lo + 1, Math.ceil(hi));
        return new double[] {lo, hi};
    }

    private static int yOf(double v, double[] range, int y0) {
        double l = Math.log10(Math.max(FLOOR, Double.isFinite(v) ? v : FLOOR));
        return (int) Math.round(y0 + PANEL_H - (l - range[0]) / (range[1] - range[0]) * PANEL_H);
    }

    private static int xOfRank(int r, int ranks, int x0) {
        return x0 + 20 + (int) Math.round(r * (PANEL_W - 40) / (double) Math.max(1, ranks - 1));
    }
}
