package org.equivariant4j.gconv.weightsharing.analysis;

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

import javax.imageio.ImageIO;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.nn.io.AtomicFiles;

/**
 * A PNG of weight-sharing matrices as heat maps: one row per labelled set (e.g. the learned matrices above the
 * true group representation), one panel per matrix, entries in [0, 1] from white (0) to dark blue (1). Drawn with
 * java.awt only, headless.
 */
public final class MatrixFigure {
    private static final int PANEL = 200;
    private static final int MARGIN = 18;
    private static final int LABEL = 16;
    private static final int ROW_TITLE = 22;

    private MatrixFigure() {
    }

    /** A row of panels: a title and the matrices with their captions. */
    public record Row(String title, List<String> captions, double[][][] matrices) {
        public Row {
            if (captions.size() != matrices.length) {
                throw new InvalidArgumentException("MatrixFigure.Row: " + captions.size() + " captions for " + matrices.length
                        + " matrices");
            }
        }
    }

    /** Renders the rows. */
    public static BufferedImage render(String title, List<Row> rows) {
        int columns = rows.stream().mapToInt(r -> r.matrices().length).max().orElse(1);
        int width = MARGIN + columns * (PANEL + MARGIN);
        int rowHeight = ROW_TITLE + PANEL + LABEL + MARGIN;
        int height = 30 + rows.size() * rowHeight;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, 20);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int top = 30 + r * rowHeight;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(row.title(), MARGIN, top + 15);
            for (int c = 0; c < row.matrices().length; c++) {
                int left = MARGIN + c * (PANEL + MARGIN);
                drawMatrix(g, row.matrices()[c], left, top + ROW_TITLE);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                g.drawString(row.captions().get(c), left, top + ROW_TITLE + PANEL + 13);
            }
        }
        g.dispose();
        return image;
    }

    /** Renders and writes the PNG atomically. */
    public static void write(Path file, String title, List<Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(title, rows), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("MatrixFigure: cannot encode " + file, e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static void drawMatrix(Graphics2D g, double[][] m, int left, int top) {
        int n = m.length;
        double cell = (double) PANEL / n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = Math.max(0, Math.min(1, m[i][j]));
                // White to dark blue; sqrt so that small soft entries remain visible.
                double t = Math.sqrt(v);
                g.setColor(new Color((int) (255 * (1 - t)), (int) (255 * (1 - 0.85 * t)), (int) (255 * (1 - 0.45 * t))));
                int x0 = left + (int) Math.round(j * cell);
                int y0 = top + (int) Math.round(i * cell);
                int x1 = left + (int) Math.round((j + 1) * cell);
                int y1 = top + (int) Math.round((i + 1) * cell);
                g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(left, top, PANEL, PANEL);
    }
}
