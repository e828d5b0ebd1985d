package dev.evident.bench;

import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Analyzer;
import dev.evident.core.report.Report;
import dev.evident.ingest.Ingest;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs JDK Mission Control's automated analysis (the rules behind {@code JfrRulesReport},
 * org.openjdk.jmc:flightrecorder.rules.jdk 9.1.1) and evident on every JFR recording under
 * samples/, and prints per recording JMC's highest-scored rule, every JMC WARNING, and evident's
 * top finding, as Markdown for docs/comparison-jmc.md.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.JmcComparison samples
 * </pre>
 */
public final class JmcComparison {
    private JmcComparison() {
    }

    record JmcResult(String rule, double score, Severity severity, String summary) {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        List<Path> recordings;
        try (Stream<Path> walk = Files.walk(samples)) {
            recordings = walk.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        StringBuilder top = new StringBuilder("| Recording | JMC highest-scored rule | evident top finding |\n|---|---|---|\n");
        StringBuilder warnings = new StringBuilder("| Recording | JMC WARNING (score) | JMC summary |\n|---|---|---|\n");
        for (Path recording : recordings) {
            List<JmcResult> jmc = jmc(recording.toFile());
            Report report = new Analyzer(AnalysisOptions.defaults()).analyze(new Ingest().read(List.of(recording)));
            JmcResult best = jmc.isEmpty() ? null : jmc.get(0);
            Finding f = report.findings().isEmpty() ? null : report.findings().get(0);
            String name = samples.relativize(recording).toString();
            top.append("| ").append(name).append(" | ")
                    .append(best == null ? "–" : best.rule() + " (" + fmt(best.score()) + ", " + best.severity() + "): "
                            + cell(best.summary()))
                    .append(" | ").append(f == null ? "–" : cell(f.title()) + " (" + f.score() + ")").append(" |\n");
            for (JmcResult r : jmc) {
                if (r.severity() == Severity.WARNING) {
                    warnings.append("| ").append(name).append(" | ").append(r.rule()).append(" (").append(fmt(r.score()))
                            .append(") | ").append(cell(r.summary())).append(" |\n");
                }
            }
            System.err.println("done " + name);
        }
        System.out.println(top);
        System.out.println();
        System.out.println(warnings);
    }

    static List<JmcResult> jmc(File recording) throws Exception {
        IItemCollection events = JfrLoaderToolkit.loadEvents(recording);
        Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(RuleRegistry.getRules(), events, null, 0);
        List<JmcResult> results = new ArrayList<>();
        for (var e : futures.entrySet()) {
            IResult r = e.getValue().get();
            if (r == null) {
                continue;
            }
            IQuantity score = r.getResult(TypedResult.SCORE);
            double value = score == null ? r.getSeverity().getLimit() : score.doubleValue();
            String summary = r.getSummary() == null ? "" : ResultToolkit.populateMessage(r, r.getSummary(), false);
            results.add(new JmcResult(e.getKey().getId(), value, r.getSeverity(), summary));
        }
        results.sort(Comparator.comparingDouble(JmcResult::score).reversed().thenComparing(JmcResult::rule));
        return results;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ").strip();
    }
}
