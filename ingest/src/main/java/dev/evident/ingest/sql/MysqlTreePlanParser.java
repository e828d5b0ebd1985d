package dev.evident.ingest.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's tree format: {@code EXPLAIN ANALYZE} (8.0.18+) and {@code EXPLAIN FORMAT=TREE}. One node per
 * line, four spaces of indentation per level:
 * <pre>
 * -> Filter: (orders.user_id = 4242)  (cost=100553 rows=99748) (actual time=2.61..412 rows=12 loops=1)
 *     -> Table scan on orders  (cost=100553 rows=997480) (actual time=0.0712..371 rows=1e+6 loops=1)
 * </pre>
 * The estimate ({@code cost=first..last rows=n}) and the measurement ({@code actual time=first..last
 * rows=n loops=n}, or {@code never executed}) are averages per loop, as in PostgreSQL. Numbers come in
 * the forms the server versions print: {@code 412.370} (8.0 up to about 8.0.31), {@code 412},
 * {@code 0.0712} and {@code 1e+6} (the three-significant-digit form of later versions). A line
 * without figures that names a role ({@code Hash}, {@code Select #2 (subquery in condition;
 * dependent)}) heads the node below it.
 */
final class MysqlTreePlanParser {
    private static final String NUM = "-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?";
    private static final Pattern LINE = Pattern.compile("^( *)-> (.*)$");
    private static final Pattern ACTUAL = Pattern.compile("\\s*\\(actual time=(" + NUM + ")\\.\\.(" + NUM + ") rows=(" + NUM
            + ") loops=(" + NUM + ")\\)$");
    private static final Pattern NEVER = Pattern.compile("\\s*\\(never executed\\)$");
    private static final Pattern COST = Pattern.compile("\\s*\\(cost=(" + NUM + ")(?:\\.\\.(" + NUM + "))? rows=(" + NUM + ")\\)$");
    private static final int MAX_DEPTH = 2_000;

    private MysqlTreePlanParser() {
    }

    /** One open level: the node, or a heading whose node is still to come. */
    private record Level(int indent, PlanNodeBuilder node, String heading, PlanNodeBuilder headingParent) {
    }

    static ParsedPlan parse(MysqlClientOutput.Block block) throws PlanFormatException {
        ParsedPlan plan = new ParsedPlan();
        plan.firstLine = block.firstLine();
        Deque<Level> open = new ArrayDeque<>();
        boolean anyActual = false;
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i);
            int number = block.lineNumbers().get(i);
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new PlanFormatException(number, "expected a plan line such as '-> Table scan on t  (cost=...)', found \""
                        + abbreviate(line) + "\"");
            }
            int indent = m.group(1).length();
            while (!open.isEmpty() && open.peek().indent() >= indent) {
                open.pop();
            }
            if (open.size() > MAX_DEPTH) {
                throw new PlanFormatException(number, "plan nests deeper than " + MAX_DEPTH + " levels");
            }
            Level parentLevel = open.peek();
            PlanNodeBuilder parent = parentLevel == null ? null : parentLevel.heading() != null ? parentLevel.headingParent()
                    : parentLevel.node();
            String text = m.group(2);
            PlanNodeBuilder b = new PlanNodeBuilder();
            boolean figures = false;
            Matcher actual = ACTUAL.matcher(text);
            Matcher never = NEVER.matcher(text);
            if (actual.find()) {
                b.putNumber("Actual Startup Time", number(actual.group(1), number));
                b.actualTotalMs = number(actual.group(2), number);
                b.actualRows = number(actual.group(3), number);
                b.loops = Math.round(number(actual.group(4), number));
                text = text.substring(0, actual.start());
                figures = true;
                anyActual = true;
            } else if (never.find()) {
                b.loops = 0;
                b.actualRows = 0.0;
                b.actualTotalMs = 0.0;
                b.putNumber("Actual Startup Time", 0);
                text = text.substring(0, never.start());
                figures = true;
                anyActual = true;
            }
            Matcher cost = COST.matcher(text);
            if (cost.find()) {
                double first = number(cost.group(1), number);
                double last = cost.group(2) == null ? first : number(cost.group(2), number);
                if (cost.group(2) != null) {
                    b.putNumber("Startup Cost", first);
                }
                b.putNumber("Total Cost", last);
                b.estimatedRows = number(cost.group(3), number);
                text = text.substring(0, cost.start());
                figures = true;
            }
            text = text.strip();
            if (text.contains("(cost=") || text.contains("(actual time=")) {
                throw new PlanFormatException(number, "the figures of \"" + abbreviate(text) + "\" are incomplete; is the output cut here?");
            }
            if (!figures && MysqlPlanNodes.isHeading(text)) {
                open.push(new Level(indent, null, text, parent));
                continue;
            }
            MysqlPlanNodes.describe(b, text);
            if (parentLevel != null && parentLevel.heading() != null) {
                String heading = parentLevel.heading();
                b.put(MysqlPlanNodes.HEADING, heading);
                String relationship = MysqlPlanNodes.relationship(heading, parent == null);
                if (relationship != null) {
                    b.put("Parent Relationship", relationship);
                    b.put("Subplan Name", heading);
                }
            }
            if (plan.root == null) {
                plan.root = b;
            } else if (parent == null) {
                // another top-level line: a subquery of the select list printed beside the root
                if (b.properties.get("Parent Relationship") == null) {
                    b.put("Parent Relationship", "InitPlan");
                }
                plan.root.children.add(b);
            } else {
                parent.children.add(b);
            }
            open.push(new Level(indent, b, null, null));
        }
        if (plan.root == null) {
            throw new PlanFormatException(block.firstLine(), "the plan has headings but no node");
        }
        plan.properties.put("*Format", anyActual ? "EXPLAIN ANALYZE (tree)" : "EXPLAIN FORMAT=TREE");
        plan.root = MysqlPlanNodes.foldFilters(plan.root);
        return plan;
    }

    private static double number(String s, int line) throws PlanFormatException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new PlanFormatException(line, "not a number: " + s);
        }
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
