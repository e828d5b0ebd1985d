package dev.evident.ingest.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's EXPLAIN (FORMAT JSON) output, and auto_explain's JSON entries. Properties are kept
 * under their JSON names in the spelling {@link PgTextPlanParser} produces for the same plan: false
 * flags and zero counters that the TEXT format omits are dropped, PostgreSQL 16's "I/O Read Time"
 * becomes 17's "Shared I/O Read Time", and lists are joined with ", " as TEXT prints them.
 */
final class PgJsonPlanParser {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keys with a typed field in PlanNode, or structure rather than a figure. */
    private static final Set<String> STRUCTURAL = Set.of("Node Type", "Plans", "Workers", "Plan Rows", "Actual Rows",
            "Actual Loops", "Actual Total Time");
    /** Flags the TEXT format shows only in VERBOSE mode or never; kept out so both formats agree. */
    private static final Set<String> TEXT_NEVER_SHOWS = Set.of("Inner Unique", "Single Copy", "Parent Relationship",
            "Subplan Name");

    private PgJsonPlanParser() {
    }

    static List<ParsedPlan> parse(String json, int firstLine) throws PlanFormatException {
        String body = trimToJson(json);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            int line = loc == null ? firstLine : firstLine + Math.max(0, loc.getLineNr() - 1);
            throw new PlanFormatException(line, "JSON plan is not valid JSON (" + e.getOriginalMessage()
                    + "); is the output cut short?");
        }
        List<ParsedPlan> plans = new ArrayList<>();
        if (tree != null && tree.isArray()) {
            for (JsonNode entry : tree) {
                plans.add(plan(entry, firstLine));
            }
        } else if (tree != null && tree.isObject()) {
            plans.add(plan(tree, firstLine));
        }
        if (plans.isEmpty()) {
            throw new PlanFormatException(firstLine, "JSON holds no plan (expected [{\"Plan\": {...}}])");
        }
        return plans;
    }

    /** Text around the JSON (a header a tool added, a trailing semicolon) is not part of the plan. */
    private static String trimToJson(String s) {
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '{') {
                start = i;
                break;
            }
        }
        int end = Math.max(s.lastIndexOf(']'), s.lastIndexOf('}'));
        return start < 0 || end < start ? s : s.substring(start, end + 1);
    }

    private static ParsedPlan plan(JsonNode entry, int firstLine) throws PlanFormatException {
        JsonNode planNode = entry.get("Plan");
        if (planNode == null || !planNode.isObject()) {
            throw new PlanFormatException(firstLine, "JSON entry has no \"Plan\" object; keys found: "
                    + String.join(", ", fieldNames(entry)));
        }
        ParsedPlan plan = new ParsedPlan();
        plan.firstLine = firstLine;
        plan.root = node(planNode, firstLine, 0);
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            switch (key) {
                case "Plan" -> {
                }
                case "Planning Time" -> plan.planningMs = v.asDouble();
                case "Execution Time" -> plan.executionMs = v.asDouble();
                case "Query Text" -> plan.query = v.asText();
                case "Settings" -> v.fields().forEachRemaining(s -> plan.settings.put(s.getKey(), s.getValue().asText()));
                case "Planning" -> section(plan, "Planning ", v);
                case "JIT" -> jit(plan, v);
                case "Triggers" -> {
                    for (JsonNode t : v) {
                        String name = t.path("Trigger Name").asText("?");
                        plan.properties.put("Trigger " + name, "time=" + t.path("Time").asText() + " calls="
                                + t.path("Calls").asText());
                    }
                }
                default -> {
                    if (v.isValueNode()) {
                        plan.properties.put(key, PlanNodeBuilder.canonical(v.asText()));
                    }
                }
            }
        }
        return plan;
    }

    private static void section(ParsedPlan plan, String prefix, JsonNode v) {
        PlanNodeBuilder tmp = new PlanNodeBuilder();
        v.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                tmp.put(renamed(f.getKey()), value(f.getValue()));
            }
        });
        tmp.properties.forEach((k, val) -> plan.properties.put(prefix + k, val));
    }

    private static void jit(ParsedPlan plan, JsonNode v) {
        if (v.has("Functions")) {
            plan.properties.put("JIT Functions", PlanNodeBuilder.canonical(v.get("Functions").asText()));
        }
        v.path("Options").fields().forEachRemaining(o -> plan.properties.put("JIT Option " + o.getKey(), o.getValue().asText()));
        v.path("Timing").fields().forEachRemaining(t -> {
            JsonNode time = t.getValue().isObject() ? t.getValue().get("Total") : t.getValue(); // PG 17: {"Deform", "Total"}
            if (time != null && time.isNumber()) {
                plan.properties.put("JIT " + t.getKey() + " Time", PlanNodeBuilder.number(time.asDouble()));
            }
        });
    }

    private static PlanNodeBuilder node(JsonNode json, int line, int depth) throws PlanFormatException {
        if (depth > 10_000) {
            throw new PlanFormatException(line, "plan nests deeper than 10,000 levels");
        }
        PlanNodeBuilder b = new PlanNodeBuilder();
        JsonNode type = json.get("Node Type");
        if (type == null) {
            throw new PlanFormatException(line, "plan node without \"Node Type\"; keys found: "
                    + String.join(", ", fieldNames(json)));
        }
        b.nodeType = type.asText();
        b.estimatedRows = json.path("Plan Rows").asDouble(0);
        if (json.has("Actual Loops")) {
            b.loops = json.get("Actual Loops").asLong();
            b.actualRows = json.path("Actual Rows").asDouble(0);
            if (json.has("Actual Total Time")) {
                b.actualTotalMs = json.get("Actual Total Time").asDouble();
            } else if (b.loops == 0) {
                b.actualTotalMs = 0.0; // never executed
            }
            if (b.loops == 0 && !json.has("Actual Startup Time")) {
                b.putNumber("Actual Startup Time", 0);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (STRUCTURAL.contains(key)) {
                continue;
            }
            if (TEXT_NEVER_SHOWS.contains(key)) {
                continue;
            }
            if (v.isBoolean() && !v.asBoolean()) {
                continue; // TEXT prints only the flags that are set
            }
            b.put(renamed(key), value(v));
        }
        if ("Aggregate".equals(b.nodeType) && !b.properties.containsKey("Partial Mode")) {
            b.put("Partial Mode", "Simple");
        }
        b.relation = b.properties.get("Relation Name");
        b.index = b.properties.get("Index Name");
        String relationship = json.path("Parent Relationship").asText("");
        if (relationship.equals("InitPlan") || relationship.equals("SubPlan")) {
            b.put("Parent Relationship", relationship);
            b.put("Subplan Name", subplanName(json.path("Subplan Name").asText(relationship)));
        }
        JsonNode workers = json.get("Workers");
        if (workers != null && workers.isArray()) {
            for (JsonNode w : workers) {
                String prefix = "Worker " + w.path("Worker Number").asText() + " ";
                w.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("Worker Number") && f.getValue().isValueNode()
                            && !(f.getValue().isBoolean() && !f.getValue().asBoolean())) {
                        String k = renamed(f.getKey());
                        if (!PlanNodeBuilder.OMITTED_WHEN_ZERO.contains(k) || !isZero(f.getValue())) {
                            b.put(prefix + k, value(f.getValue()));
                        }
                    }
                });
            }
        }
        JsonNode children = json.get("Plans");
        if (children != null && children.isArray()) {
            for (JsonNode c : children) {
                b.children.add(node(c, line, depth + 1));
            }
        }
        return b;
    }

    /** "InitPlan 1 (returns $0)" → "InitPlan 1", as the TEXT parser names the header. */
    private static String subplanName(String name) {
        String[] words = name.split("\\s+");
        if (words.length >= 2 && (words[0].equals("InitPlan") || words[0].equals("SubPlan") || words[0].equals("CTE"))) {
            return words[0] + " " + words[1];
        }
        return name;
    }

    /** PostgreSQL up to 16 names shared-buffer I/O time without "Shared". */
    private static String renamed(String key) {
        return switch (key) {
            case "I/O Read Time" -> "Shared I/O Read Time";
            case "I/O Write Time" -> "Shared I/O Write Time";
            default -> key;
        };
    }

    private static String value(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e.asText()));
            return String.join(", ", parts);
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.asText() : PlanNodeBuilder.number(v.asDouble());
        }
        if (v.isObject()) {
            return v.toString();
        }
        return v.asText();
    }

    private static boolean isZero(JsonNode v) {
        return v.isNumber() && v.asDouble() == 0;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names.size() > 8 ? names.subList(0, 8) : names;
    }
}
