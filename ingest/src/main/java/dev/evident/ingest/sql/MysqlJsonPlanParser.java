package dev.evident.ingest.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON plans of MySQL and MariaDB:
 * <ul>
 *   <li><b>version 1</b>, {@code {"query_block": {...}}}: MySQL's {@code EXPLAIN FORMAT=JSON} (estimates:
 *       {@code rows_examined_per_scan}, {@code filtered}, {@code cost_info}) and MariaDB's
 *       {@code EXPLAIN FORMAT=JSON} and {@code ANALYZE FORMAT=JSON} (estimates {@code rows} and
 *       {@code filtered}; measurements {@code r_loops}, {@code r_rows} (average rows read per loop),
 *       {@code r_filtered} (percentage the condition kept), {@code r_table_time_ms} +
 *       {@code r_other_time_ms} or {@code r_total_time_ms} (all loops)). Tables of a join are listed
 *       in {@code nested_loop} in join order; they become a chain of {@code Nested loop join} nodes
 *       whose time and rows are their inputs' sums;</li>
 *   <li><b>version 2</b>, {@code {"query": ..., "operation": ..., "inputs": [...]}}: MySQL 8.3+ with
 *       {@code explain_json_format_version = 2}, the tree format's content as JSON, with
 *       {@code actual_*} figures from {@code EXPLAIN ANALYZE FORMAT=JSON}.</li>
 * </ul>
 * Rows and times end up per loop, as in the tree format and PostgreSQL.
 */
final class MysqlJsonPlanParser {

    /** A parsed plan and the database that printed it. */
    record Result(ParsedPlan plan, String engine) {
    }

    private MysqlJsonPlanParser() {
    }

    /**
     * @param complete false when the document's outermost brace never closed (its last line is {@code lastLine})
     */
    static Result parse(String json, int firstLine, int lastLine, boolean complete) throws PlanFormatException {
        if (!complete) {
            throw new PlanFormatException(firstLine, "the JSON document that starts here ends at line " + lastLine
                    + " before its last brace closes; is the output cut short?");
        }
        JsonNode tree;
        try {
            tree = PgJsonPlanParser.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            int line = loc == null ? firstLine : firstLine + Math.max(0, loc.getLineNr() - 1);
            throw new PlanFormatException(line, "JSON plan is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree != null && tree.isArray() && tree.size() == 1) {
            tree = tree.get(0);
        }
        if (tree == null || !tree.isObject()) {
            throw new PlanFormatException(firstLine, "expected a JSON object ({\"query_block\": ...} or {\"operation\": ...})");
        }
        if (tree.has("query_block")) {
            return version1(tree, firstLine);
        }
        if (tree.has("operation")) {
            return version2(tree, firstLine);
        }
        throw new PlanFormatException(firstLine, "JSON is not a MySQL or MariaDB plan: no \"query_block\" (EXPLAIN FORMAT=JSON) or "
                + "\"operation\" (explain_json_format_version = 2); keys found: " + String.join(", ", fieldNames(tree)));
    }

    // ---------------------------------------------------------------- version 2

    private static Result version2(JsonNode root, int line) throws PlanFormatException {
        ParsedPlan plan = new ParsedPlan();
        plan.firstLine = line;
        plan.root = v2Node(root, line, 0, true);
        if (root.hasNonNull("query")) {
            plan.query = root.get("query").asText();
        }
        boolean analyzed = root.has("actual_rows");
        plan.properties.put("*Format", analyzed ? "EXPLAIN ANALYZE FORMAT=JSON (version 2)" : "EXPLAIN FORMAT=JSON (version 2)");
        plan.root = MysqlPlanNodes.foldFilters(plan.root);
        return new Result(plan, "MySQL");
    }

    private static PlanNodeBuilder v2Node(JsonNode json, int line, int depth, boolean topLevel) throws PlanFormatException {
        if (depth > 10_000) {
            throw new PlanFormatException(line, "plan nests deeper than 10,000 levels");
        }
        JsonNode operation = json.get("operation");
        if (operation == null || !operation.isTextual()) {
            throw new PlanFormatException(line, "plan node without \"operation\"; keys found: " + String.join(", ", fieldNames(json)));
        }
        PlanNodeBuilder b = new PlanNodeBuilder();
        MysqlPlanNodes.describe(b, operation.asText());
        if (json.hasNonNull("table_name") && b.relation != null) {
            b.relation = json.get("table_name").asText();
            b.put("Alias", json.hasNonNull("alias") ? json.get("alias").asText() : b.relation);
        }
        if (json.hasNonNull("index_name") && b.index != null) {
            b.index = json.get("index_name").asText();
        }
        if (json.hasNonNull("condition") && "Filter".equals(b.nodeType)) {
            b.put("Filter", json.get("condition").asText());
        }
        if (json.has("estimated_rows")) {
            b.estimatedRows = json.get("estimated_rows").asDouble();
            b.putNumber("Total Cost", json.path("estimated_total_cost").asDouble());
            if (json.has("estimated_first_row_cost")) {
                b.putNumber("Startup Cost", json.get("estimated_first_row_cost").asDouble());
            }
        }
        if (json.has("actual_rows")) {
            if (json.get("actual_rows").isNull()) {
                b.loops = 0;
                b.actualRows = 0.0;
                b.actualTotalMs = 0.0;
                b.putNumber("Actual Startup Time", 0);
            } else {
                b.actualRows = json.get("actual_rows").asDouble();
                b.actualTotalMs = json.path("actual_last_row_ms").asDouble();
                b.putNumber("Actual Startup Time", json.path("actual_first_row_ms").asDouble());
                b.loops = json.path("actual_loops").asLong();
            }
        }
        children(b, json.get("inputs"), line, depth, false);
        children(b, json.get("inputs_from_select_list"), line, depth, topLevel);
        return b;
    }

    private static void children(PlanNodeBuilder parent, JsonNode inputs, int line, int depth, boolean selectListOfRoot)
            throws PlanFormatException {
        if (inputs == null || !inputs.isArray()) {
            return;
        }
        for (JsonNode c : inputs) {
            PlanNodeBuilder child = v2Node(c, line, depth + 1, false);
            String heading = c.hasNonNull("heading") ? c.get("heading").asText() : null;
            if (heading == null && c.path("subquery").asBoolean(false)) {
                heading = "Select (subquery in " + c.path("subquery_location").asText("condition") + ")";
            }
            if (heading != null) {
                child.put(MysqlPlanNodes.HEADING, heading);
                String relationship = heading.contains("subquery in projection") && selectListOfRoot ? "InitPlan"
                        : heading.contains("subquery in") ? "SubPlan" : null;
                if (relationship != null) {
                    child.put("Parent Relationship", relationship);
                    child.put("Subplan Name", heading);
                }
            }
            parent.children.add(child);
        }
    }

    // ---------------------------------------------------------------- version 1

    private static Result version1(JsonNode root, int line) throws PlanFormatException {
        boolean mariadb = root.has("query_optimization") || containsKey(root, "r_loops") || containsKey(root, "rows")
                && !containsKey(root, "rows_examined_per_scan");
        boolean analyzed = containsKey(root, "r_loops");
        ParsedPlan plan = new ParsedPlan();
        plan.firstLine = line;
        plan.root = queryBlock(root.get("query_block"), line, 0);
        JsonNode optimization = root.path("query_optimization").path("r_total_time_ms");
        if (optimization.isNumber()) {
            plan.planningMs = optimization.asDouble();
        }
        JsonNode total = root.get("query_block").path("r_total_time_ms");
        if (total.isNumber()) {
            plan.executionMs = total.asDouble();
        }
        JsonNode cost = root.get("query_block").path("cost_info").path("query_cost");
        if (!cost.isMissingNode()) {
            plan.properties.put("Query Cost", PlanNodeBuilder.canonical(cost.asText()));
        }
        String engine = mariadb ? "MariaDB" : "MySQL";
        plan.properties.put("*Format", (analyzed ? "ANALYZE FORMAT=JSON" : "EXPLAIN FORMAT=JSON"));
        return new Result(plan, engine);
    }

    private static PlanNodeBuilder queryBlock(JsonNode block, int line, int depth) throws PlanFormatException {
        if (block == null || !block.isObject()) {
            throw new PlanFormatException(line, "\"query_block\" is not an object");
        }
        if (depth > 1_000) {
            throw new PlanFormatException(line, "plan nests deeper than 1,000 query blocks");
        }
        PlanNodeBuilder b = new PlanNodeBuilder();
        b.nodeType = "Query Block";
        b.put("Select Id", block.path("select_id").asText(null));
        b.put(MysqlPlanNodes.OPERATION, "Select #" + block.path("select_id").asText("?"));
        measured(b, block);
        // MariaDB and MySQL do not report a query block's output rows; they stay unknown rather than guessed
        b.children.addAll(contents(block, line, depth));
        return b;
    }

    /** The plan nodes inside a query block or an operation wrapping one. */
    private static List<PlanNodeBuilder> contents(JsonNode obj, int line, int depth) throws PlanFormatException {
        List<PlanNodeBuilder> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "table" -> out.add(table(v, line, depth));
                case "nested_loop" -> {
                    List<PlanNodeBuilder> tables = new ArrayList<>();
                    for (JsonNode element : v) {
                        tables.addAll(contents(element, line, depth));
                    }
                    out.add(join(tables));
                }
                case "ordering_operation", "grouping_operation", "duplicates_removal", "windowing" -> {
                    List<PlanNodeBuilder> inner = contents(v, line, depth);
                    boolean sorts = v.path("using_filesort").asBoolean(false);
                    boolean temporary = v.path("using_temporary_table").asBoolean(false);
                    if (sorts || temporary || f.getKey().equals("grouping_operation")) {
                        PlanNodeBuilder op = new PlanNodeBuilder();
                        op.nodeType = switch (f.getKey()) {
                            case "ordering_operation" -> "Sort";
                            case "grouping_operation" -> "Group aggregate";
                            case "duplicates_removal" -> "Remove duplicates";
                            default -> "Window";
                        };
                        op.put(MysqlPlanNodes.OPERATION, f.getKey() + (sorts ? " using filesort" : "")
                                + (temporary ? " using temporary table" : ""));
                        if (!inner.isEmpty()) {
                            op.estimatedRows = inner.get(inner.size() - 1).estimatedRows;
                        }
                        op.children.addAll(inner);
                        out.add(op);
                    } else {
                        out.addAll(inner); // an index delivers the order: no operation of its own
                    }
                }
                case "read_sorted_file" -> {
                    List<PlanNodeBuilder> inner = contents(v, line, depth);
                    if (v.has("r_rows") && !inner.isEmpty() && inner.get(0).nodeType.equals("Sort")) {
                        PlanNodeBuilder sort = inner.get(0);
                        sort.actualRows = v.get("r_rows").asDouble() / Math.max(1, sort.loops);
                    }
                    out.addAll(inner);
                }
                case "filesort" -> {
                    PlanNodeBuilder sort = new PlanNodeBuilder();
                    sort.nodeType = "Sort";
                    sort.put(MysqlPlanNodes.OPERATION, "filesort");
                    if (v.hasNonNull("sort_key")) {
                        sort.put("Sort Key", v.get("sort_key").asText());
                    }
                    measured(sort, v);
                    if (v.has("r_output_rows") && sort.actualTotalMs != null) {
                        sort.actualRows = v.get("r_output_rows").asDouble() / Math.max(1, sort.loops);
                    }
                    for (String k : new String[] {"r_limit", "r_used_priority_queue", "r_sort_mode", "r_buffer_size", "r_sort_passes"}) {
                        if (v.has(k)) {
                            sort.put(k, v.get(k).asText());
                        }
                    }
                    sort.children.addAll(contents(v, line, depth));
                    if (!sort.children.isEmpty()) {
                        sort.estimatedRows = sort.children.get(sort.children.size() - 1).estimatedRows;
                    }
                    out.add(sort);
                }
                case "temporary_table" -> {
                    PlanNodeBuilder tmp = new PlanNodeBuilder();
                    tmp.nodeType = "Temporary table";
                    tmp.put(MysqlPlanNodes.OPERATION, "temporary_table");
                    tmp.children.addAll(contents(v, line, depth));
                    out.add(tmp);
                }
                case "block-nl-join" -> {
                    List<PlanNodeBuilder> inner = contents(v, line, depth);
                    if (!inner.isEmpty()) {
                        PlanNodeBuilder t = inner.get(0);
                        t.put("Join Buffer", v.path("join_type").asText("BNL") + " (" + v.path("buffer_type").asText("flat") + ")");
                        if (v.hasNonNull("attached_condition") && !t.properties.containsKey("Filter")) {
                            t.put("Filter", v.get("attached_condition").asText());
                            filtered(t, v);
                        }
                    }
                    out.addAll(inner);
                }
                case "union_result" -> {
                    PlanNodeBuilder union = new PlanNodeBuilder();
                    union.nodeType = "Union";
                    union.put(MysqlPlanNodes.OPERATION, "union_result " + v.path("table_name").asText(""));
                    measured(union, v);
                    for (JsonNode spec : v.path("query_specifications")) {
                        union.children.add(queryBlock(spec.get("query_block"), line, depth + 1));
                    }
                    out.add(union);
                }
                case "subqueries", "attached_subqueries", "select_list_subqueries", "optimized_away_subqueries" -> {
                    for (JsonNode sq : v) {
                        JsonNode qb = sq.has("query_block") ? sq.get("query_block") : sq.path("expression_cache").get("query_block");
                        if (qb == null) {
                            continue;
                        }
                        PlanNodeBuilder sub = queryBlock(qb, line, depth + 1);
                        boolean selectList = f.getKey().equals("select_list_subqueries");
                        sub.put("Parent Relationship", selectList ? "InitPlan" : "SubPlan");
                        sub.put("Subplan Name", "Select #" + qb.path("select_id").asText("?"));
                        out.add(sub);
                    }
                }
                case "query_block" -> out.add(queryBlock(v, line, depth + 1));
                default -> {
                }
            }
        }
        return out;
    }

    /** Tables in join order as a left-deep chain of nested loops. */
    private static PlanNodeBuilder join(List<PlanNodeBuilder> tables) {
        if (tables.isEmpty()) {
            PlanNodeBuilder empty = new PlanNodeBuilder();
            empty.nodeType = "Nested loop join";
            return empty;
        }
        PlanNodeBuilder left = tables.get(0);
        for (int i = 1; i < tables.size(); i++) {
            PlanNodeBuilder right = tables.get(i);
            PlanNodeBuilder loop = new PlanNodeBuilder();
            loop.nodeType = "Nested loop join";
            loop.put(MysqlPlanNodes.OPERATION, "nested_loop");
            loop.children.add(left);
            loop.children.add(right);
            loop.estimatedRows = right.estimatedRows * Math.max(1, left.estimatedRows);
            if (left.actualTotalMs != null && right.actualTotalMs != null) {
                loop.loops = 1;
                loop.actualTotalMs = left.actualTotalMs * Math.max(1, left.loops) + right.actualTotalMs * Math.max(1, right.loops);
                loop.actualRows = right.actualRows == null ? null : right.actualRows * right.loops;
            }
            left = loop;
        }
        return left;
    }

    private static PlanNodeBuilder table(JsonNode t, int line, int depth) throws PlanFormatException {
        PlanNodeBuilder b = new PlanNodeBuilder();
        String access = t.path("access_type").asText("");
        b.nodeType = switch (access) {
            case "ALL" -> "Table scan";
            case "index" -> "Index scan";
            case "range" -> "Index range scan";
            case "ref", "ref_or_null" -> "Index lookup";
            case "eq_ref" -> "Single-row index lookup";
            case "const", "system" -> "Constant row";
            case "index_merge" -> "Index merge";
            case "fulltext" -> "Full-text index search";
            case "" -> "Table";
            default -> "Table access (" + access + ")";
        };
        b.put("*Access Type", access.isEmpty() ? null : access);
        String name = t.path("table_name").asText(null);
        if (name != null && !name.startsWith("<")) {
            b.relation = name;
        }
        b.put("Alias", name);
        b.put(MysqlPlanNodes.OPERATION, access + " on " + name);
        if (t.hasNonNull("key")) {
            b.index = t.get("key").asText();
        }
        JsonNode parts = t.get("used_key_parts");
        JsonNode refs = t.get("ref");
        if (parts != null && parts.isArray() && refs != null && refs.isArray() && parts.size() == refs.size()) {
            List<String> conds = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                conds.add(parts.get(i).asText() + "=" + refs.get(i).asText());
            }
            b.put("Index Cond", String.join(", ", conds));
        }
        if (t.hasNonNull("index_condition")) {
            b.put("Index Filter", t.get("index_condition").asText());
        }
        if (t.path("using_index").asBoolean(false)) {
            b.put("Covering", "true");
        }
        // estimates: rows examined per scan, and the percentage the condition is expected to keep
        double examined = t.has("rows_examined_per_scan") ? t.get("rows_examined_per_scan").asDouble()
                : t.path("rows").asDouble(0);
        double filteredPct = t.path("filtered").asDouble(100);
        b.estimatedRows = examined * filteredPct / 100;
        b.putNumber("*Estimated Rows Read", examined);
        if (t.has("cost_info")) {
            JsonNode c = t.get("cost_info");
            if (c.has("prefix_cost")) {
                b.put("Total Cost", PlanNodeBuilder.canonical(c.get("prefix_cost").asText()));
            }
        }
        if (t.hasNonNull("attached_condition")) {
            b.put("Filter", t.get("attached_condition").asText());
        }
        measured(b, t);
        if (b.loops >= 0) {
            filtered(b, t);
        }
        JsonNode stats = t.get("r_engine_stats");
        if (stats != null && stats.isObject()) {
            stats.fields().forEachRemaining(s -> b.put("Engine " + s.getKey(), PlanNodeBuilder.canonical(s.getValue().asText())));
        }
        if (t.has("materialized_from_subquery")) {
            JsonNode m = t.get("materialized_from_subquery");
            if (m.has("query_block")) {
                b.children.add(queryBlock(m.get("query_block"), line, depth + 1));
            }
        }
        b.children.addAll(contents(subqueriesOnly(t), line, depth));
        return b;
    }

    /** The subquery lists of a table object (its other keys are figures, not nodes). */
    private static JsonNode subqueriesOnly(JsonNode t) {
        var only = PgJsonPlanParser.MAPPER.createObjectNode();
        for (String k : new String[] {"attached_subqueries", "subqueries"}) {
            if (t.has(k)) {
                only.set(k, t.get(k));
            }
        }
        return only;
    }

    /** MariaDB's r_loops and its times (all loops) as loops and time per loop. */
    private static void measured(PlanNodeBuilder b, JsonNode obj) {
        if (!obj.has("r_loops")) {
            return;
        }
        long loops = obj.get("r_loops").asLong();
        b.loops = loops;
        double total = obj.has("r_total_time_ms") ? obj.get("r_total_time_ms").asDouble()
                : obj.path("r_table_time_ms").asDouble(0) + obj.path("r_other_time_ms").asDouble(0);
        boolean timed = obj.has("r_total_time_ms") || obj.has("r_table_time_ms");
        if (loops == 0) {
            b.actualTotalMs = 0.0;
            b.actualRows = 0.0;
        } else if (timed) {
            b.actualTotalMs = total / loops;
        }
        if (obj.has("r_table_time_ms")) {
            b.putNumber("Table Time", obj.get("r_table_time_ms").asDouble());
            b.putNumber("Other Time", obj.path("r_other_time_ms").asDouble());
        }
    }

    /** Rows a table access kept per loop (r_rows × r_filtered), and those its condition dropped. */
    private static void filtered(PlanNodeBuilder b, JsonNode t) {
        if (!t.has("r_rows") || t.get("r_rows").isNull() || b.loops == 0) {
            return;
        }
        double read = t.get("r_rows").asDouble();
        double keptPct = t.has("r_filtered") && !t.get("r_filtered").isNull() ? t.get("r_filtered").asDouble() : 100;
        double kept = read * keptPct / 100;
        b.actualRows = kept;
        if (b.properties.containsKey("Filter")) {
            b.putNumber("Rows Removed by Filter", read - kept);
        }
    }

    private static boolean containsKey(JsonNode node, String key) {
        if (node.isObject()) {
            if (node.has(key)) {
                return true;
            }
            for (JsonNode c : node) {
                if (containsKey(c, key)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode c : node) {
                if (containsKey(c, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names.size() > 8 ? names.subList(0, 8) : names;
    }
}
