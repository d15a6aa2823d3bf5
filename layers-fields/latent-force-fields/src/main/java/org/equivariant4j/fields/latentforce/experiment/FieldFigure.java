package org.equivariant4j.fields.latentforce.experiment;

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

import javax.imageio.ImageIO;

import org.equivariant4j.fields.latentforce.system.StaticSources;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * A PNG of a {@link FieldComparison}, three panels side by side: the true field, the learned field and the error
 * {@code |F - E|}, on one plane of the grid (the grid itself in 2D; in 3D the plane of constant last coordinate
 * nearest to the first source). Colour is the log magnitude on one scale for all three panels; arrows show
 * directions; cells no training particle visited are grey; sources are dots (red positive, blue negative).
 */
final class FieldFigure {
    private static final int PANEL = 360;
    private static final int MARGIN = 30;

    private FieldFigure() {
    }

    static void write(Path target, String title, FieldComparison c, StaticSources sources) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(title, c, sources), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("FieldFigure: cannot encode the PNG", e);
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }

    static BufferedImage render(String title, FieldComparison c, StaticSources sources) {
        int n = c.points();
        int dims = c.dims();
        int slice = dims == 2 ? 0 : nearest(c, sources.count() > 0 ? sources.position(0)[dims - 1] : 0.0);
        double[][] truth = plane(c.truth(), c, slice);
        double[][] learned = plane(c.learned(), c, slice);
        double[][] error = new double[n * n][];
        boolean[] visited = new boolean[n * n];
        double max = 1e-12;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n * n; i++) {
            error[i] = new double[2];
            for (int d = 0; d < 2; d++) {
                error[i][d] = learned[i][d] - truth[i][d];
            }
            visited[i] = c.visited()[index(c, i, slice)];
            for (double[] v : new double[][] {truth[i], learned[i]}) {
                double m = Math.hypot(v[0], v[1]);
                max = Math.max(max, m);
                if (m > 0) {
                    min = Math.min(min, m);
                }
            }
        }
        min = Math.max(min, max * 1e-4);
        BufferedImage image = new BufferedImage(3 * PANEL + 4 * MARGIN, PANEL + 3 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, 20);
        String[] names = {"true field", "learned field", "error |F - E|"};
        double[][][] panels = {truth, learned, error};
        for (int p = 0; p < 3; p++) {
            int x0 = MARGIN + p * (PANEL + MARGIN);
            int y0 = 2 * MARGIN;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            g.drawString(names[p], x0, y0 - 6);
            drawPanel(g, x0, y0, n, panels[p], visited, min, max, p < 2);
            drawSources(g, x0, y0, c, sources, slice);
        }
        g.dispose();
        return image;
    }

    private static void drawPanel(Graphics2D g, int x0, int y0, int n, double[][] v, boolean[] visited, double min, double max,
            boolean arrows) {
        double cell = (double) PANEL / n;
        for (int i = 0; i < n * n; i++) {
            int col = i % n;
            int row = i / n;
            int px = x0 + (int) Math.round(col * cell);
            int py = y0 + PANEL - (int) Math.round((row + 1) * cell);
            int size = (int) Math.ceil(cell);
            double m = Math.hypot(v[i][0], v[i][1]);
            if (!visited[i]) {
                g.setColor(new Color(215, 215, 215));
            } else {
                double t = m <= min ? 0 : Math.min(1, Math.log(m / min) / Math.log(max / min));
                g.setColor(colour(t));
            }
            g.fillRect(px, py, size, size);
            if (arrows && m > 0 && visited[i]) {
                double ux = v[i][0] / m;
                double uy = v[i][1] / m;
                double cx = px + cell / 2;
                double cy = py + cell / 2;
                double half = 0.42 * cell;
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1f));
                g.drawLine((int) Math.round(cx - half * ux), (int) Math.round(cy + half * uy), (int) Math.round(cx + half * ux),
                        (int) Math.round(cy - half * uy));
                g.fillOval((int) Math.round(cx + half * ux) - 1, (int) Math.round(cy - half * uy) - 1, 3, 3);
            }
        }
    }

    private static void drawSources(Graphics2D g, int x0, int y0, FieldComparison c, StaticSources sources, int slice) {
        for (int k = 0; k < sources.count(); k++) {
            double[] p = sources.position(k);
            double u = (p[0] + c.extent()) / (2 * c.extent());
            double w = (p[1] + c.extent()) / (2 * c.extent());
            if (u < 0 || u > 1 || w < 0 || w > 1) {
                continue;
            }
            g.setColor(sources.strength(k) > 0 ? new Color(200, 30, 30) : new Color(30, 60, 200));
            g.fillOval(x0 + (int) Math.round(u * PANEL) - 4, y0 + PANEL - (int) Math.round(w * PANEL) - 4, 8, 8);
        }
    }

    /** A light-yellow to dark-purple ramp for t in [0, 1]. */
    private static Color colour(double t) {
        int r = (int) Math.round(250 - 170 * t);
        int gr = (int) Math.round(240 - 220 * t);
        int b = (int) Math.round(180 - 60 * t);
        return new Color(r, gr, b);
    }

    private static int nearest(FieldComparison c, double coordinate) {
        int best = 0;
        for (int i = 1; i < c.points(); i++) {
            if (Math.abs(c.coordinate(i) - coordinate) < Math.abs(c.coordinate(best) - coordinate)) {
                best = i;
            }
        }
        return best;
    }

    /** The first two components of the vectors on the plane (row-major over the first two axes). */
    private static double[][] plane(double[] values, FieldComparison c, int slice) {
        int n = c.points();
        double[][] out = new double[n * n][];
        for (int i = 0; i < n * n; i++) {
            int at = index(c, i, slice) * c.dims();
            out[i] = new double[] {values[at], values[at + 1]};
        }
        return out;
    }

    /**
     * The flat grid index of plane point {@code i}, whose column {@code i % n} runs along the first axis (x) and whose
     * row {@code i / n} along the second (y). The grid is row-major with the last axis fastest: in 2D point
     * (a0, a1) is {@code a0 * n + a1}, in 3D (a0, a1, slice) is {@code (a0 * n + a1) * n + slice}.
     */
    private static int index(FieldComparison c, int i, int slice) {
        int n = c.points();
        int a0 = i % n;
        int a1 = i / n;
        return c.dims() == 2 ? a0 * n + a1 : (a0 * n + a1) * n + slice;
    }
}
