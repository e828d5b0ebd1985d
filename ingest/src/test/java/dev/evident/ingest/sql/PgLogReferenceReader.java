package dev.evident.ingest.sql;

import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.TimeWindow;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL log reader as it was before the speed work (commit 036b4c7, with main's engine
 * on events as of 5255d57): one {@code String}
 * per line from a {@link BufferedReader}, every entry handled in the calling thread. Kept only as
 * the reference the fast {@link PgLogReader} is compared with on generated logs (line breaks,
 * bytes that are not UTF-8, interleaved sessions); the committed expected dumps cover the real
 * samples. Not registered as a reader.
 */
final class PgLogReferenceReader implements ArtifactReader {
    private static final String[] SEVERITIES = {"LOG", "DETAIL", "STATEMENT", "ERROR", "WARNING", "HINT", "CONTEXT",
            "FATAL", "PANIC", "NOTICE", "INFO", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5", "QUERY", "LOCATION"};

    @Override
    public String format() {
        return "postgres-log-reference";
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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8),
                1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                state.line(line);
            }
        } catch (IOException e) {
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
        if (state.prefix.unknownZone) {
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
        StringBuilder text;
        String parameters;
    }

    private static final class State {
        final String source;
        final EvidenceSink sink;
        final LogLinePrefix prefix = new LogLinePrefix();
        final SqlFingerprints fingerprints = new SqlFingerprints();
        final Map<String, Session> sessions = new HashMap<>();
        final Map<String, String> interned = new HashMap<>();
        Session current;        // the process of the last prefixed line, which continuation lines belong to
        long lineNo;
        int events;
        int plans;
        int badPlans;
        String firstBadPlan;
        long firstTime = -1;
        long lastTime = -1;
        int replacementChars;
        long firstBadLine;

        State(String source, EvidenceSink sink) {
            this.source = source;
            this.sink = sink;
        }

        void line(String line) {
            lineNo++;
            if (line.indexOf('\uFFFD') >= 0 && replacementChars++ == 0) {
                firstBadLine = lineNo;
            }
            int sep = severityEnd(line);
            if (sep < 0) {
                // a continuation line (multi-line statement or plan), or noise
                if (current != null && current.open != null) {
                    current.open.text.append('\n').append(line);
                }
                return;
            }
            int severityStart = line.lastIndexOf(' ', sep - 3) + 1;
            String severity = line.substring(severityStart, sep - 1);
            prefix.parse(line, severityStart);
            String key = prefix.pid != null ? prefix.pid : prefix.session != null ? prefix.session : "?";
            Session s = sessions.computeIfAbsent(key, Session::new);
            current = s;
            String message = line.substring(sep + 2);
            if (severity.equals("DETAIL")) {
                if (message.startsWith("parameters: ") && s.open != null) {
                    s.open.parameters = intern(message.substring("parameters: ".length()));
                } else if (message.startsWith("parameters: ") && s.pendingText != null) {
                    s.pendingParameters = intern(message.substring("parameters: ".length()));
                }
                return;
            }
            close(s);
            if (!severity.equals("LOG") || !message.startsWith("duration: ")) {
                return;
            }
            int ms = message.indexOf(" ms", 10);
            if (ms < 0) {
                return;
            }
            double duration;
            try {
                duration = Double.parseDouble(message.substring(10, ms));
            } catch (NumberFormatException e) {
                return;
            }
            if (prefix.epochNanos >= 0) {
                firstTime = firstTime < 0 ? prefix.epochNanos : Math.min(firstTime, prefix.epochNanos);
                lastTime = Math.max(lastTime, prefix.epochNanos);
            }
            String rest = message.length() > ms + 5 ? message.substring(ms + 5) : "";
            Entry e = new Entry();
            e.line = lineNo;
            e.epochNanos = prefix.epochNanos;
            e.session = prefix.session != null ? prefix.session : s.pid;
            e.vxid = prefix.vxid;
            e.durationMs = duration;
            if (rest.startsWith("plan:")) {
                e.kind = "plan";
                e.text = new StringBuilder(rest.substring(5));
            } else {
                int colon = rest.indexOf(": ");
                if (colon < 0) {
                    return; // "duration: 1.0 ms" of log_duration without the statement
                }
                String verb = rest.substring(0, colon);
                e.kind = verb.startsWith("execute") ? "execute" : verb.startsWith("parse") ? "parse"
                        : verb.startsWith("bind") ? "bind" : verb.equals("statement") ? "statement" : null;
                if (e.kind == null) {
                    return;
                }
                e.text = new StringBuilder(rest.substring(colon + 2));
            }
            s.open = e;
        }

        /** Index just past "SEVERITY:" when followed by two spaces, or -1. */
        static int severityEnd(String line) {
            int from = 0;
            while (true) {
                int i = line.indexOf(":  ", from);
                if (i < 0 || i > 400) {
                    return -1;
                }
                int start = line.lastIndexOf(' ', i - 1) + 1;
                String word = line.substring(start, i);
                for (String s : SEVERITIES) {
                    if (s.equals(word)) {
                        return i + 1;
                    }
                }
                from = i + 3;
            }
        }

        /** Finishes the process's open entry: statement events and plans are emitted here. */
        void close(Session s) {
            Entry e = s.open;
            if (e == null) {
                return;
            }
            s.open = null;
            String text = e.text.toString().strip();
            switch (e.kind) {
                case "plan" -> plan(e, s);
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
            SqlFingerprints.Result r = fingerprints.of(text);
            sink.sqlEvent(new SqlEvent(source, e.line, e.epochNanos, durationMs, text, r.fingerprint(), e.session,
                    transaction, parameters, -1, r.shape(), null, "PostgreSQL"));
            events++;
            if (ends) {
                s.inTransaction = false;
            }
        }

        /** An auto_explain entry: "Query Text: ..." then the plan in TEXT or JSON. */
        private void plan(Entry e, Session s) {
            String body = e.text.toString();
            ParsedPlan parsed;
            try {
                parsed = AutoExplainEntry.parse(body, (int) e.line);
            } catch (PlanFormatException ex) {
                if (badPlans++ == 0) {
                    firstBadPlan = "auto_explain entry at line " + e.line + ": " + ex.getMessage();
                }
                return;
            }
            FilterColumns.apply(parsed.root);
            parsed.properties.put("*Duration", PlanNodeBuilder.number(e.durationMs));
            parsed.properties.put("*Session", e.session);
            if (e.epochNanos >= 0) {
                parsed.properties.put("*Logged At Nanos", Long.toString(e.epochNanos));
            }
            sink.plan(parsed.toQueryPlan(source, "auto_explain entry at line " + e.line, "PostgreSQL", fingerprints));
            plans++;
        }

        void finish() {
            List<Session> all = new ArrayList<>(sessions.values());
            all.sort(java.util.Comparator.comparing(x -> x.pid));
            for (Session s : all) {
                close(s);
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
