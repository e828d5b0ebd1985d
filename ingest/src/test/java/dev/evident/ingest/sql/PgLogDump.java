package dev.evident.ingest.sql;

import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.StatementShape;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.TestSink;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a log reader run produced, as text with one record per line: producer, window,
 * warnings, every {@link SqlEvent} field, every {@link QueryPlan} field and every {@link PlanNode}
 * (indented by depth). Numbers are printed exactly ({@link Double#toString}), maps in key order,
 * strings with their line breaks escaped, so two runs that produced the same objects give the
 * same text and any difference shows as a differing line.
 *
 * <p>The artifact's own path is printed as {@code FILE}, so a dump does not depend on where the
 * repository is checked out. {@code main} writes the dumps of several files, each after a
 * {@code file NAME} line, to compare readers of different builds (see {@link PgLogIdenticalOutputTest}).
 */
final class PgLogDump {
    private PgLogDump() {
    }

    /** {@code PgLogDump READER_CLASS OUT FILE...}: the dumps of the files, in the order given. */
    public static void main(String[] args) throws Exception {
        ArtifactReader reader = (ArtifactReader) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 2; i < args.length; i++) {
                Path file = Path.of(args[i]);
                out.append("file ").append(file.getFileName().toString()).append('\n');
                write(read(reader, file), file.toString(), out);
            }
        }
    }

    static TestSink read(ArtifactReader reader, Path file) throws Exception {
        TestSink sink = new TestSink();
        reader.read(ArtifactInput.of(file), sink);
        return sink;
    }

    static String of(TestSink sink, String file) {
        StringBuilder out = new StringBuilder();
        try {
            write(sink, file, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static void write(TestSink sink, String file, Appendable out) throws IOException {
        out.append("producer ").append(sink.producer).append('\n');
        TimeWindow w = sink.window;
        out.append("window ").append(w == null ? "null" : w.startEpochNanos() + " " + w.durationNanos()).append('\n');
        for (String warning : sink.warnings) {
            out.append("warning ").append(text(warning)).append('\n');
        }
        out.append("events ").append(Integer.toString(sink.sqlEvents.size())).append('\n');
        for (SqlEvent e : sink.sqlEvents) {
            out.append(event(e, file)).append('\n');
        }
        out.append("plans ").append(Integer.toString(sink.plans.size())).append('\n');
        for (QueryPlan p : sink.plans) {
            plan(p, file, out);
        }
    }

    static String event(SqlEvent e, String file) {
        return "event source=" + source(e.source(), file) + " line=" + e.line() + " t=" + e.epochNanos() + " ms=" + e.durationMs()
                + " session=" + text(e.session()) + " tx=" + text(e.transaction()) + " params=" + text(e.parameters())
                + " rows=" + e.rows() + " aggregate=" + e.aggregate() + " engine=" + text(e.engine()) + " fp=" + text(e.fingerprint())
                + " shape=" + shape(e.shape())
                + " text=" + text(e.text());
    }

    static void plan(QueryPlan p, String file, Appendable out) throws IOException {
        out.append("plan source=").append(source(p.source(), file)).append(" location=").append(text(p.location())).append(" engine=")
                .append(p.engine()).append(" planning=").append(String.valueOf(p.planningMs())).append(" execution=")
                .append(String.valueOf(p.executionMs())).append(" settings=").append(map(p.settings())).append(" properties=")
                .append(map(p.properties())).append(" fp=").append(text(p.fingerprint())).append(" shape=").append(shape(p.shape()))
                .append(" query=").append(text(p.query())).append('\n');
        node(p.root(), 1, out);
    }

    private static void node(PlanNode n, int depth, Appendable out) throws IOException {
        out.append("  ".repeat(depth)).append("node type=").append(text(n.nodeType())).append(" relation=").append(text(n.relation()))
                .append(" index=").append(text(n.index())).append(" est=").append(Double.toString(n.estimatedRows()))
                .append(" actualRows=").append(String.valueOf(n.actualRows())).append(" loops=").append(Long.toString(n.loops()))
                .append(" totalMs=").append(String.valueOf(n.actualTotalMs())).append(" properties=").append(map(n.properties()))
                .append(" children=").append(Integer.toString(n.children().size())).append('\n');
        for (PlanNode c : n.children()) {
            node(c, depth + 1, out);
        }
    }

    private static String source(String source, String file) {
        return source.equals(file) ? "FILE" : text(source);
    }

    static String shape(StatementShape s) {
        if (s == null) {
            return "null";
        }
        return "{" + s.command() + " tables=" + s.tables() + " eq=" + columns(s.equality()) + " range=" + columns(s.range())
                + " join=" + columns(s.join()) + " order=" + columns(s.orderBy()) + " limited=" + s.limited() + " parsed=" + s.parsed()
                + "}";
    }

    private static String columns(List<StatementShape.ColumnRef> refs) {
        StringBuilder b = new StringBuilder("[");
        for (StatementShape.ColumnRef r : refs) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(r.table()).append('.').append(r.column()).append(r.descending() ? " desc" : "");
        }
        return b.append(']').toString();
    }

    private static String map(Map<String, String> m) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(text(e.getKey())).append('=').append(text(e.getValue()));
        }
        return b.append('}').toString();
    }

    /** A string on one line: backslash, line breaks and tabs escaped; null as the word null without quotes. */
    static String text(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
