package org.equivariant4j.cli.run;

import org.equivariant4j.nn.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a run's learning curves as a PNG with JFreeChart, headless: losses in the upper panel and
 * every other metric (accuracies, errors) in the lower one, against the epoch. Metrics named
 * {@code base.model} (several models trained side by side) get one colour per model in both panels
 * and one line style per base name, so "the same model" and "the same measure" read at a glance.
 * Written atomically.
 */
public final class LearningCurvePlot {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 700;

    private LearningCurvePlot() {
    }

    /** Renders {@code history} under {@code title} to {@code target}. */
    public static void write(MetricsHistory history, String title, Path target) {
        // Rendering needs no display; without this, AWT may look for one and fail on a server.
        System.setProperty("java.awt.headless", "true");
        // ImageIO's default file cache registers a shutdown hook, which throws while the JVM shuts down,
        // i.e. exactly when Ctrl-C makes us draw the curves of a stopped run. Encode in memory instead.
        ImageIO.setUseCache(false);
        List<String> names = history.metricNames();
        List<String> losses = names.stream().filter(n -> n.contains("loss")).toList();
        List<String> others = names.stream().filter(n -> !n.contains("loss")).toList();

        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        if (!losses.isEmpty()) {
            plot.add(panel(history, losses, "loss"), 1);
        }
        if (!others.isEmpty()) {
            plot.add(panel(history, others, "metric"), 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + target, e);
        }
        AtomicFiles.write(target, png.toByteArray());
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    /** The model a metric belongs to: the part after the last '.', or "" for a single model's metrics. */
    private static String model(String metric) {
        int dot = metric.lastIndexOf('.');
        return dot < 0 ? "" : metric.substring(dot + 1);
    }

    private static String base(String metric) {
        int dot = metric.lastIndexOf('.');
        return dot < 0 ? metric : metric.substring(0, dot);
    }

    /** Solid, dashed, dotted, dash-dot: one per measure within a panel. */
    private static BasicStroke stroke(int style) {
        float[][] dashes = {null, {10f, 6f}, {2f, 4f}, {10f, 4f, 2f, 4f}};
        float[] dash = dashes[style % dashes.length];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    private static XYPlot panel(MetricsHistory history, List<String> metrics, String axisLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String m : metrics) {
            XYSeries s = new XYSeries(m);
            for (EpochRecord e : history.epochs()) {
                Double v = e.metrics().get(m);
                if (v != null && Double.isFinite(v)) {
                    s.add(e.epoch(), v);
                }
            }
            data.addSeries(s);
        }
        NumberAxis valueAxis = new NumberAxis(axisLabel);
        valueAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<String> models = history.metricNames().stream().map(LearningCurvePlot::model).distinct().toList();
        List<String> bases = metrics.stream().map(LearningCurvePlot::base).distinct().toList();
        for (int i = 0; i < metrics.size(); i++) {
            String m = metrics.get(i);
            boolean byModel = models.size() > 1;
            renderer.setSeriesPaint(i, PALETTE[(byModel ? models.indexOf(model(m)) : i) % PALETTE.length]);
            renderer.setSeriesStroke(i, stroke(byModel ? bases.indexOf(base(m)) : 0));
        }
        XYPlot p = new XYPlot(data, null, valueAxis, renderer);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return p;
    }
}
