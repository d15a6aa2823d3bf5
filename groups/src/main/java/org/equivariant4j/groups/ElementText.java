package org.equivariant4j.groups;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.TextFormatException;

/**
 * The canonical text syntax of built-in group elements: {@code NAME[field;field;...]}, e.g.
 * {@code D4[r3;flip]}, {@code SO(3)[q=(w,x,y,z)]}, {@code E(3)[t=(x,y,z);q=(w,x,y,z);inv]}. Numbers are
 * printed with {@link Double#toString(double)}, which round-trips exactly.
 */
final class ElementText {
    private ElementText() {
    }

    /** The text between {@code groupName[} and the final {@code ]}, or a TextFormatException naming the form. */
    static String body(String text, String groupName, String expectedForm) {
        String prefix = groupName + "[";
        if (text == null || !text.startsWith(prefix) || !text.endsWith("]")) {
            throw new TextFormatException(String.valueOf(text), expectedForm);
        }
        return text.substring(prefix.length(), text.length() - 1).trim();
    }

    /** The ';'-separated fields of a body, trimmed (parentheses protect commas, not semicolons). */
    static List<String> fields(String body) {
        List<String> out = new ArrayList<>();
        for (String f : body.split(";", -1)) {
            out.add(f.trim());
        }
        return out;
    }

    /** The value of a {@code key=value} field, or a TextFormatException. */
    static String value(String field, String key, String text, String expectedForm) {
        String prefix = key + "=";
        if (!field.startsWith(prefix)) {
            throw new TextFormatException(text, expectedForm);
        }
        return field.substring(prefix.length()).trim();
    }

    /** A number, or a TextFormatException quoting the whole input. */
    static double number(String value, String text, String expectedForm) {
        try {
            double v = Double.parseDouble(value.trim());
            if (!Double.isFinite(v)) {
                throw new TextFormatException(text, expectedForm + " with finite numbers");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TextFormatException(text, expectedForm, e);
        }
    }

    /** An integer, or a TextFormatException quoting the whole input. */
    static int integer(String value, String text, String expectedForm) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TextFormatException(text, expectedForm, e);
        }
    }

    /** {@code (a,b,c)} with exactly {@code length} numbers. */
    static double[] tuple(String value, int length, String text, String expectedForm) {
        String v = value.trim();
        if (!v.startsWith("(") || !v.endsWith(")")) {
            throw new TextFormatException(text, expectedForm);
        }
        String[] parts = v.substring(1, v.length() - 1).split(",", -1);
        if (parts.length != length) {
            throw new TextFormatException(text, expectedForm);
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = number(parts[i], text, expectedForm);
        }
        return out;
    }

    /** {@code (a,b,c)} at full precision. */
    static String tuple(double... values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(values[i] == 0.0 ? 0.0 : values[i]); // -0.0 prints as 0.0: one text per value
        }
        return sb.append(')').toString();
    }
}
