package dev.evident.ingest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of one auto_explain log entry: the lines after {@code duration: N ms  plan:}, each
 * starting with the tab the server's stderr logging puts after a newline. TEXT entries hold
 * {@code Query Text: ...} (possibly over several lines) and then the plan; JSON entries hold one
 * object with "Query Text" and "Plan".
 */
final class AutoExplainEntry {
    /** What starts the plan after the query text; {@link #isNodeLine} finds the same without the expression. */
    static final Pattern NODE_LINE = Pattern.compile(
            "\\(cost=[\\d.]+\\.\\.[\\d.]+ rows=\\d+ width=\\d+\\)|\\(actual (time|rows)=|\\(never executed\\)");

    private AutoExplainEntry() {
    }

    static ParsedPlan parse(String body, int entryLine) throws PlanFormatException {
        return parse(List.of(body.split("\n", -1)), entryLine);
    }

    /**
     * The entry as its lines: the text after "plan:" on the entry's first line, then each
     * continuation line with the tab the server put at its start (which is not part of the entry).
     */
    static ParsedPlan parse(List<String> raw, int entryLine) throws PlanFormatException {
        // the text after "plan:" is skipped when blank (the usual case); line k of what is left is line entryLine + skip + k
        int skip = raw.get(0).isBlank() ? 1 : 0;
        List<String> lines = raw.subList(skip, raw.size());
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new PlanFormatException(entryLine, "auto_explain entry without a plan");
        }
        int firstNumber = entryLine + skip;
        if (lines.get(first).stripLeading().startsWith("{")) {
            List<String> json = new ArrayList<>(lines.size() - first);
            for (String l : lines.subList(first, lines.size())) {
                json.add(withoutTab(l));
            }
            List<ParsedPlan> plans = PgJsonPlanParser.parse(String.join("\n", json), firstNumber + first);
            return plans.get(0);
        }
        StringBuilder query = new StringBuilder();
        int planStart = -1;
        for (int i = first; i < lines.size(); i++) {
            String l = lines.get(i);
            if (isNodeLine(l)) {
                planStart = i;
                break;
            }
            int from = l.startsWith("\t") ? 1 : 0;
            if (l.startsWith("Query Text: ", from)) {
                query.append(l, from + "Query Text: ".length(), l.length());
            } else if (query.length() > 0) {
                query.append('\n').append(l, from, l.length());
            }
        }
        if (planStart < 0) {
            throw new PlanFormatException(firstNumber + first, "auto_explain entry has no plan node line (is the entry cut?)");
        }
        PlanLines.Block block = new PlanLines.Block(lines.subList(planStart, lines.size()),
                new PlanLines.Consecutive(firstNumber + planStart, lines.size() - planStart), true);
        ParsedPlan plan = PgTextPlanParser.parse(block).get(0);
        plan.query = query.length() == 0 ? null : query.toString().strip();
        return plan;
    }

    /** {@code NODE_LINE.matcher(l).find()}, without the regular expression in the usual cases. */
    static boolean isNodeLine(String l) {
        if (l.contains("(actual time=") || l.contains("(actual rows=") || l.contains("(never executed)")) {
            return true;
        }
        for (int p = l.indexOf("(cost="); p >= 0; p = l.indexOf("(cost=", p + 1)) {
            if (costsAt(l, p + "(cost=".length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether what follows "(cost=" at q matches the rest of NODE_LINE's first alternative. */
    private static boolean costsAt(String l, int q) {
        int runEnd = q;
        while (runEnd < l.length() && (isDigit(l.charAt(runEnd)) || l.charAt(runEnd) == '.')) {
            runEnd++;
        }
        // the run splits into A..B with both parts not empty; B is the rest of the run as a space follows it
        boolean split = false;
        for (int k = q + 1; k + 2 < runEnd; k++) {
            if (l.charAt(k) == '.' && l.charAt(k + 1) == '.') {
                split = true;
                break;
            }
        }
        if (!split || !l.startsWith(" rows=", runEnd)) {
            return false;
        }
        int rows = digitsEnd(l, runEnd + " rows=".length());
        if (rows < 0 || !l.startsWith(" width=", rows)) {
            return false;
        }
        int width = digitsEnd(l, rows + " width=".length());
        return width >= 0 && l.startsWith(")", width);
    }

    private static int digitsEnd(String l, int from) {
        int i = from;
        while (i < l.length() && isDigit(l.charAt(i))) {
            i++;
        }
        return i > from ? i : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String withoutTab(String line) {
        return line.startsWith("\t") ? line.substring(1) : line;
    }
}
