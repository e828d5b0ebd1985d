package dev.evident.ingest.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What MySQL's and MariaDB's plans have in common once parsed, whatever their form (tree text,
 * JSON v1 of MySQL and MariaDB, JSON v2 of MySQL 8.3+):
 * <ul>
 *   <li>node types: an operation such as {@code Index lookup on oi using idx (order_id=500000)}
 *       becomes the node type {@code Index lookup}, its table, its index and its condition;
 *       the access types of JSON v1 ({@code ALL}, {@code ref}, ...) get the same names, so a full
 *       scan is a {@code Table scan} in every form;</li>
 *   <li>filters: MySQL prints a {@code Filter} above the scan it filters, where PostgreSQL prints
 *       the filter on the scan with {@code Rows Removed by Filter}. The two are folded into one
 *       node in PostgreSQL's shape (the scan with the filter's output rows, time and estimate, and
 *       the rows the filter dropped), so the plan detectors read both databases alike;</li>
 *   <li>aliases: plans name tables by their alias; with the query's alias map the real table
 *       becomes the node's relation and the alias its {@code Alias};</li>
 *   <li>the columns a filter compares with constants, as {@code *Equality Columns} and
 *       {@code *Range Columns} (see {@link FilterColumns} for PostgreSQL's spelling).</li>
 * </ul>
 */
final class MysqlPlanNodes {
    /** The operation as the database printed it, for reports. */
    static final String OPERATION = "*Operation";
    /** A heading MySQL prints above a child ("Hash", "Select #2 (subquery in condition; dependent)"). */
    static final String HEADING = "*Heading";

    private static final Pattern SCAN = Pattern.compile("^(Table scan|Sample scan|Scan new records) on (\\S+)(.*)$");
    private static final Pattern INDEX = Pattern.compile("^((?:(?:Single-row|Multi-range|Full-text) )?(?:[Cc]overing )?[Ii]ndex "
            + "(?:range scan|skip scan for grouping|skip scan for deduplication|skip scan|distance scan|scan|lookup|search))"
            + "(?: \\(Multi-Range Read\\))? on (\\S+) using (\\S+)(.*)$");
    private static final Pattern REPLANNED = Pattern.compile("^Index range scan on (\\S+) \\(re-planned for each iteration\\)(.*)$");
    private static final Pattern CONSTANT_ROW = Pattern.compile("^Constant row from (\\S+)$");
    private static final Pattern HASH_JOIN = Pattern.compile("^((?:Inner|Left) hash join|Hash antijoin|Hash semijoin(?: \\(FirstMatch\\))?)"
            + "(?: \\((?:LooseScan|FirstMatch)\\))?(?: (.*))?$");
    private static final Pattern SORT = Pattern.compile("^(Sort(?: row IDs)?)(?: with duplicate removal)?: (.*)$");
    private static final Pattern SORT_LIMIT = Pattern.compile(", limit input to (\\d+) row\\(s\\) per chunk$");
    private static final Pattern LIMIT = Pattern.compile("^Limit(?:/Offset)?: (\\d+)(?:/(\\d+))? row\\(s\\).*$");
    private static final Pattern HEADING_TEXT = Pattern.compile("^(Hash|Batch input rows|Clustered primary key \\(scanned separately\\)"
            + "|Select #\\d+ \\(subquery in [^)]*\\))$");
    private static final Set<String> FILTERS = Set.of("Filter");

    private MysqlPlanNodes() {
    }

    static boolean isHeading(String operation) {
        return HEADING_TEXT.matcher(operation).matches();
    }

    /**
     * The relationship a heading gives the node below it: {@code SubPlan} for a subquery evaluated
     * inside its parent's work, {@code InitPlan} for one whose time is not part of its parent's
     * (a subquery of the select list, printed next to the root), none for "Hash" and the like.
     */
    static String relationship(String heading, boolean topLevel) {
        if (!heading.startsWith("Select #")) {
            return null;
        }
        return heading.contains("subquery in projection") && topLevel ? "InitPlan" : "SubPlan";
    }

    /** Fills node type, table, index and conditions from an operation's text. */
    static void describe(PlanNodeBuilder b, String operation) {
        b.put(OPERATION, operation);
        Matcher m;
        if ((m = INDEX.matcher(operation)).matches()) {
            String type = m.group(1);
            b.nodeType = Character.toUpperCase(type.charAt(0)) + type.substring(1);
            table(b, m.group(2));
            b.index = m.group(3);
            indexDetails(b, m.group(4));
        } else if ((m = REPLANNED.matcher(operation)).matches()) {
            b.nodeType = "Index range scan";
            table(b, m.group(1));
            indexDetails(b, m.group(2));
        } else if ((m = SCAN.matcher(operation)).matches()) {
            b.nodeType = m.group(1).equals("Sample scan") ? "Sample scan" : "Table scan";
            table(b, m.group(2));
        } else if ((m = CONSTANT_ROW.matcher(operation)).matches()) {
            b.nodeType = "Constant row";
            table(b, m.group(1));
        } else if (operation.startsWith("Filter: ")) {
            b.nodeType = "Filter";
            b.put("Filter", operation.substring("Filter: ".length()));
        } else if ((m = HASH_JOIN.matcher(operation)).matches()) {
            b.nodeType = m.group(1).replace(" (FirstMatch)", "");
            if (m.group(2) != null && !m.group(2).equals("(no condition)")) {
                b.put("Hash Cond", m.group(2));
            }
        } else if (operation.startsWith("Nested loop ")) {
            int paren = operation.indexOf(" (");
            b.nodeType = paren > 0 ? operation.substring(0, paren) : operation;
        } else if ((m = SORT.matcher(operation)).matches()) {
            b.nodeType = "Sort";
            String keys = m.group(2);
            Matcher limit = SORT_LIMIT.matcher(keys);
            if (limit.find()) {
                b.put("Sort Limit", limit.group(1));
                keys = keys.substring(0, limit.start());
            }
            b.put("Sort Key", keys);
        } else if ((m = LIMIT.matcher(operation)).matches()) {
            b.nodeType = "Limit";
            b.put("Limit", m.group(1));
            if (m.group(2) != null) {
                b.put("Offset", m.group(2));
            }
        } else {
            int colon = operation.indexOf(": ");
            b.nodeType = colon > 0 ? operation.substring(0, colon) : operation;
        }
    }

    /** The part of an index operation after "using idx": "(key=value)", " over (range)", ", with index condition: ...". */
    private static void indexDetails(PlanNodeBuilder b, String rest) {
        String r = rest.strip();
        int pushed = r.indexOf(", with index condition: ");
        if (pushed >= 0) {
            b.put("Index Filter", r.substring(pushed + ", with index condition: ".length()));
            r = r.substring(0, pushed).strip();
        }
        if (r.endsWith("(reverse)")) {
            b.put("Scan Direction", "Backward");
            r = r.substring(0, r.length() - "(reverse)".length()).strip();
        }
        if (r.startsWith("over ")) {
            b.put("Index Cond", r.substring(5));
        } else if (r.startsWith("(") && r.endsWith(")")) {
            b.put("Index Cond", r.substring(1, r.length() - 1));
        }
    }

    private static void table(PlanNodeBuilder b, String alias) {
        if (alias.startsWith("<")) {
            b.put("Alias", alias); // <temporary>, <subquery2>, <union temporary>: no base table
            return;
        }
        b.relation = alias;
        b.put("Alias", alias);
    }

    /** Nodes that run under their parent without being one of its inputs (sub-plans, init-plans). */
    static boolean isInput(PlanNodeBuilder child) {
        return child.properties.get("Parent Relationship") == null;
    }

    /**
     * Folds each {@code Filter} over a single table access into that access, bottom-up, and returns
     * the (possibly replaced) root.
     */
    static PlanNodeBuilder foldFilters(PlanNodeBuilder root) {
        for (int i = 0; i < root.children.size(); i++) {
            root.children.set(i, foldFilters(root.children.get(i)));
        }
        if (!FILTERS.contains(root.nodeType)) {
            return root;
        }
        List<PlanNodeBuilder> inputs = root.children.stream().filter(MysqlPlanNodes::isInput).toList();
        if (inputs.size() != 1) {
            return root;
        }
        PlanNodeBuilder scan = inputs.get(0);
        if (scan.relation == null || scan.children.stream().anyMatch(MysqlPlanNodes::isInput)
                || scan.properties.containsKey("Filter")) {
            return root;
        }
        scan.put("Filter", root.properties.get("Filter"));
        if (root.actualRows != null && scan.actualRows != null) {
            double loops = Math.max(1, root.loops);
            double removed = Math.max(0, scan.actualRows * Math.max(0, scan.loops) - root.actualRows * Math.max(0, root.loops));
            scan.putNumber("Rows Removed by Filter", removed / loops);
            scan.actualRows = root.actualRows;
            scan.actualTotalMs = root.actualTotalMs;
            scan.loops = root.loops;
            if (root.properties.containsKey("Actual Startup Time")) {
                scan.put("Actual Startup Time", root.properties.get("Actual Startup Time"));
            }
        }
        if (root.properties.containsKey("Total Cost")) {
            scan.putNumber("*Estimated Rows Read", scan.estimatedRows);
            scan.estimatedRows = root.estimatedRows;
            scan.put("Total Cost", root.properties.get("Total Cost"));
            scan.put("Startup Cost", root.properties.get("Startup Cost"));
        }
        for (PlanNodeBuilder c : root.children) {
            if (c != scan) {
                scan.children.add(c);
            }
        }
        for (String key : new String[] {"Parent Relationship", "Subplan Name", HEADING}) {
            if (root.properties.containsKey(key)) {
                scan.put(key, root.properties.get(key));
            }
        }
        return scan;
    }

    /** Aliases become the real table names the query gives them (alias → table). */
    static void resolveAliases(PlanNodeBuilder node, Map<String, String> aliases) {
        if (node.relation != null) {
            String table = aliases.get(node.relation);
            if (table == null) {
                table = aliases.get(node.relation.toLowerCase(Locale.ROOT));
            }
            if (table != null) {
                node.relation = table;
            }
        }
        for (PlanNodeBuilder c : node.children) {
            resolveAliases(c, aliases);
        }
    }

    // column (optionally qualified) compared with a constant: number, string, typed literal, NULL, a <cache>d expression
    // [schema.][table.]column: groups 1 and 2 are qualifiers, 3 the column
    private static final String COLUMN = "(?:([A-Za-z_][\\w$]*)\\.)?(?:([A-Za-z_][\\w$]*)\\.)?([A-Za-z_][\\w$]*)";
    private static final String CONSTANT = "(-?\\d[\\d.]*(?:e[+-]?\\d+)?|(?:TIMESTAMP|DATE|TIME|_[a-z0-9]+)?'(?:[^'\\\\]|\\\\.|'')*'"
            + "|NULL|TRUE|FALSE|<cache>\\()";
    private static final Pattern COMPARISON = Pattern.compile("(?<![\\w.$])" + COLUMN + "\\s*(=|<=>|<>|!=|<=|>=|<|>)\\s*" + CONSTANT,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN = Pattern.compile("(?<![\\w.$])" + COLUMN + " between " + CONSTANT, Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_LIST = Pattern.compile("(?<![\\w.$])" + COLUMN + " in \\(\\s*" + CONSTANT, Pattern.CASE_INSENSITIVE);
    private static final Pattern LIKE = Pattern.compile("(?<![\\w.$])" + COLUMN + " like '([^'%_])", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_NULL = Pattern.compile("(?<![\\w.$])" + COLUMN + " is null", Pattern.CASE_INSENSITIVE);

    /**
     * The columns of this node's table a filter compares with constants, in the order written:
     * {@code =}, {@code <=>}, {@code IN} and {@code IS NULL} are equality, the others range.
     * Columns qualified with another table's alias are left out.
     */
    static void conditionColumns(PlanNodeBuilder node) {
        String filter = node.properties.get("Filter");
        if (filter != null && node.relation != null) {
            String text = filter.replace("`", "");
            String alias = node.properties.getOrDefault("Alias", node.relation);
            Set<String> equality = new LinkedHashSet<>();
            Set<String> range = new LinkedHashSet<>();
            Matcher m = COMPARISON.matcher(text);
            while (m.find()) {
                String op = m.group(4);
                if (!ownColumn(qualifier(m), alias, node.relation) || op.equals("<>") || op.equals("!=")) {
                    continue; // another table's column, or an inequality no index narrows
                }
                (op.equals("=") || op.equals("<=>") ? equality : range).add(m.group(3).toLowerCase(Locale.ROOT));
            }
            collect(IN_LIST.matcher(text), equality, alias, node.relation);
            collect(IS_NULL.matcher(text), equality, alias, node.relation);
            collect(BETWEEN.matcher(text), range, alias, node.relation);
            collect(LIKE.matcher(text), range, alias, node.relation);
            range.removeAll(equality);
            if (!equality.isEmpty()) {
                node.put(FilterColumns.EQUALITY, String.join(", ", equality));
            }
            if (!range.isEmpty()) {
                node.put(FilterColumns.RANGE, String.join(", ", range));
            }
        }
        for (PlanNodeBuilder c : node.children) {
            conditionColumns(c);
        }
    }

    private static void collect(Matcher m, Set<String> into, String alias, String relation) {
        while (m.find()) {
            if (ownColumn(qualifier(m), alias, relation)) {
                into.add(m.group(3).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The table qualifier of a matched column: the one right before it. */
    private static String qualifier(Matcher m) {
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static boolean ownColumn(String qualifier, String alias, String relation) {
        return qualifier == null || qualifier.equalsIgnoreCase(alias) || qualifier.equalsIgnoreCase(relation);
    }

    /** Every node, depth first. */
    static List<PlanNodeBuilder> all(PlanNodeBuilder root) {
        List<PlanNodeBuilder> out = new ArrayList<>();
        java.util.ArrayDeque<PlanNodeBuilder> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PlanNodeBuilder n = stack.pop();
            out.add(n);
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.push(n.children.get(i));
            }
        }
        return out;
    }
}
