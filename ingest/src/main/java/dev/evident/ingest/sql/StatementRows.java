package dev.evident.ingest.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The header and rows of a table export: CSV (RFC 4180: quoted cells may hold commas, doubled
 * quotes and line breaks, as PostgreSQL's COPY writes them) or psql's aligned format, where the
 * header's separator line ({@code -----+-----}) gives each column's character range and a cell
 * that continues on the next line ends in {@code +}.
 */
record StatementRows(List<String> header, List<Row> rows, boolean csv) {

    /** One data row and the line it starts on. */
    record Row(long line, List<String> cells) {
    }

    static StatementRows read(BufferedReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        String l;
        while ((l = reader.readLine()) != null) {
            lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        int headerAt = 0;
        while (headerAt < lines.size() && lines.get(headerAt).isBlank()) {
            headerAt++;
        }
        boolean table = headerAt + 1 < lines.size() && lines.get(headerAt + 1).matches("^[\\s|+\\-─┼═╪│║]*-[\\s|+\\-─┼═╪│║]*$");
        return table ? psql(lines, headerAt) : csv(lines, headerAt);
    }

    private static StatementRows csv(List<String> lines, int headerAt) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        long start = headerAt + 1;
        for (int i = headerAt; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!quoted && cells.isEmpty() && cell.length() == 0) {
                start = i + 1;
                if (line.isEmpty()) {
                    continue;
                }
            }
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (quoted) {
                    if (c == '"' && j + 1 < line.length() && line.charAt(j + 1) == '"') {
                        cell.append('"');
                        j++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            if (quoted) {
                cell.append('\n'); // a line break inside a quoted cell
                continue;
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (header == null) {
                header = List.copyOf(cells);
            } else {
                rows.add(new Row(start, List.copyOf(cells)));
            }
            cells.clear();
        }
        return new StatementRows(header == null ? List.of() : header, rows, true);
    }

    private static StatementRows psql(List<String> lines, int headerAt) {
        String rule = lines.get(headerAt + 1);
        // column boundaries: the separator's '+' (or box-drawing crossings); outer borders of -P border=2 are dropped
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= rule.length(); i++) {
            if (i == rule.length() || "+┼╪|".indexOf(rule.charAt(i)) >= 0) {
                if (i > from) {
                    ranges.add(new int[] {from, i});
                }
                from = i + 1;
            }
        }
        List<String> header = new ArrayList<>();
        for (int[] r : ranges) {
            header.add(cut(lines.get(headerAt), r).strip());
        }
        List<Row> rows = new ArrayList<>();
        Row open = null;
        boolean continues = false;
        for (int i = headerAt + 2; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().matches("^\\(\\d+ rows?\\)$") || line.strip().matches("^[+\\-─┼└┘]+$")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            boolean wraps = false;
            for (int[] r : ranges) {
                String c = cut(line, r);
                String t = c.stripTrailing();
                if (t.endsWith("+") && c.length() > t.length() - 1) {
                    wraps = true;
                    t = t.substring(0, t.length() - 1);
                }
                cells.add(t.startsWith(" ") ? t.substring(1) : t);
            }
            if (continues && open != null) {
                List<String> merged = new ArrayList<>(open.cells());
                for (int k = 0; k < merged.size(); k++) {
                    if (!cells.get(k).isBlank()) {
                        merged.set(k, merged.get(k).stripTrailing() + "\n" + cells.get(k).strip());
                    }
                }
                open = new Row(open.line(), merged);
                rows.set(rows.size() - 1, open);
            } else {
                open = new Row(i + 1, cells);
                rows.add(open);
            }
            continues = wraps;
        }
        return new StatementRows(header, rows, false);
    }

    private static String cut(String line, int[] range) {
        if (range[0] >= line.length()) {
            return "";
        }
        return line.substring(range[0], Math.min(line.length(), range[1]));
    }
}
