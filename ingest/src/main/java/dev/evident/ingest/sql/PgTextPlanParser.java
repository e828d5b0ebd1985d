package dev.evident.ingest.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's EXPLAIN TEXT format (versions 12 to 18), after {@link PlanLines} removed what psql
 * put around it. The tree comes from indentation: every entry (node, worker, sub-plan header,
 * plan-level section) sits on a stack with its column, and a line belongs to the nearest entry to
 * its left. Properties are stored under the names EXPLAIN (FORMAT JSON) uses, so both formats
 * feed one analysis (PEV2 does the same).
 */
final class PgTextPlanParser {
    private static final Pattern COSTS = Pattern.compile(
            "\\(cost=(-?[\\d.]+)\\.\\.(-?[\\d.]+) rows=(\\d+) width=(\\d+)\\)");
    private static final Pattern ACTUAL = Pattern.compile(
            "\\(actual (?:time=([\\d.]+)\\.\\.([\\d.]+) )?rows=([\\d.]+) loops=(\\d+)\\)");
    private static final Pattern WORKER = Pattern.compile("^Worker (\\d+):\\s*(.*)$");
    private static final Pattern WORKER_ACTUAL = Pattern.compile(
            "^actual (?:time=([\\d.]+)\\.\\.([\\d.]+) )?rows=([\\d.]+) loops=(\\d+)$");
    private static final Pattern SUBPLAN = Pattern.compile("^((?:Sub|Init)Plan)\\b\\s*(\\d+)?.*$");
    private static final Pattern CTE = Pattern.compile("^CTE (\\S+)$");
    private static final Pattern SORT = Pattern.compile(
            "^(.+?)\\s+(Memory|Disk): (\\d+)kB$");
    private static final Pattern KB = Pattern.compile("^(\\d+)kB$");
    /** Deeper plans are not real: PostgreSQL itself limits expression and plan depth far below. */
    static final int MAX_DEPTH = 2_000;
    private static final Pattern TIME_MS = Pattern.compile("^(-?[\\d.]+) ms$");
    /**
     * auto_explain lines (as logged, with their leading tab) already seen to be a plain property
     * line: not empty, not a node, not JSON, not a sub-plan, CTE or worker header. Their column
     * and text depend on the line alone; a plan of a statement repeats most of its lines.
     */
    private record PlainLine(int column, String text) {
    }

    static final int PLAIN_LINES_KEPT = 16_384;
    private static final Map<String, PlainLine> PLAIN_LINES = new ConcurrentHashMap<>();
    /** Distinct property lines whose puts are kept (see {@link #property}). */
    static final int PROPERTY_LINES_KEPT = 16_384;
    private static final Map<String, String[]> PROPERTY_LINES = new ConcurrentHashMap<>();

    /** One thing lines can belong to. */
    private record Entry(int column, PlanNodeBuilder node, String prefix, String relationship, String subplanName) {
    }

    private PgTextPlanParser() {
    }

    /** Parses one block; a block may hold several plans printed one after the other. */
    static List<ParsedPlan> parse(PlanLines.Block block) throws PlanFormatException {
        List<ParsedPlan> plans = new ArrayList<>();
        ParsedPlan plan = null;
        Deque<Entry> stack = new ArrayDeque<>();
        int rootColumn = 0;
        boolean planFinished = false;
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int lineNo = block.lineNumber(i);
            PlainLine plain = block.leadingTab() && !isArrow(raw) ? PLAIN_LINES.get(raw) : null;
            int column;
            String text;
            boolean arrow;
            PlanNodeBuilder usual;
            boolean nodeShape;
            if (plain != null) {
                column = plain.column();
                text = plain.text();
                arrow = false;
                usual = null;
                nodeShape = false;
                if (stack.size() > MAX_DEPTH) {
                    throw new PlanFormatException(lineNo, "plan nests deeper than " + MAX_DEPTH + " levels");
                }
            } else {
                int from = block.leadingTab() && raw.startsWith("\t") ? 1 : 0; // auto_explain's tab, not part of the plan
                String untabbed = raw;
                if (raw.indexOf('\t', from) >= 0) {
                    untabbed = raw.substring(from).replace("\t", "    ");
                    from = 0;
                }
                column = indentation(untabbed, from);
                text = strip(untabbed, from);
                if (text.isEmpty()) {
                    continue;
                }
                if (text.startsWith("[") || text.startsWith("{") || text.startsWith("\"")) {
                    throw new PlanFormatException(lineNo, "JSON found inside a TEXT plan (mixed formats); put each plan in its own "
                            + "file or psql result");
                }
                if (stack.size() > MAX_DEPTH) {
                    throw new PlanFormatException(lineNo, "plan nests deeper than " + MAX_DEPTH + " levels");
                }
                arrow = text.startsWith("->");
                // the usual node line without regular expressions; then cheap substring checks before the regexes
                usual = arrow ? null : PgNodeLine.parse(text);
                nodeShape = arrow || usual != null || (text.contains("(cost=") && COSTS.matcher(text).find())
                        || text.contains("(never executed)")
                        || (text.contains("(actual ") && ACTUAL.matcher(text).find() && !text.startsWith("Worker "));
            }
            if (plan == null || (planFinished && nodeShape && !arrow)) {
                if (!nodeShape && plan == null && !looksLikeTitle(text)) {
                    throw new PlanFormatException(lineNo, "expected a plan node such as 'Seq Scan on t  (cost=...)', found \""
                            + excerpt(text) + "\"");
                }
                plan = new ParsedPlan();
                plan.firstLine = lineNo;
                plans.add(plan);
                stack.clear();
                planFinished = false;
                rootColumn = column;
                plan.root = usual != null ? usual : node(text, lineNo);
                stack.push(new Entry(column, plan.root, "", null, null));
                continue;
            }
            if (arrow) {
                int nodeColumn = column;
                while (!stack.isEmpty() && stack.peek().column() >= nodeColumn) {
                    stack.pop();
                }
                if (stack.isEmpty()) {
                    throw new PlanFormatException(lineNo, "plan node \"" + excerpt(text) + "\" is indented less than the plan's root");
                }
                Entry parent = stack.peek();
                PlanNodeBuilder child = node(strip(text, 2), lineNo);
                if (parent.relationship() != null) {
                    child.put("Parent Relationship", parent.relationship());
                    child.put("Subplan Name", parent.subplanName());
                }
                parent.node().children.add(child);
                // properties of this node are indented to its title, past the arrow
                stack.push(new Entry(nodeColumn + 1, child, "", null, null));
                continue;
            }
            // a property, a worker, a sub-plan header or a plan-level line
            while (!stack.isEmpty() && stack.peek().column() >= column && column > rootColumn) {
                stack.pop();
            }
            if (column <= rootColumn) {
                while (stack.size() > 1) {
                    stack.pop();
                }
                planFinished |= planLevel(plan, text, lineNo, stack, column);
                continue;
            }
            Entry owner = stack.peek();
            if (owner == null) {
                throw new PlanFormatException(lineNo, "line is not inside any plan node: \"" + excerpt(text) + "\"");
            }
            if (owner.node() == null) {
                // inside a plan-level section (Planning:, JIT:, Triggers:)
                sectionLine(plan, owner.prefix(), text);
                continue;
            }
            if (plain != null) {
                property(owner.node(), owner.prefix(), text, lineNo);
                continue;
            }
            Matcher m;
            if ((text.startsWith("SubPlan") || text.startsWith("InitPlan")) && (m = SUBPLAN.matcher(text)).matches() && !text.contains(":")) {
                String name = m.group(2) != null ? m.group(1) + " " + m.group(2) : m.group(1);
                stack.push(new Entry(column, owner.node(), "", m.group(1), name));
                continue;
            }
            if (text.startsWith("CTE ") && (m = CTE.matcher(text)).matches()) {
                stack.push(new Entry(column, owner.node(), "", "InitPlan", "CTE " + m.group(1)));
                continue;
            }
            if (text.startsWith("Worker ") && (m = WORKER.matcher(text)).matches()) {
                String prefix = "Worker " + m.group(1) + " ";
                stack.push(new Entry(column, owner.node(), prefix, null, null));
                String rest = m.group(2).strip();
                if (!rest.isEmpty()) {
                    Matcher a = WORKER_ACTUAL.matcher(rest);
                    if (a.matches()) {
                        workerActuals(owner.node(), prefix, a);
                    } else {
                        property(owner.node(), prefix, rest, lineNo);
                    }
                }
                continue;
            }
            property(owner.node(), owner.prefix(), text, lineNo);
            if (block.leadingTab() && !nodeShape && PLAIN_LINES.size() < PLAIN_LINES_KEPT) {
                // a line of no special kind: next time its column and text are looked up, not worked out
                PLAIN_LINES.put(raw, new PlainLine(column, text));
            }
        }
        if (plans.isEmpty()) {
            throw new PlanFormatException(block.firstLine(), "no plan node found");
        }
        return plans;
    }

    private static boolean looksLikeTitle(String text) {
        return !text.contains(":") && Character.isUpperCase(text.charAt(0));
    }

    private static PlanNodeBuilder node(String text, int lineNo) throws PlanFormatException {
        PlanNodeBuilder usual = PgNodeLine.parse(text);
        return usual != null ? usual : nodeByPatterns(text, lineNo);
    }

    /** Any node line, by regular expressions (also what {@link PgNodeLine} is tested against). */
    static PlanNodeBuilder nodeByPatterns(String text, int lineNo) throws PlanFormatException {
        PlanNodeBuilder node = new PlanNodeBuilder();
        int cut = text.length();
        Matcher costs = COSTS.matcher(text);
        boolean hasCosts = costs.find();
        if (hasCosts) {
            cut = Math.min(cut, costs.start());
            node.putNumber("Startup Cost", Double.parseDouble(costs.group(1)));
            node.putNumber("Total Cost", Double.parseDouble(costs.group(2)));
            node.estimatedRows = Double.parseDouble(costs.group(3));
            node.putNumber("Plan Width", Double.parseDouble(costs.group(4)));
        }
        Matcher actual = ACTUAL.matcher(text);
        if (actual.find()) {
            cut = Math.min(cut, actual.start());
            if (actual.group(1) != null) {
                node.putNumber("Actual Startup Time", Double.parseDouble(actual.group(1)));
                node.actualTotalMs = Double.parseDouble(actual.group(2));
            }
            node.actualRows = Double.parseDouble(actual.group(3));
            node.loops = Long.parseLong(actual.group(4));
        } else {
            int never = text.indexOf("(never executed)");
            if (never >= 0) {
                cut = Math.min(cut, never);
                node.loops = 0;
                node.actualRows = 0.0;
                node.actualTotalMs = 0.0;
                node.putNumber("Actual Startup Time", 0);
            }
        }
        String title = text.substring(0, cut).strip();
        if (title.isEmpty()) {
            throw new PlanFormatException(lineNo, "plan node without a name: \"" + excerpt(text) + "\"");
        }
        PgNodeNames.apply(title, node);
        return node;
    }

    private static void workerActuals(PlanNodeBuilder node, String prefix, Matcher a) {
        if (a.group(1) != null) {
            node.putNumber(prefix + "Actual Startup Time", Double.parseDouble(a.group(1)));
            node.putNumber(prefix + "Actual Total Time", Double.parseDouble(a.group(2)));
        }
        node.putNumber(prefix + "Actual Rows", Double.parseDouble(a.group(3)));
        node.putNumber(prefix + "Actual Loops", Double.parseDouble(a.group(4)));
    }

    /** A line at the root's indentation: timing totals, settings, sections. True when it ends the plan. */
    private static boolean planLevel(ParsedPlan plan, String text, int lineNo, Deque<Entry> stack, int column) {
        int colon = text.indexOf(':');
        String key = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1).strip();
        switch (key) {
            case "Planning Time", "Total runtime" -> plan.planningMs = key.equals("Planning Time") ? ms(value) : plan.planningMs;
            case "Execution Time" -> {
                plan.executionMs = ms(value);
                return true;
            }
            case "Settings" -> parseSettings(value, plan);
            case "Planning", "JIT", "Triggers", "Serialization" -> {
                if (value.isEmpty()) {
                    stack.push(new Entry(column, null, key + " ", null, null));
                } else {
                    sectionLine(plan, key + " ", value);
                }
            }
            default -> {
                if (text.startsWith("Trigger ")) {
                    plan.properties.put(key, value);
                } else if (colon > 0) {
                    plan.properties.put(key, PlanNodeBuilder.canonical(stripUnit(value)));
                }
            }
        }
        if (key.equals("Total runtime")) {
            plan.executionMs = ms(value); // PostgreSQL before 9.4
            return true;
        }
        return false;
    }

    /** A line inside "Planning:", "JIT:" and the like: stored with the section's name in front. */
    private static void sectionLine(ParsedPlan plan, String prefix, String text) {
        if (text.startsWith("Buffers:")) {
            PlanNodeBuilder tmp = new PlanNodeBuilder();
            buffers(tmp, "", text.substring("Buffers:".length()).strip());
            tmp.properties.forEach((k, v) -> plan.properties.put(prefix + k, v));
            return;
        }
        if (text.startsWith("I/O Timings:")) {
            PlanNodeBuilder tmp = new PlanNodeBuilder();
            ioTimings(tmp, "", text.substring("I/O Timings:".length()).strip());
            tmp.properties.forEach((k, v) -> plan.properties.put(prefix + k, v));
            return;
        }
        if (prefix.equals("JIT ") && text.startsWith("Timing:")) {
            // "Generation 0.953 ms, Inlining 0.000 ms, Optimization 0.768 ms, Emission 42.627 ms, Total 44.348 ms"
            // PostgreSQL 17 adds "(Deform 0.2 ms)" after Generation
            String body = text.substring("Timing:".length()).replaceAll("\\s*\\(Deform [\\d.]+ ms\\)", "");
            for (String part : body.split(",")) {
                String[] kv = part.strip().split("\\s+");
                if (kv.length >= 2 && PlanNodeBuilder.isNumeric(kv[1])) {
                    plan.properties.put("JIT " + kv[0] + " Time", PlanNodeBuilder.canonical(kv[1]));
                }
            }
            return;
        }
        if (prefix.equals("JIT ") && text.startsWith("Options:")) {
            for (String part : text.substring("Options:".length()).split(",")) {
                String[] kv = part.strip().split("\\s+");
                if (kv.length == 2) {
                    plan.properties.put("JIT Option " + kv[0], kv[1]);
                }
            }
            return;
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            plan.properties.put(prefix + text.substring(0, colon).strip(),
                    PlanNodeBuilder.canonical(stripUnit(text.substring(colon + 1).strip())));
        }
    }

    /**
     * A "Key: value" line of a node. What a line puts on its node depends on the line alone, and
     * plans of one statement repeat most of their lines ("Workers Planned: 2", "Sort Key: ...",
     * often the same buffer counts), so the puts are kept per distinct line, up to a bound.
     */
    static void property(PlanNodeBuilder node, String prefix, String text, int lineNo) {
        String key = prefix.isEmpty() ? text : prefix + '\n' + text; // no line holds a line break
        String[] puts = PROPERTY_LINES.get(key);
        if (puts == null) {
            PlanNodeBuilder probe = new PlanNodeBuilder();
            probe.recorded = new ArrayList<>(4);
            parseProperty(probe, prefix, text);
            puts = probe.recorded.toArray(new String[0]);
            if (PROPERTY_LINES.size() < PROPERTY_LINES_KEPT) {
                PROPERTY_LINES.put(key, puts);
            }
        }
        for (int i = 0; i < puts.length; i += 2) {
            node.put(puts[i], puts[i + 1]);
        }
    }

    /** A "Key: value" line of a node, with the special forms PostgreSQL packs several values into. */
    private static void parseProperty(PlanNodeBuilder node, String prefix, String text) {
        int colon = text.indexOf(": ");
        if (colon < 0) {
            if (text.endsWith(":")) {
                return; // an empty section header
            }
            node.put(prefix + text, "true");
            return;
        }
        String key = text.substring(0, colon).strip();
        String value = text.substring(colon + 2).strip();
        switch (key) {
            case "Buffers" -> buffers(node, prefix, value);
            case "I/O Timings" -> ioTimings(node, prefix, value);
            case "WAL" -> wal(node, prefix, value);
            case "Sort Method" -> sortMethod(node, prefix, value);
            case "Buckets" -> buckets(node, prefix, value);
            case "Batches" -> hashAggBatches(node, prefix, value);
            case "Heap Blocks" -> heapBlocks(node, prefix, value);
            case "Hits" -> memoize(node, prefix, text);
            case "Full-sort Groups", "Pre-sorted Groups" -> node.put(prefix + key, value);
            default -> node.put(prefix.isEmpty() ? key : prefix + key, PlanNodeBuilder.canonical(stripUnit(value)));
        }
    }

    /** "shared hit=5135 read=3616 dirtied=2 written=1, local hit=1, temp read=3281 written=3294". */
    private static void buffers(PlanNodeBuilder node, String prefix, String value) {
        // by hand, without split: every plan node has this line
        int n = value.length();
        int group = 0;
        while (group < n) {
            int groupEnd = value.indexOf(',', group);
            if (groupEnd < 0) {
                groupEnd = n;
            }
            String area = null;
            int i = group;
            while (i < groupEnd) {
                while (i < groupEnd && value.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                while (i < groupEnd && value.charAt(i) != ' ') {
                    i++;
                }
                if (i == start) {
                    break;
                }
                if (area == null) {
                    area = value.substring(start, i);
                    continue;
                }
                int eq = value.indexOf('=', start);
                if (eq > start && eq < i) {
                    node.put(bufferKey(prefix, area, value.substring(start, eq)), PlanNodeBuilder.canonical(value.substring(eq + 1, i)));
                }
            }
            group = groupEnd + 1;
        }
    }

    /** "Shared Hit Blocks" and the like; the usual ones without building the text. */
    private static String bufferKey(String prefix, String area, String what) {
        if (prefix.isEmpty()) {
            String known = switch (area + '.' + what) {
                case "shared.hit" -> "Shared Hit Blocks";
                case "shared.read" -> "Shared Read Blocks";
                case "shared.dirtied" -> "Shared Dirtied Blocks";
                case "shared.written" -> "Shared Written Blocks";
                case "temp.read" -> "Temp Read Blocks";
                case "temp.written" -> "Temp Written Blocks";
                case "local.hit" -> "Local Hit Blocks";
                case "local.read" -> "Local Read Blocks";
                default -> null;
            };
            if (known != null) {
                return known;
            }
        }
        return prefix + capitalize(area) + " " + capitalize(what) + " Blocks";
    }

    /** "shared read=77.968 write=1.2, local read=1, temp read=28.329 write=29.117"; before PG 17 "read=1 write=2". */
    private static void ioTimings(PlanNodeBuilder node, String prefix, String value) {
        for (String group : value.split(",")) {
            String[] parts = group.strip().split("\\s+");
            String area = "Shared";
            int start = 0;
            if (parts.length > 0 && !parts[0].contains("=")) {
                area = capitalize(parts[0].equals("shared/local") ? "shared" : parts[0]);
                start = 1;
            }
            for (int i = start; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    String what = capitalize(parts[i].substring(0, eq));
                    node.put(prefix + area + " I/O " + what + " Time", PlanNodeBuilder.canonical(parts[i].substring(eq + 1)));
                }
            }
        }
    }

    /** "records=2 fpi=1 bytes=182". */
    private static void wal(PlanNodeBuilder node, String prefix, String value) {
        for (String part : value.split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String what = part.substring(0, eq);
                String name = what.equals("fpi") ? "FPI" : capitalize(what);
                node.put(prefix + "WAL " + name, PlanNodeBuilder.canonical(part.substring(eq + 1)));
            }
        }
    }

    /** "external merge  Disk: 26248kB", "top-N heapsort  Memory: 25kB". */
    private static void sortMethod(PlanNodeBuilder node, String prefix, String value) {
        Matcher m = SORT.matcher(value);
        if (m.matches()) {
            node.put(prefix + "Sort Method", m.group(1).strip());
            node.put(prefix + "Sort Space Type", m.group(2));
            node.put(prefix + "Sort Space Used", m.group(3));
        } else {
            node.put(prefix + "Sort Method", value);
        }
    }

    /** "65536 (originally 1024)  Batches: 4 (originally 1)  Memory Usage: 3585kB". */
    private static void buckets(PlanNodeBuilder node, String prefix, String value) {
        String[] fields = ("Buckets: " + value).split("\\s{2,}");
        for (String f : fields) {
            int colon = f.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = f.substring(0, colon).strip();
            String v = f.substring(colon + 1).strip();
            String original = null;
            int paren = v.indexOf("(originally ");
            if (paren >= 0) {
                original = v.substring(paren + "(originally ".length(), v.indexOf(')', paren)).strip();
                v = v.substring(0, paren).strip();
            }
            switch (key) {
                case "Buckets" -> {
                    node.put(prefix + "Hash Buckets", v);
                    node.put(prefix + "Original Hash Buckets", original != null ? original : v);
                }
                case "Batches" -> {
                    node.put(prefix + "Hash Batches", v);
                    node.put(prefix + "Original Hash Batches", original != null ? original : v);
                }
                case "Memory Usage" -> node.put(prefix + "Peak Memory Usage", kb(v));
                default -> node.put(prefix + key, v);
            }
        }
    }

    /** HashAggregate (PG 13+): "Batches: 5  Memory Usage: 4145kB  Disk Usage: 10456kB". */
    private static void hashAggBatches(PlanNodeBuilder node, String prefix, String value) {
        for (String f : ("Batches: " + value).split("\\s{2,}")) {
            int colon = f.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = f.substring(0, colon).strip();
            String v = f.substring(colon + 1).strip();
            switch (key) {
                case "Batches" -> node.put(prefix + "HashAgg Batches", v);
                case "Memory Usage" -> node.put(prefix + "Peak Memory Usage", kb(v));
                case "Disk Usage" -> node.put(prefix + "Disk Usage", kb(v));
                default -> node.put(prefix + key, kb(v));
            }
        }
    }

    /** "exact=123 lossy=456". */
    private static void heapBlocks(PlanNodeBuilder node, String prefix, String value) {
        for (String part : value.split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                node.put(prefix + capitalize(part.substring(0, eq)) + " Heap Blocks", part.substring(eq + 1));
            }
        }
    }

    /** Memoize: "Hits: 9  Misses: 1  Evictions: 0  Overflows: 0  Memory Usage: 1kB". */
    private static void memoize(PlanNodeBuilder node, String prefix, String text) {
        for (String f : text.split("\\s{2,}")) {
            int colon = f.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = f.substring(0, colon).strip();
            String v = f.substring(colon + 1).strip();
            if (key.equals("Memory Usage")) {
                node.put(prefix + "Peak Memory Usage", kb(v));
            } else {
                node.put(prefix + "Cache " + key, v);
            }
        }
    }

    private static void parseSettings(String value, ParsedPlan plan) {
        // "random_page_cost = '1.1', work_mem = '64MB'"
        Matcher m = Pattern.compile("(\\w[\\w.]*) = '((?:[^']|'')*)'").matcher(value);
        while (m.find()) {
            plan.settings.put(m.group(1), m.group(2).replace("''", "'"));
        }
    }

    private static String kb(String v) {
        Matcher m = KB.matcher(v);
        return m.matches() ? m.group(1) : v;
    }

    /** The number of "12.5 ms" (what TIME_MS matches), else the value as it is; without a regex, for every property. */
    private static String stripUnit(String v) {
        int end = v.length() - " ms".length();
        if (end <= 0 || !v.endsWith(" ms")) {
            return v;
        }
        int start = v.charAt(0) == '-' ? 1 : 0;
        if (end <= start) {
            return v;
        }
        for (int i = start; i < end; i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return v;
            }
        }
        return v.substring(0, end);
    }

    private static Double ms(String value) {
        Matcher m = TIME_MS.matcher(value.strip());
        if (m.matches()) {
            return Double.parseDouble(m.group(1));
        }
        return PlanNodeBuilder.isNumeric(value.strip()) ? Double.parseDouble(value.strip()) : null;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A "->" node line as auto_explain logs it (tab, spaces, arrow): never a plain line, not worth a lookup. */
    private static boolean isArrow(String raw) {
        int i = raw.startsWith("\t") ? 1 : 0;
        while (i < raw.length() && raw.charAt(i) == ' ') {
            i++;
        }
        return raw.startsWith("->", i);
    }

    /** Spaces at the start of s[from, end). */
    private static int indentation(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i - from;
    }

    /** {@code s.substring(from).strip()}, with one copy at most. */
    private static String strip(String s, int from) {
        int start = from;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String excerpt(String s) {
        String t = s.strip();
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }
}
