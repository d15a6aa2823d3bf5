package org.equivariant4j.cli.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

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
 * every other metric (accuracies, errors) in the lower one, against the epoch. Written atomically.
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
        AtomicText.write(target, png.toByteArray());
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
        for (int i = 0; i < metrics.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot p = new XYPlot(data, null, valueAxis, renderer);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return p;
    }
}
