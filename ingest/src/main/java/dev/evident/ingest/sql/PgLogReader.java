package dev.evident.ingest.sql;

import dev.evident.core.model.PlanNode;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server log (stderr or syslog style, any {@code log_line_prefix}) with
 * {@code log_min_duration_statement} entries and, when auto_explain is loaded, their plans:
 * <ul>
 *   <li>{@code duration: 1.2 ms  statement: ...} (simple protocol) and {@code parse}/{@code bind}/
 *       {@code execute} entries of the extended protocol, folded into one execution whose duration
 *       is their sum; {@code DETAIL:  parameters: $1 = '42'} is attached to it;</li>
 *   <li>{@code duration: 350 ms  plan:} entries of auto_explain in TEXT or JSON, which become
 *       QueryPlans with their query text and session;</li>
 *   <li>{@code BEGIN}/{@code COMMIT}/{@code ROLLBACK} per process, which give each statement its
 *       transaction when the prefix has no {@code %v}.</li>
 * </ul>
 *
 * <p>Three stages, so that a large log uses every core the run allows: runs of whole lines
 * ({@link #RUN_BYTES}) are analysed in parallel ({@link PgLogLines}: decoding, prefix, severity,
 * duration); one thread then follows the sessions through the lines in file order (entries,
 * parameters, parse/bind/execute, transactions); and the auto_explain plans and the statements'
 * fingerprints are worked out in parallel again, in batches ({@link InOrderTasks}: in the caller's
 * fork-join pool, so {@code --threads} bounds them). Evidence reaches the sink in file order,
 * exactly as the line-by-line reading this replaced gave it. Memory stays bounded: only a few runs
 * and batches are in flight at a time.
 */
public final class PgLogReader implements ArtifactReader {
    /** Bytes of whole lines analysed per task: large enough to make a task worth it, small enough to keep little in flight. */
    static final int RUN_BYTES = 256 << 10;
    /** auto_explain plans parsed per task. */
    static final int PLANS_PER_TASK = 64;
    /** Statements fingerprinted per task (when there are few plans). */
    static final int STATEMENTS_PER_TASK = 1024;
    /** Tasks of each stage in flight: enough to keep every core busy while the file is read. */
    private static final int IN_FLIGHT = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final int runBytes;

    public PgLogReader() {
        this(RUN_BYTES);
    }

    /** With small runs, tests see lines and line breaks fall across the boundaries between them. */
    PgLogReader(int runBytes) {
        this.runBytes = runBytes;
    }

    @Override
    public String format() {
        return "postgres-log";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = TextContent.head(head, 64 * 1024);
        if (text.indexOf('\0') >= 0) {
            return Probe.NO;
        }
        int durations = 0;
        int lines = 0;
        for (String line : text.split("\n", 200)) {
            lines++;
            if (line.contains("LOG:  duration: ") && line.contains(" ms")) {
                durations++;
            }
        }
        if (durations >= 1 && lines > 0) {
            return Probe.CERTAIN;
        }
        return text.contains("LOG:  statement: ") || text.contains("LOG:  database system is ready") ? Probe.LIKELY : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        State state = new State(input.displayPath(), sink);
        InOrderTasks<PgLogLines.Run> runs = new InOrderTasks<>();
        try (InputStream in = input.openStream()) {
            PgLogLines.Splitter splitter = new PgLogLines.Splitter(in, runBytes);
            int[] length = new int[1];
            byte[] bytes;
            while ((bytes = splitter.next(length)) != null) {
                byte[] b = bytes;
                int n = length[0];
                runs.submit(() -> {
                    PgLogLines.Run run = PgLogLines.analyse(b, n);
                    splitter.recycle(b); // the run's lines are copies
                    return run;
                });
                while (runs.size() >= IN_FLIGHT) {
                    state.run(runs.next());
                }
            }
            while (!runs.isEmpty()) {
                state.run(runs.next());
            }
        } catch (IOException e) {
            while (!runs.isEmpty()) {
                state.run(runs.next());
            }
            throw new ArtifactException("PostgreSQL log: cannot read the file at line " + state.lineNo + ": " + e.getMessage(), e);
        }
        state.finish();
        if (state.events == 0 && state.plans == 0) {
            throw new ArtifactException("PostgreSQL log: no 'duration: ... ms  statement|execute|plan' entry in "
                    + state.lineNo + " lines; set log_min_duration_statement (0 logs every statement) to record them");
        }
        sink.producer("PostgreSQL server log (log_min_duration_statement" + (state.plans > 0 ? ", auto_explain" : "") + ")");
        if (state.firstTime >= 0) {
            sink.window(new TimeWindow(state.firstTime, state.lastTime - state.firstTime));
        }
        if (state.unknownZone) {
            sink.warning("log timestamps use a named time zone other than UTC; they were read as UTC (intervals are unaffected)");
        }
        if (state.replacementChars > 0) {
            sink.warning(state.replacementChars + " lines hold bytes that are not UTF-8 (first at line " + state.firstBadLine
                    + "); those characters were replaced by U+FFFD");
        }
        if (state.badPlans > 0) {
            sink.warning(state.badPlans + " auto_explain plans could not be read (first: " + state.firstBadPlan + ")");
        }
    }

    /** Per-process state: the entry being assembled and the open transaction. */
    private static final class Session {
        final String pid;
        Entry open;          // an entry still collecting continuation and DETAIL lines
        double pendingMs;    // parse and bind time of the statement about to execute
        String pendingText;
        String pendingParameters;
        int transactionNo;
        boolean inTransaction;

        Session(String pid) {
            this.pid = pid;
        }
    }

    /** One log message with its continuation lines. */
    private static final class Entry {
        long line;
        long epochNanos;
        String session;
        String vxid;
        double durationMs;
        String kind;          // statement, parse, bind, execute, plan
        final List<String> lines = new ArrayList<>(4); // the message's text, then each continuation line
        String parameters;

        String text() {
            return lines.size() == 1 ? lines.get(0) : String.join("\n", lines);
        }
    }

    /**
     * A statement execution on its way to becoming a SqlEvent: everything the sessions decided is
     * known; the fingerprint is computed by whichever thread takes its batch.
     */
    private static final class Execution {
        final Entry entry;
        final String text;
        final double durationMs;
        final String transaction;
        final String parameters;
        SqlEvent event;

        Execution(Entry entry, String text, double durationMs, String transaction, String parameters) {
            this.entry = entry;
            this.text = text;
            this.durationMs = durationMs;
            this.transaction = transaction;
            this.parameters = parameters;
        }

        void fingerprint(String source, SqlFingerprints fingerprints) {
            SqlFingerprints.Result r = fingerprints.of(text);
            event = new SqlEvent(source, entry.line, entry.epochNanos, durationMs, text, r.fingerprint(), entry.session,
                    transaction, parameters, -1, r.shape(), null, "PostgreSQL");
        }
    }

    /**
     * An auto_explain entry on its way to becoming a QueryPlan: parsed by whichever thread takes
     * its batch, turned into a QueryPlan (with the fingerprint) when its turn to reach the sink comes.
     */
    private static final class PlanEntry {
        final Entry entry;
        ParsedPlan parsed;
        PlanNode root;
        Map<String, String> properties;
        String problem;

        PlanEntry(Entry entry) {
            this.entry = entry;
        }

        void parse() {
            Entry e = entry;
            try {
                parsed = AutoExplainEntry.parse(e.lines, (int) e.line);
            } catch (PlanFormatException ex) {
                problem = "auto_explain entry at line " + e.line + ": " + ex.getMessage();
                return;
            }
            FilterColumns.apply(parsed.root);
            parsed.properties.put("*Duration", PlanNodeBuilder.number(e.durationMs));
            parsed.properties.put("*Session", e.session);
            if (e.epochNanos >= 0) {
                parsed.properties.put("*Logged At Nanos", Long.toString(e.epochNanos));
            }
            root = parsed.root.build();
            properties = Map.copyOf(parsed.properties);
        }
    }

    private static final class State {
        final String source;
        final EvidenceSink sink;
        final SqlFingerprints fingerprints = new SqlFingerprints();
        final Map<String, Session> sessions = new HashMap<>();
        final Map<String, String> interned = new HashMap<>();
        /** Evidence in file order, not yet handed to the sink: Executions and PlanEntries. */
        List<Object> pending = new ArrayList<>();
        int pendingPlans;
        final InOrderTasks<List<Object>> batches = new InOrderTasks<>();
        Session current;        // the process of the last message line, which continuation lines belong to
        long lineNo;
        int events;
        int plans;
        int badPlans;
        String firstBadPlan;
        long firstTime = -1;
        long lastTime = -1;
        int replacementChars;
        long firstBadLine;
        boolean unknownZone;

        State(String source, EvidenceSink sink) {
            this.source = source;
            this.sink = sink;
        }

        void run(PgLogLines.Run run) {
            unknownZone |= run.unknownZone;
            int nextReplaced = 0;
            Object[] lines = run.lines;
            for (int i = 0; i < run.count; i++) {
                lineNo++;
                if (nextReplaced < run.replacedCount && run.replaced[nextReplaced] == i) {
                    nextReplaced++;
                    if (replacementChars++ == 0) {
                        firstBadLine = lineNo;
                    }
                }
                if (lines[i] instanceof String continuation) {
                    // a continuation line (multi-line statement or plan), or noise
                    if (current != null && current.open != null) {
                        current.open.lines.add(continuation);
                    }
                } else {
                    message((PgLogLines.Message) lines[i]);
                }
            }
        }

        private void message(PgLogLines.Message m) {
            String key = m.pid != null ? m.pid : m.session != null ? m.session : "?";
            Session s = sessions.get(key);
            if (s == null) {
                s = new Session(key);
                sessions.put(key, s);
            }
            current = s;
            if (m.action == PgLogLines.DETAIL) {
                if (m.text != null && s.open != null) {
                    s.open.parameters = intern(m.text);
                } else if (m.text != null && s.pendingText != null) {
                    s.pendingParameters = intern(m.text);
                }
                return;
            }
            close(s);
            if (m.action == PgLogLines.CLOSES) {
                return;
            }
            if (m.epochNanos >= 0) {
                firstTime = firstTime < 0 ? m.epochNanos : Math.min(firstTime, m.epochNanos);
                lastTime = Math.max(lastTime, m.epochNanos);
            }
            if (m.action == PgLogLines.TIMED) {
                return;
            }
            Entry e = new Entry();
            e.line = lineNo;
            e.epochNanos = m.epochNanos;
            e.session = m.session != null ? m.session : s.pid;
            e.vxid = m.vxid;
            e.durationMs = m.durationMs;
            e.kind = m.kind;
            e.lines.add(m.text);
            s.open = e;
        }

        /** Finishes the process's open entry: statement events and plans are emitted here. */
        void close(Session s) {
            Entry e = s.open;
            if (e == null) {
                return;
            }
            s.open = null;
            if (e.kind.equals("plan")) {
                pending.add(new PlanEntry(e));
                if (++pendingPlans >= PLANS_PER_TASK) {
                    handOver();
                }
                return;
            }
            String text = e.text().strip();
            switch (e.kind) {
                case "parse", "bind" -> {
                    if (!text.equals(s.pendingText)) {
                        s.pendingMs = 0;
                        s.pendingText = intern(text);
                        s.pendingParameters = null;
                    }
                    s.pendingMs += e.durationMs;
                    if (e.parameters != null) {
                        s.pendingParameters = e.parameters;
                    }
                }
                default -> {
                    double total = e.durationMs;
                    String parameters = e.parameters;
                    if (e.kind.equals("execute") && text.equals(s.pendingText)) {
                        total += s.pendingMs;
                        if (parameters == null) {
                            parameters = s.pendingParameters;
                        }
                    }
                    s.pendingMs = 0;
                    s.pendingText = null;
                    s.pendingParameters = null;
                    emit(e, s, intern(text), total, parameters);
                }
            }
        }

        private void emit(Entry e, Session s, String text, double durationMs, String parameters) {
            String upper = text.length() <= 20 ? text.toUpperCase(java.util.Locale.ROOT) : "";
            boolean begins = upper.startsWith("BEGIN") || upper.startsWith("START TRANSACTION");
            boolean ends = upper.startsWith("COMMIT") || upper.startsWith("ROLLBACK") || upper.startsWith("END");
            if (begins) {
                s.transactionNo++;
                s.inTransaction = true;
            }
            String transaction = e.vxid != null ? e.vxid
                    : s.inTransaction ? s.pid + "#" + s.transactionNo : null;
            pending.add(new Execution(e, text, durationMs, transaction, parameters));
            events++;
            if (pending.size() >= STATEMENTS_PER_TASK) {
                handOver();
            }
            if (ends) {
                s.inTransaction = false;
            }
        }

        /** Hands the pending evidence over (plans to parse, statements to fingerprint); takes back finished batches in order. */
        private void handOver() {
            List<Object> batch = pending;
            pending = new ArrayList<>();
            pendingPlans = 0;
            batches.submit(() -> {
                for (Object o : batch) {
                    if (o instanceof PlanEntry p) {
                        p.parse();
                    } else {
                        ((Execution) o).fingerprint(source, fingerprints);
                    }
                }
                return batch;
            });
            while (batches.size() >= IN_FLIGHT) {
                deliver(batches.next());
            }
        }

        /** Hands a batch to the sink, in file order. */
        private void deliver(List<Object> batch) {
            for (Object o : batch) {
                if (o instanceof Execution x) {
                    sink.sqlEvent(x.event);
                } else {
                    plan((PlanEntry) o);
                }
            }
        }

        /** An auto_explain entry: "Query Text: ..." then the plan in TEXT or JSON. */
        private void plan(PlanEntry p) {
            if (p.problem != null) {
                if (badPlans++ == 0) {
                    firstBadPlan = p.problem;
                }
                return;
            }
            sink.plan(p.parsed.toQueryPlan(source, "auto_explain entry at line " + p.entry.line, "PostgreSQL", p.root,
                    p.properties, fingerprints));
            plans++;
        }

        void finish() {
            List<Session> all = new ArrayList<>(sessions.values());
            all.sort(java.util.Comparator.comparing(x -> x.pid));
            for (Session s : all) {
                close(s);
            }
            if (!pending.isEmpty()) {
                handOver();
            }
            while (!batches.isEmpty()) {
                deliver(batches.next());
            }
        }

        private String intern(String s) {
            String known = interned.putIfAbsent(s, s);
            if (interned.size() > 200_000) {
                interned.clear(); // ad-hoc SQL with literals: stop de-duplicating rather than grow
            }
            return known != null ? known : s;
        }
    }
}
