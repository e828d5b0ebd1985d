package dev.evident.ingest.sql;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL EXPLAIN output in TEXT or JSON format, as psql prints it (any border style, with its
 * header, footer and {@code +} continuations) or as copied from another client. One file may hold
 * several plans; each becomes a {@code QueryPlan}. A plan that cannot be parsed is reported with
 * its line and the others are kept.
 */
public final class PgExplainReader implements ArtifactReader {
    private static final Pattern TEXT_NODE = Pattern.compile("\\(cost=\\d+\\.\\d+\\.\\.\\d+\\.\\d+ rows=\\d+ width=\\d+\\)"
            + "|\\(actual (time=[\\d.]+\\.\\.[\\d.]+ )?rows=[\\d.]+ loops=\\d+\\)");

    @Override
    public String format() {
        return "pg-explain";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = TextContent.head(head, 16 * 1024);
        if (text.indexOf('\0') >= 0 || looksLikeServerLog(text)) {
            return Probe.NO;
        }
        if (text.contains("\"Node Type\"") && text.contains("\"Plan\"")) {
            return Probe.LIKELY;
        }
        if (TEXT_NODE.matcher(text).find() && (text.contains("width=") || text.contains("QUERY PLAN"))) {
            return Probe.LIKELY;
        }
        return Probe.NO;
    }

    /** Server logs carry plans too (auto_explain); they belong to the log reader. */
    static boolean looksLikeServerLog(String text) {
        return text.contains("LOG:  duration:") || text.contains("LOG:  statement:") || text.contains("\"error_severity\"");
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        List<String> lines = TextContent.lines(input, sink, "PostgreSQL EXPLAIN");
        List<PlanLines.Block> blocks = PlanLines.split(lines, 1);
        if (blocks.isEmpty()) {
            throw new ArtifactException("PostgreSQL EXPLAIN: the file holds no plan lines");
        }
        SqlFingerprints fingerprints = new SqlFingerprints();
        List<String> problems = new ArrayList<>();
        int plans = 0;
        boolean anyJson = false;
        boolean anyText = false;
        for (PlanLines.Block block : blocks) {
            try {
                List<ParsedPlan> parsed = block.isJson()
                        ? PgJsonPlanParser.parse(block.text(), block.firstLine())
                        : PgTextPlanParser.parse(block);
                anyJson |= block.isJson();
                anyText |= !block.isJson();
                for (ParsedPlan p : parsed) {
                    FilterColumns.apply(p.root);
                    if (p.executionMs == null && p.root.actualTotalMs != null && !block.isJson()) {
                        sink.warning("plan at line " + p.firstLine + " has ANALYZE figures but no 'Execution Time' line:"
                                + " the output may be cut short; nodes after the cut are missing");
                    }
                    sink.plan(p.toQueryPlan(input.displayPath(), "line " + p.firstLine, "PostgreSQL", fingerprints));
                    plans++;
                }
            } catch (PlanFormatException e) {
                problems.add(e.getMessage());
            }
        }
        for (String p : problems) {
            sink.warning("plan skipped: " + p);
        }
        if (plans == 0) {
            throw new ArtifactException("PostgreSQL EXPLAIN: no plan could be read: " + String.join("; ", problems));
        }
        sink.producer("PostgreSQL EXPLAIN (" + (anyJson && anyText ? "TEXT and JSON" : anyJson ? "JSON" : "TEXT") + ")");
    }
}
