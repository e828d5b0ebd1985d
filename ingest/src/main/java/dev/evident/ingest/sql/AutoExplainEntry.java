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
    private static final Pattern NODE_LINE = Pattern.compile(
            "\\(cost=[\\d.]+\\.\\.[\\d.]+ rows=\\d+ width=\\d+\\)|\\(actual (time|rows)=|\\(never executed\\)");

    private AutoExplainEntry() {
    }

    static ParsedPlan parse(String body, int entryLine) throws PlanFormatException {
        return parse(List.of(body.split("\n", -1)), entryLine);
    }

    /** The entry as its lines: the text after "plan:" on the entry's first line, then each continuation line. */
    static ParsedPlan parse(List<String> raw, int entryLine) throws PlanFormatException {
        List<String> lines = new ArrayList<>(raw.size());
        List<Integer> numbers = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String l = raw.get(i).startsWith("\t") ? raw.get(i).substring(1) : raw.get(i);
            if (i == 0 && l.isBlank()) {
                continue;
            }
            lines.add(l);
            numbers.add(entryLine + i);
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new PlanFormatException(entryLine, "auto_explain entry without a plan");
        }
        if (lines.get(first).stripLeading().startsWith("{")) {
            List<ParsedPlan> plans = PgJsonPlanParser.parse(String.join("\n", lines.subList(first, lines.size())),
                    numbers.get(first));
            return plans.get(0);
        }
        StringBuilder query = new StringBuilder();
        int planStart = -1;
        for (int i = first; i < lines.size(); i++) {
            String l = lines.get(i);
            if ((l.contains("(cost=") || l.contains("(actual ") || l.contains("(never executed)")) && NODE_LINE.matcher(l).find()) {
                planStart = i;
                break;
            }
            if (l.startsWith("Query Text: ")) {
                query.append(l.substring("Query Text: ".length()));
            } else if (query.length() > 0) {
                query.append('\n').append(l);
            }
        }
        if (planStart < 0) {
            throw new PlanFormatException(numbers.get(first), "auto_explain entry has no plan node line (is the entry cut?)");
        }
        PlanLines.Block block = new PlanLines.Block(lines.subList(planStart, lines.size()), numbers.subList(planStart, lines.size()));
        ParsedPlan plan = PgTextPlanParser.parse(block).get(0);
        plan.query = query.length() == 0 ? null : query.toString().strip();
        return plan;
    }
}
