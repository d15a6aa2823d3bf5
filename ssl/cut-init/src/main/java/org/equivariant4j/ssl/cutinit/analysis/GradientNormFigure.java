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
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.equivariant4j.nn.io.AtomicFiles;

/**
 * The PNG of the analysis: log-log axes, ||∇_z cos(z, z')|| against ||z|| for several angles θ between z and z',
 * the autodiff's measurement as dots and the closed form sin θ / ||z|| as lines (slope -1; the θ near π line lies far
 * below the others: the antipodal vanishing). Drawn with java.awt only, headless; written atomically.
 */
public final class GradientNormFigure {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    /** Angles in degrees, from aligned-ish to nearly antipodal. */
    public static final double[] ANGLES = {15, 45, 90, 135, 170, 179};
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0xd62728), new Color(0x8c564b)};
    private static final double MIN_NORM = 0.1;
    private static final double MAX_NORM = 100;

    private GradientNormFigure() {
    }

    /** z (in 8 dimensions) at angle θ from a fixed unit z', scaled to {@code norm}. */
    public static double[][] pair(double degrees, double norm) {
        double t = Math.toRadians(degrees);
        double[] zPrime = {1, 0, 0, 0, 0, 0, 0, 0};
        double[] z = {norm * Math.cos(t), norm * Math.sin(t), 0, 0, 0, 0, 0, 0};
        return new double[][] {z, zPrime};
    }

    public static BufferedImage render() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double yMin = Math.log10(1e-4);
        double yMax = Math.log10(20);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("||grad_z cos(z, z')|| vs ||z||: autodiff (dots), sin(theta)/||z|| (lines)", LEFT - 40, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int e = -1; e <= 2; e++) {
            int x = LEFT + (int) Math.round((e - Math.log10(MIN_NORM)) / (Math.log10(MAX_NORM) - Math.log10(MIN_NORM)) * plotW);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(x, TOP, x, TOP + plotH);
            g.setColor(Color.BLACK);
            g.drawString("1e" + e, x - 10, TOP + plotH + 18);
        }
        for (int e = -4; e <= 1; e++) {
            int y = TOP + (int) Math.round((yMax - e) / (yMax - yMin) * plotH);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.BLACK);
            g.drawString("1e" + e, LEFT - 36, y + 4);
        }
        g.drawString("||z||", LEFT + plotW / 2 - 10, HEIGHT - 18);
        g.drawString("gradient norm", 8, TOP - 10);
        for (int a = 0; a < ANGLES.length; a++) {
            g.setColor(COLOURS[a]);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i <= 60; i++) {
                double lx = Math.log10(MIN_NORM) + i * (Math.log10(MAX_NORM) - Math.log10(MIN_NORM)) / 60;
                double[][] zz = pair(ANGLES[a], Math.pow(10, lx));
                int x = LEFT + (int) Math.round((lx - Math.log10(MIN_NORM)) / (Math.log10(MAX_NORM) - Math.log10(MIN_NORM)) * plotW);
                int y = yPixel(CosineGradient.closedFormNorm(zz[0], zz[1]), yMin, yMax, plotH);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
                if (i % 6 == 0) {
                    int my = yPixel(CosineGradient.measuredNorm(zz[0], zz[1]), yMin, yMax, plotH);
                    g.fillOval(x - 4, my - 4, 8, 8);
                }
            }
            g.drawString(String.format(Locale.ROOT, "theta = %.0f deg", ANGLES[a]), LEFT + plotW + 15, TOP + 20 + 20 * a);
        }
        g.dispose();
        return image;
    }

    private static int yPixel(double value, double yMin, double yMax, int plotH) {
        double v = Math.max(yMin, Math.min(yMax, Math.log10(value)));
        return TOP + (int) Math.round((yMax - v) / (yMax - yMin) * plotH);
    }

    /** Renders the figure to {@code target}. */
    public static void write(Path target) {
        ImageIO.setUseCache(false);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("GradientNormFigure: cannot encode " + target, e);
        }
        AtomicFiles.write(target, png.toByteArray());
    }
}
