package dev.evident.ingest.sql;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which columns a scan's {@code Filter} compares, as PostgreSQL prints the condition:
 * {@code ((created_at >= '2025-12-01'::timestamp with time zone) AND (user_id = '42'::bigint))}.
 * An EXPLAIN file does not carry its query, so this is where an index suggestion for it gets its
 * columns. The result is stored on the node as {@code *Equality Columns} and {@code *Range Columns}
 * (a leading {@code *} marks figures evident computed, as PEV2 does), the same for TEXT and JSON.
 */
final class FilterColumns {
    static final String EQUALITY = "*Equality Columns";
    static final String RANGE = "*Range Columns";

    // column, operator, then a constant, a parameter or a cast constant (not another column)
    private static final Pattern COMPARISON = Pattern.compile(
            "\\(?((?:[a-z_][\\w$]*\\.)?(?:\"[^\"]+\"|[a-z_][\\w$]*))(?:::[\\w ]+?)?\\s*(=|<>|!=|<=|>=|<|>|~~\\*?|!~~)\\s*"
                    + "(ANY \\()?('(?:[^']|'')*'|\\$\\d+|-?\\d[\\d.]*|\\(\\$\\d+\\)|NULL|true|false)");
    /**
     * Filters seen, with their columns. A statement's plan prints the same filter at every
     * execution but for the values compared with; the key has their digits as zeros (see
     * {@link #withoutValueDigits}). Bounded; past the bound new filters are worked out each time.
     */
    static final int FILTERS_KEPT = 16_384;
    private static final Map<String, String[]> KNOWN = new ConcurrentHashMap<>();
    private static final Pattern IS_NULL = Pattern.compile(
            "\\(?((?:[a-z_][\\w$]*\\.)?(?:\"[^\"]+\"|[a-z_][\\w$]*)) IS NULL");

    private FilterColumns() {
    }

    static void apply(PlanNodeBuilder node) {
        String filter = node.properties.get("Filter");
        if (filter != null) {
            String key = withoutValueDigits(filter);
            String[] columns = KNOWN.get(key);
            if (columns == null) {
                columns = columns(key);
                if (KNOWN.size() < FILTERS_KEPT) {
                    KNOWN.put(key, columns);
                }
            }
            if (columns[0] != null) {
                node.put(EQUALITY, columns[0]);
            }
            if (columns[1] != null) {
                node.put(RANGE, columns[1]);
            }
        }
        for (PlanNodeBuilder child : node.children) {
            apply(child);
        }
    }

    /**
     * The filter with every digit that cannot be part of a column name replaced by 0, so that
     * {@code (user_id = '42'::bigint)} and {@code (user_id = '17'::bigint)} share one key. The
     * result of {@link #columns} is the same for both: no character class of the two patterns
     * tells one digit from another, so they match at the same places with the same groups, and
     * of the groups only the column name is kept (its digits stay: a digit keeps its value when
     * a lower-case letter or underscore, where a name may start, comes before it in its run of
     * word characters) and the value's first two characters (a quote then {@code %} or
     * {@code _}, never a digit). A filter with a double quote (a quoted name may hold anything)
     * is its own key.
     */
    static String withoutValueDigits(String filter) {
        if (filter.indexOf('"') >= 0) {
            return filter;
        }
        char[] out = null;
        boolean nameStarted = false; // in the current run of [A-Za-z0-9_$], a name may have started
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if ((c >= 'a' && c <= 'z') || c == '_') {
                nameStarted = true;
            } else if (c >= '0' && c <= '9') {
                if (!nameStarted && c != '0') {
                    if (out == null) {
                        out = filter.toCharArray();
                    }
                    out[i] = '0';
                }
            } else if (!((c >= 'A' && c <= 'Z') || c == '$')) {
                nameStarted = false;
            }
        }
        return out == null ? filter : new String(out);
    }

    /** The equality and the range columns of a filter (null when none), joined by ", ". */
    static String[] columns(String filter) {
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        Matcher m = COMPARISON.matcher(filter);
        while (m.find()) {
            String column = bare(m.group(1));
            String op = m.group(2);
            String value = m.group(4);
            switch (op) {
                case "=" -> equality.add(column);
                case "<", "<=", ">", ">=" -> range.add(column);
                case "~~" -> {
                    // LIKE can use a b-tree range only with a constant prefix
                    if (value.startsWith("'") && !value.startsWith("'%") && !value.startsWith("'_")) {
                        range.add(column);
                    }
                }
                default -> {
                }
            }
        }
        Matcher n = IS_NULL.matcher(filter);
        while (n.find()) {
            equality.add(bare(n.group(1)));
        }
        range.removeAll(equality);
        return new String[] {equality.isEmpty() ? null : String.join(", ", equality),
                range.isEmpty() ? null : String.join(", ", range)};
    }

    private static String bare(String column) {
        int dot = column.lastIndexOf('.');
        String c = dot >= 0 && !column.endsWith("\"") ? column.substring(dot + 1) : column;
        return PgNodeNames.unquote(c);
    }
}
