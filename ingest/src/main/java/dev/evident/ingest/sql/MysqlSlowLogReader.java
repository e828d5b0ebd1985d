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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slow query log of MySQL (5.7 to 9) and MariaDB, written to a file. One entry per statement:
 * <pre>
 * # Time: 2026-11-24T01:26:41.123456Z           (MySQL: every entry; MariaDB: "261124  1:26:41" when the second changes)
 * # User@Host: shop[shop] @  [127.0.0.1]  Id:     8
 * # Thread_id: 8  Schema: shop  QC_hit: No      (MariaDB)
 * # Query_time: 0.829860  Lock_time: 0.000247  Rows_sent: 1  Rows_examined: 1000000 [log_slow_extra fields]
 * # Rows_affected: 0  Bytes_sent: 97            (MariaDB; more "# Key: value" lines with log_slow_verbosity)
 * use shop;                                     (when the default database changed)
 * SET timestamp=1795483601;                     (statement start, epoch seconds)
 * SELECT ...;                                   (the statement, any number of lines)
 * </pre>
 * The server's banner ({@code mysqld, Version: ... started with:}, {@code Tcp port:}, {@code Time Id Command
 * Argument}) opens the file and every reopening of it, and is skipped. Each statement becomes a
 * {@link SqlEvent} with its duration, start time, connection id as session, and a transaction
 * derived per connection from {@code BEGIN}/{@code START TRANSACTION}, {@code SET autocommit=0},
 * {@code COMMIT} and {@code ROLLBACK}. Lines are streamed; memory grows with the connections, not
 * with the file.
 */
public final class MysqlSlowLogReader implements ArtifactReader {
    private static final Pattern BANNER = Pattern.compile("^\\S*, Version: (.*) started with:\\s*$");
    private static final Pattern COLUMNS = Pattern.compile("^Time\\s+Id\\s+Command\\s+Argument\\s*$");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_]+): (\\S+)");
    private static final Pattern USER_HOST_ID = Pattern.compile("\\bId:\\s*(\\d+)\\s*$");
    private static final Pattern SET_TIMESTAMP = Pattern.compile("^SET (?:[a-z_]+=-?\\d+,)*timestamp=(\\d+);$");
    private static final Pattern USE = Pattern.compile("^use (`?)([^`;]+)\\1;$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTOCOMMIT = Pattern.compile("\\bautocommit\\s*=\\s*'?(\\w+)'?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARIADB_TIME = Pattern.compile("^(\\d{6})\\s+(\\d{1,2}:\\d{2}:\\d{2})$");
    private static final DateTimeFormatter MARIADB_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMdd H:mm:ss", Locale.ROOT);

    @Override
    public String format() {
        return "mysql-slow-log";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = TextContent.head(head, 64 * 1024);
        if (text.indexOf('\0') >= 0) {
            return Probe.NO;
        }
        boolean banner = false;
        boolean columns = false;
        for (String line : text.split("\n", 400)) {
            if (line.startsWith("# Query_time: ") && line.contains("Lock_time: ") && line.contains("Rows_examined: ")) {
                return Probe.CERTAIN;
            }
            banner |= BANNER.matcher(line).matches();
            columns |= COLUMNS.matcher(line).matches();
        }
        // a server banner alone: a slow log that has no entry yet, which read() explains
        return banner && columns ? Probe.LIKELY : Probe.NO;
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
            throw new ArtifactException("MySQL slow query log: cannot read the file at line " + state.lineNo + ": "
                    + e.getMessage(), e);
        }
        state.finish();
        if (state.events == 0) {
            throw new ArtifactException("MySQL slow query log: no '# Query_time: ...' entry with a statement in "
                    + state.lineNo + " lines" + (state.withoutStatement > 0 ? " (" + state.withoutStatement
                    + " entries without a statement, the first at line " + state.firstWithoutStatement + ": is the file cut?)"
                    : "; set slow_query_log = 1 and long_query_time = 0 to log every statement"));
        }
        String engine = state.engine();
        sink.producer(engine + (state.version != null ? " " + state.version : "") + " slow query log");
        if (state.firstTime >= 0) {
            sink.window(new TimeWindow(state.firstTime, state.lastTime - state.firstTime));
        }
        if (state.replacementLines > 0) {
            sink.warning(state.replacementLines + " lines hold bytes that are not UTF-8 (first at line " + state.firstBadLine
                    + "); those characters were replaced by U+FFFD");
        }
        if (state.withoutStatement > 0) {
            sink.warning(state.withoutStatement + " entries have no statement (first at line " + state.firstWithoutStatement
                    + "); the log may be cut in the middle of an entry");
        }
        if (state.unterminated > 0) {
            sink.warning(state.unterminated + " statements do not end with ';' as the server writes them (first at line "
                    + state.firstUnterminated + "); the log may be cut in the middle of a statement");
        }
        if (state.withoutQueryTime > 0) {
            sink.warning(state.withoutQueryTime + " entries have no '# Query_time:' line (first at line "
                    + state.firstWithoutQueryTime + ") and were skipped");
        }
        if (state.mariadbLocalTime) {
            sink.warning("entries without 'SET timestamp' were dated from MariaDB's '# Time:' line, which is in the server's "
                    + "local time zone; they were read as UTC (intervals are unaffected)");
        }
    }

    /** Per-connection transaction state. */
    private static final class Session {
        int transactionNo;
        boolean inTransaction;
        boolean autocommitOff;
    }

    /** One log entry while its lines are read. */
    private static final class Entry {
        long line;
        long isoTimeNanos = -1;       // "# Time:" in ISO 8601 (MySQL 5.7+): when the entry was written
        long localTimeNanos = -1;     // "# Time:" in MariaDB's yyMMdd form, read as UTC
        long startNanos = -1;         // log_slow_extra "Start:"
        long setTimestamp = -1;       // "SET timestamp=": the statement's start, in seconds
        String session;
        double queryTimeS = Double.NaN;
        long rowsSent = -1;
        long rowsAffected = -1;
        boolean body;
        StringBuilder text;
    }

    private static final class State {
        final String source;
        final EvidenceSink sink;
        final SqlFingerprints fingerprints = new SqlFingerprints(SqlDialect.MYSQL);
        final Map<String, Session> sessions = new HashMap<>();
        final Map<String, String> interned = new HashMap<>();
        Entry entry;
        String lastTimeLine;          // MariaDB writes "# Time:" only when the second changes
        long lastLocalTime = -1;
        String version;
        boolean mariadb;
        long lineNo;
        int events;
        int withoutStatement;
        long firstWithoutStatement;
        int unterminated;
        long firstUnterminated;
        int withoutQueryTime;
        long firstWithoutQueryTime;
        int replacementLines;
        long firstBadLine;
        boolean mariadbLocalTime;
        long firstTime = -1;
        long lastTime = -1;

        State(String source, EvidenceSink sink) {
            this.source = source;
            this.sink = sink;
        }

        String engine() {
            return mariadb ? "MariaDB" : "MySQL";
        }

        void line(String raw) {
            lineNo++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.indexOf('\uFFFD') >= 0 && replacementLines++ == 0) {
                firstBadLine = lineNo;
            }
            Matcher banner = BANNER.matcher(line);
            if (banner.matches()) {
                close();
                version = banner.group(1).strip();
                mariadb |= version.contains("MariaDB");
                int space = version.indexOf(' ');
                if (space > 0) {
                    version = version.substring(0, space); // "8.0.36 (MySQL Community Server - GPL)." -> "8.0.36"
                }
                version = version.replaceFirst("-MariaDB.*$", "").replaceFirst("\\.$", "");
                return;
            }
            if (line.startsWith("Tcp port: ") || COLUMNS.matcher(line).matches()) {
                close();
                return;
            }
            if (line.startsWith("# Time: ")) {
                close();
                start().line = lineNo;
                time(line.substring("# Time: ".length()).strip());
                return;
            }
            if (line.startsWith("# User@Host: ")) {
                if (entry == null || entry.body || entry.session != null || entry.text != null) {
                    close();
                    start().line = lineNo;
                }
                Matcher id = USER_HOST_ID.matcher(line);
                if (id.find()) {
                    entry.session = id.group(1);
                }
                return;
            }
            if (entry == null) {
                return; // text before the first entry that is not the banner: nothing to attach it to
            }
            if (!entry.body) {
                if (line.startsWith("#")) {
                    header(line);
                    return;
                }
                Matcher set = SET_TIMESTAMP.matcher(line);
                if (set.matches()) {
                    entry.setTimestamp = Long.parseLong(set.group(1));
                    return;
                }
                if (entry.setTimestamp < 0 && USE.matcher(line).matches()) {
                    return; // "use db;" before SET timestamp names the default database, not a statement
                }
                entry.body = true;
                entry.text = new StringBuilder(line);
                return;
            }
            entry.text.append('\n').append(line);
        }

        private Entry start() {
            entry = new Entry();
            return entry;
        }

        /** "# Key: value  Key: value" lines of the entry's header. */
        private void header(String line) {
            if (line.startsWith("# explain:") || line.startsWith("# administrator command:")) {
                if (line.startsWith("# administrator command:")) {
                    entry.body = true;
                    entry.text = new StringBuilder(line);
                }
                return;
            }
            Matcher m = PAIR.matcher(line);
            while (m.find()) {
                String key = m.group(1);
                String value = m.group(2);
                try {
                    switch (key) {
                        case "Query_time" -> entry.queryTimeS = Double.parseDouble(value);
                        case "Rows_sent" -> entry.rowsSent = Long.parseLong(value);
                        case "Rows_affected" -> entry.rowsAffected = Long.parseLong(value);
                        case "Thread_id" -> {
                            entry.session = value;
                            mariadb |= line.contains("QC_hit:");
                        }
                        case "Start" -> entry.startNanos = iso(value);
                        default -> {
                        }
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    // a field this reader does not need in the expected form; the others still count
                }
            }
        }

        private void time(String value) {
            long iso = -1;
            try {
                iso = iso(value);
            } catch (DateTimeParseException e) {
                Matcher m = MARIADB_TIME.matcher(value);
                if (m.matches()) {
                    try {
                        LocalDateTime t = LocalDateTime.parse(m.group(1) + " " + m.group(2), MARIADB_TIME_FORMAT);
                        entry.localTimeNanos = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
                        lastLocalTime = entry.localTimeNanos;
                        mariadb = true;
                    } catch (DateTimeParseException ignored) {
                        // an unreadable time: the SET timestamp line still dates the entry
                    }
                }
            }
            entry.isoTimeNanos = iso;
        }

        private static long iso(String value) {
            OffsetDateTime t = OffsetDateTime.parse(value);
            return t.toEpochSecond() * 1_000_000_000L + t.getNano();
        }

        /** Ends the entry being read: a statement becomes an event. */
        void close() {
            Entry e = entry;
            entry = null;
            if (e == null) {
                return;
            }
            if (e.text == null) {
                if (!Double.isNaN(e.queryTimeS) && withoutStatement++ == 0) {
                    firstWithoutStatement = e.line;
                }
                return;
            }
            if (Double.isNaN(e.queryTimeS)) {
                if (withoutQueryTime++ == 0) {
                    firstWithoutQueryTime = e.line;
                }
                return;
            }
            String text = e.text.toString().strip();
            if (!text.endsWith(";") && unterminated++ == 0) {
                firstUnterminated = e.line;
            }
            if (text.endsWith(";")) {
                text = text.substring(0, text.length() - 1).stripTrailing();
            }
            if (text.isEmpty() || text.startsWith("# administrator command:")) {
                return; // Quit, Ping, Prepare ... are protocol commands, not statements
            }
            emit(e, text);
        }

        private void emit(Entry e, String raw) {
            double durationMs = e.queryTimeS * 1000;
            long start = e.startNanos >= 0 ? e.startNanos
                    : e.isoTimeNanos >= 0 ? e.isoTimeNanos - Math.round(e.queryTimeS * 1e9)
                    : e.setTimestamp >= 0 ? e.setTimestamp * 1_000_000_000L
                    : e.localTimeNanos >= 0 ? e.localTimeNanos : lastLocalTime;
            if (e.startNanos < 0 && e.isoTimeNanos < 0 && e.setTimestamp < 0 && start >= 0) {
                mariadbLocalTime = true;
            }
            if (start >= 0) {
                firstTime = firstTime < 0 ? start : Math.min(firstTime, start);
                lastTime = Math.max(lastTime, start + Math.round(durationMs * 1e6));
            }
            String text = intern(raw);
            String upper = text.length() <= 64 ? text.toUpperCase(Locale.ROOT) : "";
            Session s = e.session == null ? null : sessions.computeIfAbsent(e.session, k -> new Session());
            String transaction = null;
            if (s != null) {
                boolean begins = upper.startsWith("BEGIN") || upper.startsWith("START TRANSACTION");
                boolean ends = (upper.startsWith("COMMIT") || upper.startsWith("ROLLBACK")) && !upper.startsWith("ROLLBACK TO");
                if (begins || (s.autocommitOff && !s.inTransaction && !ends && !upper.startsWith("SET"))) {
                    s.transactionNo++;
                    s.inTransaction = true;
                }
                transaction = s.inTransaction ? e.session + "#" + s.transactionNo : null;
                if (ends) {
                    s.inTransaction = false;
                }
                if (upper.startsWith("SET")) {
                    Matcher ac = AUTOCOMMIT.matcher(text);
                    if (ac.find()) {
                        String v = ac.group(1).toLowerCase(Locale.ROOT);
                        boolean off = v.equals("0") || v.equals("off") || v.equals("false");
                        if (!off && s.autocommitOff) {
                            s.inTransaction = false; // SET autocommit=1 commits the open transaction
                        }
                        s.autocommitOff = off;
                    }
                }
            }
            SqlFingerprints.Result r = fingerprints.of(text);
            String command = r.shape() == null ? "" : r.shape().command();
            long rows = e.rowsAffected >= 0 && !command.equals("SELECT") && e.rowsSent <= 0 ? e.rowsAffected : e.rowsSent;
            sink.sqlEvent(new SqlEvent(source, e.line, start, durationMs, text, r.fingerprint(), e.session, transaction,
                    null, rows, r.shape(), null, engine()));
            events++;
        }

        void finish() {
            close();
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
