package dev.evident.ingest.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the node title of a TEXT plan ("Parallel Index Only Scan Backward using idx on public.t x",
 * "Hash Left Join", "Partial HashAggregate", "Update on t") into the properties the JSON format
 * gives the same node: "Node Type", "Join Type", "Strategy", "Partial Mode", "Parallel Aware",
 * "Scan Direction", "Relation Name", "Schema", "Alias", "Index Name", "Operation", ...
 */
final class PgNodeNames {
    private static final Pattern JOIN = Pattern.compile(
            "^(Hash|Merge|Nested Loop)(?: (Left|Right|Full|Semi|Anti|Right Semi|Right Anti))?(?: Join)?$");
    private static final Pattern INDEX_SCAN = Pattern.compile(
            "^(Index Scan|Index Only Scan)( Backward)? using (\\S+)(?: on (\\S+)(?: (\\S+))?)?$");
    private static final Pattern ON_RELATION = Pattern.compile(
            "^(Seq Scan|Bitmap Heap Scan|Tid Scan|Tid Range Scan|Sample Scan|Foreign Scan) on (\\S+)(?: (\\S+))?$");
    private static final Pattern BITMAP_INDEX = Pattern.compile("^Bitmap Index Scan on (\\S+)$");
    private static final Pattern ON_NAME = Pattern.compile(
            "^(Subquery Scan|CTE Scan|Function Scan|Values Scan|WorkTable Scan|Named Tuplestore Scan|Table Function Scan) on (\\S+)(?: (\\S+))?$");
    private static final Pattern MODIFY = Pattern.compile("^(Insert|Update|Delete|Merge) on (\\S+)(?: (\\S+))?$");
    private static final Pattern SET_OP = Pattern.compile("^(Hash)?SetOp (\\w+(?: All)?)$");

    private PgNodeNames() {
    }

    static void apply(String title, PlanNodeBuilder node) {
        String t = title.strip();
        if (t.startsWith("Parallel ")) {
            node.put("Parallel Aware", "true");
            t = t.substring("Parallel ".length());
        }
        if (t.startsWith("Async ")) {
            node.put("Async Capable", "true");
            t = t.substring("Async ".length());
        }
        String partial = null;
        for (String mode : new String[] {"Finalize ", "Partial ", "Simple "}) {
            if (t.startsWith(mode) && t.contains("Aggregate")) {
                partial = mode.strip();
                t = t.substring(mode.length());
            }
        }
        if (t.equals("Aggregate") || t.equals("HashAggregate") || t.equals("GroupAggregate") || t.equals("MixedAggregate")) {
            node.nodeType = "Aggregate";
            node.put("Strategy", switch (t) {
                case "HashAggregate" -> "Hashed";
                case "GroupAggregate" -> "Sorted";
                case "MixedAggregate" -> "Mixed";
                default -> "Plain";
            });
            node.put("Partial Mode", partial == null ? "Simple" : partial);
            return;
        }
        Matcher m = JOIN.matcher(t);
        if (m.matches() && (t.endsWith("Join") || t.equals("Nested Loop"))) {
            node.nodeType = m.group(1).equals("Nested Loop") ? "Nested Loop" : m.group(1) + " Join";
            node.put("Join Type", m.group(2) == null ? "Inner" : m.group(2));
            return;
        }
        if ((m = INDEX_SCAN.matcher(t)).matches()) {
            node.nodeType = m.group(1);
            node.put("Scan Direction", m.group(2) != null ? "Backward" : "Forward");
            node.index = m.group(3);
            node.put("Index Name", m.group(3));
            if (m.group(4) != null) {
                relation(node, m.group(4), m.group(5));
            }
            return;
        }
        if ((m = ON_RELATION.matcher(t)).matches()) {
            node.nodeType = m.group(1);
            relation(node, m.group(2), m.group(3));
            return;
        }
        if ((m = BITMAP_INDEX.matcher(t)).matches()) {
            node.nodeType = "Bitmap Index Scan";
            node.index = m.group(1);
            node.put("Index Name", m.group(1));
            return;
        }
        if ((m = ON_NAME.matcher(t)).matches()) {
            node.nodeType = m.group(1);
            String name = m.group(2);
            String alias = m.group(3) != null ? m.group(3) : name;
            switch (m.group(1)) {
                case "CTE Scan" -> node.put("CTE Name", name);
                case "Function Scan", "Table Function Scan" -> {
                    int dot = name.lastIndexOf('.');
                    node.put("Function Name", dot >= 0 ? name.substring(dot + 1) : name);
                    if (dot >= 0) {
                        node.put("Schema", name.substring(0, dot));
                    }
                }
                case "Named Tuplestore Scan", "WorkTable Scan" -> {
                }
                default -> {
                }
            }
            node.put("Alias", alias);
            return;
        }
        if ((m = MODIFY.matcher(t)).matches()) {
            node.nodeType = "ModifyTable";
            node.put("Operation", m.group(1));
            relation(node, m.group(2), m.group(3));
            return;
        }
        if ((m = SET_OP.matcher(t)).matches()) {
            node.nodeType = "SetOp";
            node.put("Strategy", m.group(1) != null ? "Hashed" : "Sorted");
            node.put("Command", m.group(2));
            return;
        }
        node.nodeType = t;
    }

    /** "public.orders o": schema, relation and alias (the alias defaults to the relation's name). */
    private static void relation(PlanNodeBuilder node, String qualified, String alias) {
        String rel = qualified;
        int dot = qualified.indexOf('.');
        if (dot > 0) {
            node.put("Schema", unquote(qualified.substring(0, dot)));
            rel = qualified.substring(dot + 1);
        }
        node.relation = unquote(rel);
        node.put("Relation Name", node.relation);
        node.put("Alias", unquote(alias != null ? alias : rel));
    }

    static String unquote(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier;
    }
}
