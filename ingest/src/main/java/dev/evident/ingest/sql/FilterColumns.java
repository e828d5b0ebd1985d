package dev.evident.ingest.sql;

import java.util.LinkedHashSet;
import java.util.Set;
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
    private static final Pattern IS_NULL = Pattern.compile(
            "\\(?((?:[a-z_][\\w$]*\\.)?(?:\"[^\"]+\"|[a-z_][\\w$]*)) IS NULL");

    private FilterColumns() {
    }

    static void apply(PlanNodeBuilder node) {
        String filter = node.properties.get("Filter");
        if (filter != null) {
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
            if (!equality.isEmpty()) {
                node.put(EQUALITY, String.join(", ", equality));
            }
            if (!range.isEmpty()) {
                node.put(RANGE, String.join(", ", range));
            }
        }
        for (PlanNodeBuilder child : node.children) {
            apply(child);
        }
    }

    private static String bare(String column) {
        int dot = column.lastIndexOf('.');
        String c = dot >= 0 && !column.endsWith("\"") ? column.substring(dot + 1) : column;
        return PgNodeNames.unquote(c);
    }
}
