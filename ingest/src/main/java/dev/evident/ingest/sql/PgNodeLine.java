package dev.evident.ingest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The usual form of a TEXT plan's node line, read without regular expressions:
 * <pre>
 * Title  (cost=S..T rows=R width=W) (actual time=A..B rows=N loops=L)
 * Title  (cost=S..T rows=R width=W) (actual rows=N loops=L)
 * Title  (cost=S..T rows=R width=W) (never executed)
 * Title  (cost=S..T rows=R width=W)
 * </pre>
 * with plain decimals, a title without parentheses and nothing after the last group. Anything
 * else is left to {@link PgTextPlanParser}'s regular expressions; for a line of this form both
 * give the same node. The title and costs of a node repeat from one execution of a statement to
 * the next, while the actual figures change, so what the title and costs give (node type,
 * relation, index, the JSON-named properties) is kept per distinct "title and costs" text.
 */
final class PgNodeLine {
    /** Distinct "title and costs" texts kept; beyond this new ones are computed every time. */
    static final int HEADS_KEPT = 8_192;
    private static final Map<String, Head> HEADS = new ConcurrentHashMap<>();

    /** What the title and the costs put on a node. */
    private record Head(String nodeType, String relation, String index, double estimatedRows, String[] properties) {
    }

    private PgNodeLine() {
    }

    /** The node of a line of the form above, or null when the line has another form. */
    static PlanNodeBuilder parse(String text) {
        int open = text.indexOf('(');
        if (open < 0 || !text.startsWith("(cost=", open)) {
            return null;
        }
        // the costs group
        int startupStart = open + "(cost=".length();
        int startupEnd = decimalEnd(text, startupStart);
        if (startupEnd < 0 || !text.startsWith("..", startupEnd)) {
            return null;
        }
        int totalEnd = decimalEnd(text, startupEnd + 2);
        if (totalEnd < 0 || !text.startsWith(" rows=", totalEnd)) {
            return null;
        }
        int rowsEnd = digitsEnd(text, totalEnd + " rows=".length());
        if (rowsEnd < 0 || !text.startsWith(" width=", rowsEnd)) {
            return null;
        }
        int widthEnd = digitsEnd(text, rowsEnd + " width=".length());
        if (widthEnd < 0 || !text.startsWith(")", widthEnd)) {
            return null;
        }
        int headEnd = widthEnd + 1;
        // then nothing, "(never executed)" or "(actual [time=A..B ]rows=N loops=L)"
        int n = text.length();
        boolean never = false;
        int timeStart = -1;
        int timeMiddle = -1;
        int timeEnd = -1;
        int rowsStart = -1;
        int actualRowsEnd = -1;
        int loopsStart = -1;
        int loopsEnd = -1;
        if (headEnd < n) {
            if (text.startsWith(" (never executed)", headEnd) && headEnd + " (never executed)".length() == n) {
                never = true;
            } else if (text.startsWith(" (actual ", headEnd)) {
                int q = headEnd + " (actual ".length();
                if (text.startsWith("time=", q)) {
                    timeStart = q + "time=".length();
                    timeMiddle = decimalEnd(text, timeStart);
                    if (timeMiddle < 0 || !text.startsWith("..", timeMiddle)) {
                        return null;
                    }
                    timeEnd = decimalEnd(text, timeMiddle + 2);
                    if (timeEnd < 0 || !text.startsWith(" ", timeEnd)) {
                        return null;
                    }
                    q = timeEnd + 1;
                }
                if (!text.startsWith("rows=", q)) {
                    return null;
                }
                rowsStart = q + "rows=".length();
                actualRowsEnd = decimalEnd(text, rowsStart);
                if (actualRowsEnd < 0 || !text.startsWith(" loops=", actualRowsEnd)) {
                    return null;
                }
                loopsStart = actualRowsEnd + " loops=".length();
                loopsEnd = digitsEnd(text, loopsStart);
                if (loopsEnd < 0 || loopsEnd - loopsStart > 18 || loopsEnd + 1 != n || text.charAt(loopsEnd) != ')') {
                    return null;
                }
            } else {
                return null;
            }
        }
        Head head = head(text, open, headEnd, startupStart, startupEnd, totalEnd, rowsEnd, widthEnd);
        if (head == null) {
            return null; // no title: PgTextPlanParser says so
        }
        PlanNodeBuilder node = new PlanNodeBuilder();
        if (rowsStart >= 0) {
            if (timeStart >= 0) {
                node.putNumber("Actual Startup Time", Numbers.parseDouble(text, timeStart, timeMiddle));
                node.actualTotalMs = Numbers.parseDouble(text, timeMiddle + 2, timeEnd);
            }
            node.actualRows = Numbers.parseDouble(text, rowsStart, actualRowsEnd);
            node.loops = Long.parseLong(text, loopsStart, loopsEnd, 10);
        } else if (never) {
            node.loops = 0;
            node.actualRows = 0.0;
            node.actualTotalMs = 0.0;
            node.putNumber("Actual Startup Time", 0);
        }
        node.nodeType = head.nodeType();
        node.relation = head.relation();
        node.index = head.index();
        node.estimatedRows = head.estimatedRows();
        String[] properties = head.properties();
        for (int i = 0; i < properties.length; i += 2) {
            node.put(properties[i], properties[i + 1]);
        }
        return node;
    }

    private static Head head(String text, int open, int headEnd, int startupStart, int startupEnd, int totalEnd, int rowsEnd,
            int widthEnd) {
        String key = text.substring(0, headEnd);
        Head head = HEADS.get(key);
        if (head != null) {
            return head;
        }
        String title = text.substring(0, open).strip();
        if (title.isEmpty()) {
            return null;
        }
        PlanNodeBuilder probe = new PlanNodeBuilder();
        probe.putNumber("Startup Cost", Numbers.parseDouble(text, startupStart, startupEnd));
        probe.putNumber("Total Cost", Numbers.parseDouble(text, startupEnd + 2, totalEnd));
        probe.estimatedRows = Numbers.parseDouble(text, totalEnd + " rows=".length(), rowsEnd);
        probe.putNumber("Plan Width", Numbers.parseDouble(text, rowsEnd + " width=".length(), widthEnd));
        PgNodeNames.apply(title, probe);
        List<String> properties = new ArrayList<>();
        probe.properties.forEach((k, v) -> {
            properties.add(k);
            properties.add(v);
        });
        head = new Head(probe.nodeType, probe.relation, probe.index, probe.estimatedRows, properties.toArray(new String[0]));
        if (HEADS.size() < HEADS_KEPT) {
            HEADS.put(key, head);
        }
        return head;
    }

    /** End of a plain decimal (digits, optionally a point and digits) starting at {@code from}, or -1. */
    private static int decimalEnd(String s, int from) {
        int i = digitsEnd(s, from);
        if (i < 0) {
            return -1;
        }
        if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
            i = digitsEnd(s, i + 1);
        }
        return i;
    }

    /** End of a run of at least one digit starting at {@code from}, or -1. */
    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i > from ? i : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
