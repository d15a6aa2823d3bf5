package org.equivariant4j.nn.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the header dictionary of a {@code .npy} file in the grammar NumPy writes and nothing wider:
 *
 * <pre>
 *   header := '{' item (',' item)* ','? '}' padding        (items in any order, whitespace between tokens)
 *   item   := 'descr' ':' string | 'fortran_order' ':' (True | False) | 'shape' ':' tuple
 *   tuple  := '(' ')' | '(' int ',' ')' | '(' int (',' int)+ ','? ')'
 *   int    := 0 | [1-9][0-9]*   (a trailing L, as Python 2 wrote, in format versions 1.0 and 2.0)
 *   string := '...' or "..." without escapes
 *   padding := whitespace only (NumPy writes spaces and a final newline)
 * </pre>
 *
 * NumPy evaluates the header as a Python literal, so it would accept more (a duplicated key, whose
 * last value wins; {@code 1_000}; byte strings; a structured {@code descr} list). NumPy never writes
 * those, and a reader that accepted them could disagree with another reader about the same file, so
 * each is refused with a message that names it. The type codes are case-sensitive, as in NumPy
 * ({@code '<U2'} is a unicode string, not uint16).
 */
final class NpyHeaderParser {
    /** NumPy's own limit on array rank (NPY_MAXDIMS in NumPy 2). */
    static final int MAX_RANK = 64;

    private final String text;
    private final String where;
    private final boolean python2Longs;
    private int at;

    private NpyHeaderParser(String text, String where, boolean python2Longs) {
        this.text = text;
        this.where = where;
        this.python2Longs = python2Longs;
    }

    /**
     * The header in {@code text}; {@code where} names the file (and member) in errors; {@code majorVersion}
     * is the file's format version (1, 2 or 3), which decides whether Python 2 long literals are allowed.
     */
    static NpyHeader parse(String text, String where, int majorVersion) {
        return new NpyHeaderParser(text, where, majorVersion <= 2).header();
    }

    private NpyHeader header() {
        expect('{', "the header to start with '{' (a Python dictionary)");
        Map<String, Object> items = new LinkedHashMap<>();
        skipSpace();
        while (peek() != '}') {
            int keyAt = at;
            String key = string("a quoted key");
            if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                throw refuse("unexpected header key '" + key + "' (expected exactly descr, fortran_order, shape)", keyAt);
            }
            if (items.containsKey(key)) {
                // NumPy's literal_eval keeps the last value, other readers the first: refuse rather than pick one.
                throw refuse("the header key '" + key + "' appears twice", keyAt);
            }
            skipSpace();
            expect(':', "':' after '" + key + "'");
            skipSpace();
            items.put(key, switch (key) {
                case "descr" -> descr();
                case "fortran_order" -> bool();
                default -> tuple();
            });
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
            } else if (peek() != '}') {
                throw refuse("expected ',' or '}' after the value of '" + key + "'", at);
            }
        }
        at++;
        for (int i = at; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                throw refuse("expected only padding (spaces, a newline) after the dictionary", i);
            }
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!items.containsKey(key)) {
                throw refuse("the header must give 'descr', 'fortran_order' and 'shape' but has no '" + key + "'", 0);
            }
        }
        Descr descr = (Descr) items.get("descr");
        return new NpyHeader(descr.type, descr.order, (Boolean) items.get("fortran_order"), (int[]) items.get("shape"));
    }

    private record Descr(NpyDType type, ByteOrder order) {
    }

    private Descr descr() {
        int start = at;
        if (peek() == '[' || peek() == '(') {
            throw refuse("unsupported dtype: 'descr' is a structured (record) type; supported: plain " + NpyDType.supported(), start);
        }
        String descr = string("a quoted dtype such as '<f4'");
        char order = descr.isEmpty() ? 0 : descr.charAt(0);
        NpyDType type = NpyDType.ofCode(descr.length() > 1 ? descr.substring(1) : "").orElse(null);
        if (type == null || "<>|".indexOf(order) < 0) {
            throw refuse("unsupported dtype '" + descr + "'" + kindOf(descr) + "; supported: " + NpyDType.supported()
                    + ", with byte order < or > (| for one-byte types)", start);
        }
        if (order == '|' && type.itemSize() > 1) {
            // NumPy writes '<' or '>' for multi-byte types; '|' would mean the reading machine's order.
            throw refuse("dtype '" + descr + "' gives no byte order for a " + type.itemSize() + "-byte type (expected '<"
                    + type.code() + "' or '>" + type.code() + "')", start);
        }
        return new Descr(type, order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** What NumPy means by a code we do not read, so the refusal says more than "unsupported". */
    private static String kindOf(String descr) {
        String code = descr.isEmpty() ? "" : "<>|=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
        if (code.isEmpty()) {
            return "";
        }
        String kind = switch (code.charAt(0)) {
            case 'U' -> "unicode strings";
            case 'S', 'a' -> "byte strings";
            case 'O' -> "Python objects (pickled)";
            case 'V' -> "raw void records";
            case 'c' -> "complex numbers";
            case 'M' -> "datetimes";
            case 'm' -> "timedeltas";
            case 'f' -> code.equals("f2") ? "float16" : code.equals("f16") ? "long double" : null;
            default -> null;
        };
        return kind == null ? "" : " (NumPy: " + kind + ")";
    }

    private boolean bool() {
        if (text.startsWith("True", at)) {
            at += 4;
            return true;
        }
        if (text.startsWith("False", at)) {
            at += 5;
            return false;
        }
        throw refuse("'fortran_order' must be True or False", at);
    }

    private int[] tuple() {
        int start = at;
        expect('(', "'shape' to be a tuple such as (3, 4)");
        List<Integer> dims = new ArrayList<>();
        boolean trailingComma = false;
        skipSpace();
        while (peek() != ')') {
            dims.add(dimension());
            skipSpace();
            trailingComma = false;
            if (peek() == ',') {
                at++;
                trailingComma = true;
                skipSpace();
            } else if (peek() != ')') {
                throw refuse("expected ',' or ')' in the shape", at);
            }
        }
        at++;
        if (dims.size() == 1 && !trailingComma) {
            // (3) is the integer 3 in Python, not a tuple: NumPy refuses it as a shape too.
            throw refuse("shape (" + dims.get(0) + ") is not a tuple; a one-dimensional shape is written (" + dims.get(0) + ",)",
                    start);
        }
        if (dims.size() > MAX_RANK) {
            throw refuse("shape has " + dims.size() + " dimensions, more than NumPy's " + MAX_RANK, start);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private int dimension() {
        int start = at;
        if (peek() == '-') {
            throw refuse("shape has a negative dimension", start);
        }
        while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 128) {
            at++;
        }
        String digits = text.substring(start, at);
        if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw refuse("expected a decimal dimension (0 or [1-9][0-9]*) in the shape", start);
        }
        if (python2Longs && peek() == 'L') {
            at++;
        }
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw refuse("shape dimension " + digits + " is larger than " + Integer.MAX_VALUE, start);
        }
        return Integer.parseInt(digits);
    }

    private String string(String what) {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw refuse("expected " + what, at);
        }
        int start = ++at;
        while (at < text.length() && text.charAt(at) != quote) {
            char c = text.charAt(at);
            if (c == '\\' || c == '\n' || c == '\r') {
                throw refuse("expected " + what + " without escapes or line breaks", at);
            }
            at++;
        }
        if (at >= text.length()) {
            throw refuse("unterminated string (expected " + what + ")", start - 1);
        }
        return text.substring(start, at++);
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw refuse("expected " + what, at);
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private NpyFormatException refuse(String problem, int position) {
        return new NpyFormatException(where + ": " + problem + "; at character " + position + " of the header "
                + abbreviate(text.strip()));
    }

    private static String abbreviate(String s) {
        String shown = s.length() <= 120 ? s : s.substring(0, 120) + "...";
        StringBuilder out = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }
}
