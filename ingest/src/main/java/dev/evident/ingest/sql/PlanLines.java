package dev.evident.ingest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of an EXPLAIN output with whatever the client wrapped around them removed: psql's
 * table borders (ASCII and Unicode line styles), its {@code QUERY PLAN} header and {@code (N rows)}
 * footer, the {@code +} or {@code ↵} that marks a line continued inside one cell, and the cell
 * padding. A file with several psql results becomes several blocks. Each kept line remembers its
 * line number in the file, so parse errors can say where.
 */
final class PlanLines {
    private static final Pattern RULE = Pattern.compile("^[\\s+\\-─═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬]+$");
    private static final Pattern FOOTER = Pattern.compile("^\\(\\d+ (rows?|lignes?|Zeilen|filas|righe|строк[аи]?)\\)$");
    private static final Pattern CONTINUATION = Pattern.compile("\\s*[+↵]$");

    /**
     * One plan's worth of lines. With {@code leadingTab} (auto_explain's continuation lines of a
     * TEXT plan) one tab at the start of a line is not part of the plan; the parser skips it.
     */
    record Block(List<String> lines, List<Integer> lineNumbers, boolean leadingTab) {
        Block(List<String> lines, List<Integer> lineNumbers) {
            this(lines, lineNumbers, false);
        }

        int firstLine() {
            return lineNumbers.isEmpty() ? 0 : lineNumbers.get(0);
        }

        int lineNumber(int i) {
            return lineNumbers instanceof Consecutive c ? c.first + i : lineNumbers.get(i);
        }

        String text() {
            return String.join("\n", lines);
        }

        boolean isJson() {
            for (String l : lines) {
                String t = l.strip();
                if (!t.isEmpty()) {
                    return t.startsWith("[") || t.startsWith("{");
                }
            }
            return false;
        }
    }

    /** Line numbers first, first + 1, ...: no list of boxed numbers for the lines of a log entry. */
    static final class Consecutive extends java.util.AbstractList<Integer> {
        final int first;
        private final int size;

        Consecutive(int first, int size) {
            this.first = first;
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            java.util.Objects.checkIndex(index, size);
            return first + index;
        }

        @Override
        public int size() {
            return size;
        }
    }

    private PlanLines() {
    }

    /** Splits raw lines (numbered from {@code firstLineNumber}) into cleaned blocks. */
    static List<Block> split(List<String> raw, int firstLineNumber) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < raw.size(); i++) {
            String line = stripCr(raw.get(i));
            int number = firstLineNumber + i;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (isHeader(trimmed)) {
                flush(blocks, lines, numbers);
                lines = new ArrayList<>();
                numbers = new ArrayList<>();
                inTable = true;
                continue;
            }
            if (FOOTER.matcher(trimmed).matches()) {
                flush(blocks, lines, numbers);
                lines = new ArrayList<>();
                numbers = new ArrayList<>();
                inTable = false;
                continue;
            }
            if ((inTable || trimmed.contains("---") || trimmed.contains("───")) && RULE.matcher(trimmed).matches()) {
                continue;
            }
            String cell = line;
            boolean bordered = false;
            String lead = cell.stripLeading();
            if (!lead.isEmpty() && "|│║".indexOf(lead.charAt(0)) >= 0) {
                cell = lead.substring(1);
                bordered = true;
                String tail = cell.stripTrailing();
                if (!tail.isEmpty() && "|│║".indexOf(tail.charAt(tail.length() - 1)) >= 0) {
                    cell = tail.substring(0, tail.length() - 1);
                }
            }
            if (inTable) {
                cell = CONTINUATION.matcher(cell.stripTrailing()).replaceFirst("");
                if ((bordered || cell.startsWith(" ")) && cell.length() > 0 && cell.charAt(0) == ' ') {
                    cell = cell.substring(1); // the cell's padding
                }
            }
            lines.add(cell.stripTrailing());
            numbers.add(number);
        }
        flush(blocks, lines, numbers);
        return blocks;
    }

    private static boolean isHeader(String trimmed) {
        String t = trimmed;
        if (!t.isEmpty() && "|│║".indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1).strip();
        }
        if (!t.isEmpty() && "|│║".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.equals("QUERY PLAN");
    }

    private static void flush(List<Block> blocks, List<String> lines, List<Integer> numbers) {
        if (!lines.isEmpty()) {
            blocks.add(new Block(lines, numbers));
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
