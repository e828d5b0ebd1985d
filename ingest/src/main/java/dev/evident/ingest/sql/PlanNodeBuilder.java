package dev.evident.ingest.sql;

import dev.evident.core.model.PlanNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;

/**
 * A plan node while it is being parsed. Both the TEXT and the JSON parser fill one of these with
 * the property names of EXPLAIN (FORMAT JSON) and the same canonical value spelling, so the same
 * plan printed in either format becomes equal {@link PlanNode}s.
 */
final class PlanNodeBuilder {
    /**
     * Counters that the TEXT format leaves out when they are zero while JSON always prints them;
     * a zero is dropped so both formats agree (an absent counter reads as zero).
     */
    static final Set<String> OMITTED_WHEN_ZERO = Set.of(
            "Shared Hit Blocks", "Shared Read Blocks", "Shared Dirtied Blocks", "Shared Written Blocks",
            "Local Hit Blocks", "Local Read Blocks", "Local Dirtied Blocks", "Local Written Blocks",
            "Temp Read Blocks", "Temp Written Blocks",
            "Shared I/O Read Time", "Shared I/O Write Time", "Local I/O Read Time", "Local I/O Write Time",
            "Temp I/O Read Time", "Temp I/O Write Time",
            "Rows Removed by Filter", "Rows Removed by Join Filter", "Rows Removed by Index Recheck",
            "Exact Heap Blocks", "Lossy Heap Blocks", "WAL Records", "WAL FPI", "WAL Bytes");

    String nodeType;
    String relation;
    String index;
    double estimatedRows;
    Double actualRows;
    long loops = -1;
    Double actualTotalMs;
    final Map<String, String> properties = new HashMap<>(32); // no order: PlanNode keeps an unordered copy
    final List<PlanNodeBuilder> children = new ArrayList<>();
    /** When not null, every put (key, value) is also appended here, to be replayed on other nodes. */
    List<String> recorded;

    void put(String key, String value) {
        if (value == null) {
            return;
        }
        if (recorded != null) {
            recorded.add(key);
            recorded.add(value);
        }
        if (OMITTED_WHEN_ZERO.contains(key) && isZero(value)) {
            properties.remove(key);
            return;
        }
        properties.put(key, value);
    }

    void putNumber(String key, double value) {
        put(key, number(value));
    }

    /** Sums a counter (workers' figures printed in several places add up). */
    void add(String key, double value) {
        String old = properties.get(key);
        putNumber(key, old == null ? value : Double.parseDouble(old) + value);
    }

    PlanNode build() {
        List<PlanNode> built = new ArrayList<>(children.size());
        for (PlanNodeBuilder c : children) {
            built.add(c.build());
        }
        return new PlanNode(nodeType == null ? "?" : nodeType, relation, index, estimatedRows, actualRows,
                Math.max(loops, 0), actualTotalMs, properties, built);
    }

    /** Numbers in one spelling: "82640.60" and 82640.6 both become "82640.6", "3.0" becomes "3". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double a = Math.abs(value);
        if (a >= 1e-3 && a < 1e7) {
            return Double.toString(value); // plain notation in this range, shortest digits, no trailing zeros
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Canonical spelling of a value that may be a number ("0.000" → "0", "21251.00" → "21251"),
     * otherwise unchanged. Done on the decimal text, so 19-digit query identifiers stay exact.
     */
    static String canonical(String value) {
        String v = value.trim();
        if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-') && isNumeric(v)) {
            return plainDecimal(v);
        }
        return v;
    }

    /** What new BigDecimal(v).stripTrailingZeros().toPlainString() gives, without the allocation for the usual forms. */
    private static String plainDecimal(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        boolean leadingZero = v.length() > start + 1 && v.charAt(start) == '0' && v.charAt(start + 1) != '.';
        if (leadingZero || v.endsWith(".") || v.startsWith(".", start)) {
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        }
        int dot = v.indexOf('.');
        String out = v;
        if (dot >= 0) {
            int end = v.length();
            while (end > dot + 1 && v.charAt(end - 1) == '0') {
                end--;
            }
            out = end == dot + 1 ? v.substring(0, dot) : v.substring(0, end);
        }
        if (out.equals("-0")) {
            return "0";
        }
        return out;
    }

    static boolean isNumeric(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /** A plain number (see {@link #isNumeric}) equals zero exactly when it has no digit other than 0. */
    private static boolean isZero(String value) {
        if (!isNumeric(value)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
