package dev.evident.core.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A small streaming JSON writer with deterministic output: two-space indentation, and numbers
 * printed from their exact binary value rounded to 10 significant digits, so the text does not
 * depend on the JDK's {@code Double.toString}.
 */
public final class JsonWriter {
    private static final MathContext DIGITS = new MathContext(10);

    private final Appendable out;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    public JsonWriter(Appendable out) {
        this.out = out;
    }

    public JsonWriter beginObject() throws IOException {
        value();
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endObject() throws IOException {
        return close('}');
    }

    public JsonWriter beginArray() throws IOException {
        value();
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    public JsonWriter endArray() throws IOException {
        return close(']');
    }

    public JsonWriter name(String name) throws IOException {
        separator();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) throws IOException {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(long n) throws IOException {
        value();
        out.append(Long.toString(n));
        return this;
    }

    public JsonWriter value(double d) throws IOException {
        value();
        out.append(number(d));
        return this;
    }

    public JsonWriter value(boolean b) throws IOException {
        value();
        out.append(b ? "true" : "false");
        return this;
    }

    public JsonWriter field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) throws IOException {
        return name(name).value(value);
    }

    public JsonWriter field(String name, double value) throws IOException {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) throws IOException {
        return name(name).value(value);
    }

    /** The canonical text of a number as this writer prints it. */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    private JsonWriter close(char c) throws IOException {
        depth--;
        if (!first) {
            newline();
        }
        out.append(c);
        first = false;
        if (depth == 0) {
            out.append('\n');
        }
        return this;
    }

    private void value() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            separator();
        }
    }

    private void separator() throws IOException {
        if (!first) {
            out.append(',');
        }
        newline();
        first = false;
    }

    private void newline() throws IOException {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) throws IOException {
        quote(s, out);
    }

    /** Appends {@code s} as a JSON string literal. */
    static void quote(String s, Appendable out) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
