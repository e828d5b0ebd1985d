package dev.evident.ingest.sql;

import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Plans of MySQL and MariaDB: MySQL 8's {@code EXPLAIN ANALYZE} and {@code EXPLAIN FORMAT=TREE} (tree
 * text), {@code EXPLAIN FORMAT=JSON} of MySQL (version 1 and 2) and MariaDB, and MariaDB's
 * {@code ANALYZE FORMAT=JSON}, as the command-line clients print them (see {@link MysqlClientOutput})
 * or pasted raw. Each plan becomes a {@code QueryPlan} with the engine that printed it; when the
 * client echoed the statement, it is the plan's query, which also turns table aliases into table
 * names. A plan that cannot be read is reported with its line and the others are kept.
 */
public final class MysqlExplainReader implements ArtifactReader {
    private static final Pattern TREE_FIGURES = Pattern.compile("(?m)^(?:\\| |EXPLAIN: )?\\s*-> \\S.*\\((?:cost=[^)]*rows=|actual time=|never executed)");

    @Override
    public String format() {
        return "mysql-explain";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = TextContent.head(head, 32 * 1024);
        if (text.indexOf('\0') >= 0 || PgExplainReader.looksLikeServerLog(text) || text.contains("# Query_time: ")) {
            return Probe.NO;
        }
        if (text.contains("\"query_block\"") && text.contains("\"select_id\"")) {
            return Probe.LIKELY;
        }
        if (text.contains("\"operation\"") && (text.contains("\"access_type\"") || text.contains("\"estimated_rows\""))) {
            return Probe.LIKELY;
        }
        // MySQL's tree has no "width=" (PostgreSQL's text plans always print it with costs)
        if (TREE_FIGURES.matcher(text).find() && !text.contains(" width=")) {
            return Probe.LIKELY;
        }
        return Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        List<String> lines = TextContent.lines(input, sink, "MySQL EXPLAIN");
        List<MysqlClientOutput.Block> blocks = MysqlClientOutput.split(lines);
        if (blocks.isEmpty()) {
            throw new ArtifactException("MySQL EXPLAIN: no plan found in " + lines.size() + " lines: expected tree lines such as "
                    + "'-> Table scan on t  (cost=...) (actual time=...)' (EXPLAIN ANALYZE, FORMAT=TREE) or a JSON document "
                    + "with \"query_block\" (EXPLAIN/ANALYZE FORMAT=JSON)");
        }
        SqlFingerprints fingerprints = new SqlFingerprints(SqlDialect.MYSQL);
        List<String> problems = new ArrayList<>();
        TreeSet<String> producers = new TreeSet<>();
        int plans = 0;
        for (MysqlClientOutput.Block block : blocks) {
            try {
                ParsedPlan plan;
                String engine;
                if (block.kind() == MysqlClientOutput.Kind.TREE) {
                    plan = MysqlTreePlanParser.parse(block);
                    engine = "MySQL";
                } else {
                    MysqlJsonPlanParser.Result r = MysqlJsonPlanParser.parse(block.text(), block.firstLine(),
                            block.lineNumbers().get(block.lineNumbers().size() - 1), block.complete());
                    plan = r.plan();
                    engine = r.engine();
                }
                if (plan.query == null) {
                    plan.query = block.query();
                }
                if (plan.query != null) {
                    Map<String, String> aliases = fingerprints.of(plan.query).aliases();
                    MysqlPlanNodes.resolveAliases(plan.root, aliases);
                }
                MysqlPlanNodes.conditionColumns(plan.root);
                producers.add(engine + " " + plan.properties.get("*Format"));
                sink.plan(plan.toQueryPlan(input.displayPath(), "line " + plan.firstLine, engine, fingerprints));
                plans++;
            } catch (PlanFormatException e) {
                problems.add(e.getMessage());
            }
        }
        for (String p : problems) {
            sink.warning("plan skipped: " + p);
        }
        if (plans == 0) {
            throw new ArtifactException("MySQL EXPLAIN: no plan could be read: " + String.join("; ", problems));
        }
        sink.producer(String.join(", ", producers));
    }
}
