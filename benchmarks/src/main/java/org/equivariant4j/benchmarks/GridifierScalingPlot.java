package org.equivariant4j.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws {@link GridifierScaling}'s CSV as one PNG of four panels: step CPU time and peak step memory against the
 * number of points (at the default k of each model), and the same against k (at the points of the k sweep), the
 * gridifier and the baseline as two lines each. {@code java ... GridifierScalingPlot <csv> <png> <kSweepPoints>}.
 */
public final class GridifierScalingPlot {

    private GridifierScalingPlot() {
    }

    public static void main(String[] args) throws IOException {
        List<String[]> rows = Files.readAllLines(Path.of(args[0])).stream().skip(1).map(l -> l.split(",")).toList();
        Path png = Path.of(args[1]);
        int sweepPoints = Integer.parseInt(args[2]);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1400, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1400, 1000);
        draw(g, rows, true, 5, "step CPU time (ms) vs points", 0, 0, sweepPoints);
        draw(g, rows, true, 7, "peak memory of a step (MiB above the idle JVM) vs points", 700, 0, sweepPoints);
        draw(g, rows, false, 5, "step CPU time (ms) vs k (" + sweepPoints + " points)", 0, 500, sweepPoints);
        draw(g, rows, false, 7, "peak memory (MiB) vs k (" + sweepPoints + " points)", 700, 500, sweepPoints);
        g.dispose();
        Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), "plot", ".png");
        javax.imageio.ImageIO.write(image, "png", tmp.toFile());
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void draw(java.awt.Graphics2D g, List<String[]> rows, boolean byPoints, int column, String title, int x,
            int y, int sweepPoints) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String model : List.of("gridifier", "baseline")) {
            XYSeries s = new XYSeries(model);
            int defaultK = model.equals("gridifier") ? 9 : 16;
            for (String[] r : rows) {
                if (!r[0].equals(model)) {
                    continue;
                }
                int points = Integer.parseInt(r[1]);
                int k = Integer.parseInt(r[2]);
                double value = column == 7 ? Double.parseDouble(r[7]) - Double.parseDouble(r[8]) : Double.parseDouble(r[column]);
                if (byPoints && k == defaultK) {
                    s.add(points, value);
                } else if (!byPoints && points == sweepPoints) {
                    s.add(k, value);
                }
            }
            data.addSeries(s);
        }
        LogAxis xAxis = new LogAxis(byPoints ? "points per cloud (2 clouds per batch)" : "k (neighbours)");
        xAxis.setBase(2);
        xAxis.setSmallestValue(1);
        xAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        LogAxis yAxis = new LogAxis(column == 5 ? "ms (log scale)" : "MiB (log scale)");
        yAxis.setBase(10);
        yAxis.setSmallestValue(1);
        yAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(x, y, 700, 500));
    }

}
