package org.equivariant4j.ssl.cutinit.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.equivariant4j.core.error.MalformedFileException;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * The README's curves of one run of an SSL experiment, read from its {@code metrics.csv}: kNN accuracy per epoch (left,
 * linear) and the mean embedding norm per epoch (right, log scale: GradScale's norms run to 1e7), one colour per model
 * ({@code c1}, {@code c3}, {@code c9}, {@code gs}). The CLI's own plot puts both measures on one linear axis, which
 * the norms flatten. java.awt only, headless; written atomically.
 *
 * <p>{@code java -cp ... org.equivariant4j.ssl.cutinit.analysis.TrainingCurvesFigure RUN_DIR/metrics.csv OUT.png TITLE}
 */
public final class TrainingCurvesFigure {
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 320;
    private static final int MARGIN = 70;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd)};

    private TrainingCurvesFigure() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: TrainingCurvesFigure METRICS_CSV OUT_PNG TITLE");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), args[2]);
    }

    /** Renders the curves in {@code metricsCsv} to {@code target}. */
    public static void write(Path metricsCsv, Path target, String title) throws IOException {
        List<String> lines = Files.readAllLines(metricsCsv);
        if (lines.size() < 2) {
            throw new MalformedFileException("TrainingCurvesFigure: " + metricsCsv + " holds no epoch");
        }
        String[] header = lines.get(0).split(",");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double[] row = new double[header.length];
            for (int i = 0; i < header.length; i++) {
                row[i] = Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
        List<String> models = new ArrayList<>();
        for (String h : header) {
            if (h.startsWith("knn_acc.")) {
                models.add(h.substring("knn_acc.".length()));
            }
        }
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * PANEL_W + 3 * MARGIN + 60, PANEL_H + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, MARGIN, 28);
        int epochs = rows.size();
        panel(g, MARGIN, "kNN accuracy", header, rows, models, "knn_acc.", false, epochs);
        panel(g, 2 * MARGIN + PANEL_W, "mean embedding norm (log10)", header, rows, models, "emb_norm.", true, epochs);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int m = 0; m < models.size(); m++) {
            g.setColor(COLOURS[m % COLOURS.length]);
            g.drawString(models.get(m), 3 * MARGIN + 2 * PANEL_W - 20, MARGIN + 20 + 18 * m);
        }
        g.dispose();
        ImageIO.setUseCache(false);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        AtomicFiles.write(target, png.toByteArray());
    }

    private static void panel(Graphics2D g, int left, String label, String[] header, List<double[]> rows, List<String> models,
            String prefix, boolean log, int epochs) {
        double lo = log ? Double.MAX_VALUE : 0;
        double hi = log ? -Double.MAX_VALUE : 1;
        if (log) {
            for (String m : models) {
                int col = column(header, prefix + m);
                for (double[] r : rows) {
                    lo = Math.min(lo, Math.floor(Math.log10(r[col])));
                    hi = Math.max(hi, Math.ceil(Math.log10(r[col])));
                }
            }
            hi = Math.max(hi, lo + 1);
        }
        int top = MARGIN;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, PANEL_W, PANEL_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(label, left, top - 8);
        g.drawString("epoch", left + PANEL_W / 2 - 15, top + PANEL_H + 34);
        int ticks = log ? (int) (hi - lo) : 5;
        for (int t = 0; t <= ticks; t++) {
            double v = lo + (hi - lo) * t / ticks;
            int y = top + PANEL_H - (int) Math.round((v - lo) / (hi - lo) * PANEL_H);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(left, y, left + PANEL_W, y);
            g.setColor(Color.BLACK);
            g.drawString(log ? String.format(Locale.ROOT, "1e%.0f", v) : String.format(Locale.ROOT, "%.0f%%", 100 * v), left - 45,
                    y + 4);
        }
        for (int e = 1; e <= epochs; e++) {
            g.drawString(Integer.toString(e), x(left, e, epochs) - 3, top + PANEL_H + 16);
        }
        g.setStroke(new BasicStroke(2f));
        for (int m = 0; m < models.size(); m++) {
            int col = column(header, prefix + models.get(m));
            g.setColor(COLOURS[m % COLOURS.length]);
            int px = -1;
            int py = -1;
            for (int e = 0; e < epochs; e++) {
                double v = rows.get(e)[col];
                double w = log ? Math.log10(v) : v;
                int x = x(left, e + 1, epochs);
                int y = top + PANEL_H - (int) Math.round((w - lo) / (hi - lo) * PANEL_H);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
    }

    private static int x(int left, int epoch, int epochs) {
        return left + (int) Math.round((epoch - 0.5) / epochs * PANEL_W);
    }

    private static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new MalformedFileException("TrainingCurvesFigure: no column '" + name + "' in the metrics");
    }
}
