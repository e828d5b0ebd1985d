package dev.evident.ingest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans in a file saved from the {@code mysql} or {@code mariadb} command-line client, or pasted
 * raw. The client wraps a plan in one of its output forms, which are removed here:
 * <ul>
 *   <li>a table ({@code -t}, or interactive): {@code +---+} rules, a {@code | EXPLAIN |} or
 *       {@code | ANALYZE |} header, the value's first line after {@code "| "} and its last line
 *       before {@code " |"};</li>
 *   <li>vertical ({@code \G}): {@code *** 1. row ***} and the {@code EXPLAIN: } prefix;</li>
 *   <li>batch ({@code -B}): the column name on its own line, and with {@code -B} but without
 *       {@code -r} the value on one line with {@code \n} escapes;</li>
 *   <li>the echo of the statement ({@code -vvv} prints it between two {@code -----} lines, an
 *       interactive session after the {@code mysql>} prompt with {@code ->} continuation prompts),
 *       which is kept as the plan's query;</li>
 *   <li>footers: {@code 1 row in set (0.41 sec)}, {@code Bye}, {@code Warnings:} and {@code Note} lines.</li>
 * </ul>
 * What remains is split into blocks: a tree ({@code -> } lines of EXPLAIN ANALYZE or FORMAT=TREE) or
 * one JSON document. Every kept line remembers its line number in the file.
 */
final class MysqlClientOutput {
    private static final Pattern RULE = Pattern.compile("^\\+[-+]+\\+$");
    private static final Pattern HEADER_CELL = Pattern.compile("^\\|\\s*(EXPLAIN|ANALYZE)\\s*\\|$");
    private static final Pattern ROW_MARKER = Pattern.compile("^\\*+ \\d+\\. row \\*+$");
    private static final Pattern FOOTER = Pattern.compile("^(\\d+ rows? in set.*|Empty set.*|Query OK.*|Bye)$");
    private static final Pattern NOTE = Pattern.compile("^(Warnings:|Note\\b.*|Warning\\b.*\\d{4}.*)$");
    private static final Pattern ECHO_RULE = Pattern.compile("^-{5,}$");
    private static final Pattern PROMPT = Pattern.compile("^(?:mysql|MariaDB \\[[^\\]]*\\]|MySQL [^>]*)> ?(.*)$");
    private static final Pattern CONTINUATION_PROMPT = Pattern.compile("^\\s*(?:->|'>|\">|`>|/\\*>) ?(.*)$");
    private static final Pattern TREE_LINE = Pattern.compile("^\\s*-> \\S.*$");
    private static final Pattern EXPLAIN_STATEMENT = Pattern.compile(
            "^(?:EXPLAIN|DESCRIBE|DESC|ANALYZE)\\s+(?:ANALYZE\\s+)?(?:FORMAT\\s*=\\s*(?:TREE|JSON)\\s+)?(?:ANALYZE\\s+)?",
            Pattern.CASE_INSENSITIVE);

    enum Kind { TREE, JSON }

    /** One plan's lines, with the statement the client echoed before it (or null). */
    record Block(Kind kind, List<String> lines, List<Integer> lineNumbers, String query, boolean complete) {
        int firstLine() {
            return lineNumbers.isEmpty() ? 0 : lineNumbers.get(0);
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    private final List<Block> blocks = new ArrayList<>();
    private List<String> lines = new ArrayList<>();
    private List<Integer> numbers = new ArrayList<>();
    private Kind kind;
    private int jsonDepth;
    private boolean inString;
    private boolean escaped;
    private String pendingQuery;
    private StringBuilder echo;           // statement text being collected from an echo
    private boolean echoBetweenRules;
    private boolean inTable;

    private MysqlClientOutput() {
    }

    static List<Block> split(List<String> raw) {
        MysqlClientOutput out = new MysqlClientOutput();
        for (int i = 0; i < raw.size(); i++) {
            out.line(raw.get(i), i + 1);
        }
        out.flush();
        return out.blocks;
    }

    /** The statement an EXPLAIN or ANALYZE was run on: the prefix, the terminator and the client's line breaks removed. */
    static String statementOf(String echoed) {
        String s = echoed.strip();
        while (s.endsWith(";") || s.endsWith("\\G") || s.endsWith("\\g")) {
            s = s.substring(0, s.length() - (s.endsWith(";") ? 1 : 2)).stripTrailing();
        }
        Matcher m = EXPLAIN_STATEMENT.matcher(s);
        if (!m.find()) {
            return null;
        }
        String rest = s.substring(m.end()).strip();
        String first = rest.split("\\s", 2)[0].toUpperCase(Locale.ROOT);
        return first.equals("SELECT") || first.equals("WITH") || first.equals("UPDATE") || first.equals("DELETE")
                || first.equals("INSERT") || first.equals("REPLACE") || first.startsWith("(")
                ? rest : null;
    }

    private void line(String raw, int number) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        String t = line.strip();
        if (kind == Kind.JSON) {
            json(line, number);
            return;
        }
        if (echo != null) {
            if (echoBetweenRules) {
                if (ECHO_RULE.matcher(t).matches()) {
                    endEcho();
                } else {
                    echo.append('\n').append(line);
                }
                return;
            }
            Matcher c = CONTINUATION_PROMPT.matcher(line);
            if (!terminated(echo) && c.matches()) {
                echo.append('\n').append(c.group(1));
                return;
            }
            endEcho();
        }
        if (ECHO_RULE.matcher(t).matches()) {
            flush();
            echo = new StringBuilder();
            echoBetweenRules = true;
            return;
        }
        Matcher prompt = PROMPT.matcher(line);
        if (prompt.matches()) {
            flush();
            echo = new StringBuilder(prompt.group(1));
            echoBetweenRules = false;
            if (terminated(echo)) {
                endEcho();
            }
            return;
        }
        if (t.isEmpty()) {
            if (kind == Kind.TREE) {
                flush();
            }
            return;
        }
        if (RULE.matcher(t).matches()) {
            inTable = true;
            if (kind == Kind.TREE) {
                flush();
            }
            return;
        }
        if (HEADER_CELL.matcher(t).matches() || ROW_MARKER.matcher(t).matches() || t.equals("EXPLAIN") || t.equals("ANALYZE")) {
            flush();
            return;
        }
        if (FOOTER.matcher(t).matches() || (kind == null && NOTE.matcher(t).matches())) {
            flush();
            inTable = false;
            return;
        }
        String cell = line;
        if (cell.startsWith("| ")) {
            cell = cell.substring(2);
        } else if (cell.startsWith("EXPLAIN: ") || cell.startsWith("ANALYZE: ")) {
            cell = cell.substring(cell.indexOf(": ") + 2);
        }
        if (inTable) {
            String trimmed = cell.stripTrailing();
            if (trimmed.endsWith("|")) {
                cell = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
            }
        }
        if (cell.strip().isEmpty()) {
            return;
        }
        if (cell.contains("\\n") && (cell.startsWith("{") || cell.startsWith("-> "))) {
            for (String part : unescape(cell).split("\n")) {
                content(part, number);
            }
            return;
        }
        content(cell, number);
    }

    private void content(String cell, int number) {
        if (kind == Kind.JSON) {
            json(cell, number);
            return;
        }
        String t = cell.strip();
        if (kind == null && (t.startsWith("{") || t.startsWith("["))) {
            start(Kind.JSON);
            json(cell, number);
            return;
        }
        if (TREE_LINE.matcher(cell).matches()) {
            if (kind == null) {
                start(Kind.TREE);
            }
            lines.add(cell.stripTrailing());
            numbers.add(number);
            return;
        }
        // anything else ends a plan; a statement typed before the plan (a raw paste) is its query
        flush();
        String statement = statementOf(t);
        if (statement != null) {
            pendingQuery = statement;
        }
    }

    private void start(Kind k) {
        kind = k;
        jsonDepth = 0;
        inString = false;
        escaped = false;
    }

    /** Adds a JSON line and ends the block when its outermost brace closes. */
    private void json(String line, int number) {
        if (line.isBlank()) {
            return; // whitespace between tokens; not recorded, so a cut document ends at its last real line
        }
        String cell = line;
        if (inTable) {
            String trimmed = cell.stripTrailing();
            if (trimmed.endsWith("|") && jsonDepthAfter(trimmed.substring(0, trimmed.length() - 1)) == 0) {
                cell = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
            }
        }
        lines.add(cell);
        numbers.add(number);
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                jsonDepth++;
            } else if (c == '}' || c == ']') {
                jsonDepth--;
                if (jsonDepth == 0) {
                    blocks.add(new Block(Kind.JSON, lines, numbers, takeQuery(), true));
                    reset();
                    return;
                }
            }
        }
    }

    /** The depth the open JSON document would have after this text (for telling a closing " |" cell border apart). */
    private int jsonDepthAfter(String text) {
        int depth = jsonDepth;
        boolean str = inString;
        boolean esc = escaped;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (str) {
                if (esc) {
                    esc = false;
                } else if (c == '\\') {
                    esc = true;
                } else if (c == '"') {
                    str = false;
                }
            } else if (c == '"') {
                str = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth;
    }

    private void flush() {
        if (kind != null && !lines.isEmpty()) {
            blocks.add(new Block(kind, lines, numbers, takeQuery(), kind == Kind.TREE));
        }
        reset();
    }

    private void reset() {
        lines = new ArrayList<>();
        numbers = new ArrayList<>();
        kind = null;
        jsonDepth = 0;
        inString = false;
        escaped = false;
    }

    private String takeQuery() {
        String q = pendingQuery;
        pendingQuery = null;
        return q;
    }

    private void endEcho() {
        String statement = statementOf(echo.toString());
        if (statement != null) {
            pendingQuery = statement;
        }
        echo = null;
    }

    private static boolean terminated(StringBuilder s) {
        String t = s.toString().stripTrailing();
        return t.endsWith(";") || t.endsWith("\\G") || t.endsWith("\\g");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
