package org.equivariant4j.nn.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header dictionary of a {@code .npy} file, e.g. {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (3, 4), }}: parsed strictly (only the three keys, only supported types) so a malformed or
 * hostile file fails with a message rather than a huge allocation.
 */
record NpyHeader(NpyDType dtype, ByteOrder order, boolean fortranOrder, int[] shape) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern KEY = Pattern.compile("'([^']*)'\\s*:");

    static NpyHeader parse(String text, String where) {
        String t = text.trim();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            throw new NpyFormatException(where + ": the header is not a dictionary: " + abbreviate(t));
        }
        Matcher keys = KEY.matcher(t);
        while (keys.find()) {
            String k = keys.group(1);
            if (!k.equals("descr") && !k.equals("fortran_order") && !k.equals("shape")) {
                throw new NpyFormatException(where + ": unexpected header key '" + k + "' (expected descr, fortran_order, shape)");
            }
        }
        Matcher d = DESCR.matcher(t);
        Matcher f = FORTRAN.matcher(t);
        Matcher s = SHAPE.matcher(t);
        if (!d.find() || !f.find() || !s.find()) {
            throw new NpyFormatException(where + ": the header must give 'descr', 'fortran_order' and 'shape' but was "
                    + abbreviate(t));
        }
        String descr = d.group(1);
        if (descr.length() < 2) {
            throw new NpyFormatException(where + ": unsupported dtype '" + descr + "'; supported: " + NpyDType.supported());
        }
        char byteOrder = descr.charAt(0);
        String code = "<>|=".indexOf(byteOrder) >= 0 ? descr.substring(1) : descr;
        NpyDType dtype = NpyDType.ofCode(code).orElseThrow(() -> new NpyFormatException(where + ": unsupported dtype '"
                + descr + "'; supported: " + NpyDType.supported() + ", each with byte order <, > or |"));
        ByteOrder order = byteOrder == '>' ? ByteOrder.BIG_ENDIAN
                : byteOrder == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
        return new NpyHeader(dtype, order, f.group(1).equals("True"), parseShape(s.group(1), where));
    }

    private static int[] parseShape(String body, String where) {
        List<Integer> dims = new ArrayList<>();
        for (String part : body.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new NpyFormatException(where + ": shape entry " + p + " is out of range");
                }
                dims.add((int) v);
            } catch (NumberFormatException e) {
                throw new NpyFormatException(where + ": shape (" + body + ") is not a tuple of integers");
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long n = 1;
        for (int v : shape) {
            n = Math.multiplyExact(n, (long) v);
        }
        if (n > Integer.MAX_VALUE) {
            throw new NpyFormatException(where + ": shape " + Arrays.toString(shape) + " has " + n + " elements, more than "
                    + Integer.MAX_VALUE);
        }
        return shape;
    }

    long byteCount() {
        return NpyArray.numel(shape) * dtype.itemSize();
    }

    /** The dictionary text NumPy writes (without padding). */
    String format() {
        String o = dtype.itemSize() == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        StringBuilder s = new StringBuilder("{'descr': '").append(o).append(dtype.code()).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        return s.append("), }").toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
