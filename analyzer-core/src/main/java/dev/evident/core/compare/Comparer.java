package dev.evident.core.compare;

import dev.evident.core.Version;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.report.Report;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares two evidence sets and their reports. */
public final class Comparer {
    private Comparer() {
    }

    public static Comparison compare(EvidenceSet before, EvidenceSet after, Report reportBefore, Report reportAfter,
                                     CompareOptions options) {
        List<SeriesComparison> latency = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        pairSeries(before, after, options, latency, unpaired);
        List<ProfileComparison> profiles = ProfileComparer.compare(before, after);
        List<FindingChange> findings = findings(reportBefore, reportAfter);

        Verdict verdict = latency.isEmpty() ? Verdict.NO_LATENCY : Verdict.NO_SIGNIFICANT_CHANGE;
        if (latency.stream().anyMatch(s -> s.verdict() == Verdict.REGRESSED)) {
            verdict = Verdict.REGRESSED;
        } else if (latency.stream().anyMatch(s -> s.verdict() == Verdict.IMPROVED)) {
            verdict = Verdict.IMPROVED;
        } else if (!latency.isEmpty() && latency.stream().allMatch(s -> s.verdict() == Verdict.NOT_TESTABLE)) {
            verdict = Verdict.NOT_TESTABLE;
        }
        double worst = latency.stream().mapToDouble(SeriesComparison::worstRegression).max().orElse(0);
        boolean failed = !Double.isNaN(options.failOnRegression()) && verdict == Verdict.REGRESSED
                && worst >= options.failOnRegression();
        List<SkippedArtifact> skipped = new ArrayList<>();
        before.skipped().forEach(s -> skipped.add(new SkippedArtifact("before: " + s.path(), s.sizeBytes(), s.reason())));
        after.skipped().forEach(s -> skipped.add(new SkippedArtifact("after: " + s.path(), s.sizeBytes(), s.reason())));
        return new Comparison("evident " + Version.VERSION, options, latency, unpaired, profiles, findings, verdict, failed,
                headline(latency, verdict, worst, failed, options), before.artifacts(), after.artifacts(), skipped);
    }

    /**
     * Pairs series by tool and label. When one series of a tool is left on each side (a renamed
     * command, another port), those two are paired and the note says so.
     */
    private static void pairSeries(EvidenceSet before, EvidenceSet after, CompareOptions options,
                                   List<SeriesComparison> out, List<String> unpaired) {
        Map<String, LatencySeries> b = bySeriesKey(before.latencies());
        Map<String, LatencySeries> a = bySeriesKey(after.latencies());
        for (Map.Entry<String, LatencySeries> e : b.entrySet()) {
            LatencySeries match = a.remove(e.getKey());
            if (match != null) {
                out.add(LatencyComparer.compare(e.getKey(), e.getValue(), match, null, options));
            }
        }
        b.keySet().removeIf(k -> out.stream().anyMatch(s -> s.key().equals(k)));
        Map<String, List<String>> leftByTool = new TreeMap<>();
        for (String k : b.keySet()) {
            leftByTool.computeIfAbsent(b.get(k).tool(), t -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<String, List<String>> e : leftByTool.entrySet()) {
            List<String> afterKeys = a.keySet().stream().filter(k -> a.get(k).tool().equals(e.getKey())).toList();
            if (e.getValue().size() == 1 && afterKeys.size() == 1) {
                LatencySeries sb = b.remove(e.getValue().get(0));
                LatencySeries sa = a.remove(afterKeys.get(0));
                out.add(LatencyComparer.compare(sb.key(), sb, sa, "paired by tool: '" + sb.label() + "' before, '"
                        + sa.label() + "' after", options));
            }
        }
        b.values().forEach(s -> unpaired.add("before only: " + s.key() + " (" + s.source() + ")"));
        a.values().forEach(s -> unpaired.add("after only: " + s.key() + " (" + s.source() + ")"));
        out.sort(Comparator.comparing(SeriesComparison::key));
    }

    /**
     * Series by key. Several files of one side with the same key (hyperfine rounds, JTL files of one
     * test) are one measurement of that side and are pooled when all of them hold every measurement;
     * otherwise the file name tells them apart.
     */
    private static Map<String, LatencySeries> bySeriesKey(List<LatencySeries> series) {
        Map<String, List<LatencySeries>> groups = new TreeMap<>();
        series.forEach(s -> groups.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        Map<String, LatencySeries> out = new TreeMap<>();
        for (Map.Entry<String, List<LatencySeries>> g : groups.entrySet()) {
            List<LatencySeries> list = g.getValue();
            if (list.size() == 1) {
                out.put(g.getKey(), list.get(0));
            } else if (list.stream().allMatch(LatencySeries::hasSamples)) {
                out.put(g.getKey(), pool(list));
            } else {
                list.forEach(s -> out.put(s.key() + " [" + java.nio.file.Path.of(s.source()).getFileName() + "]", s));
            }
        }
        return out;
    }

    static LatencySeries pool(List<LatencySeries> list) {
        LatencySeries first = list.get(0);
        var distribution = first.distribution();
        long count = first.count();
        long errors = first.errors();
        var window = first.window();
        for (LatencySeries s : list.subList(1, list.size())) {
            distribution = distribution.plus(s.distribution());
            count += s.count();
            errors += s.errors();
            window = window == null ? s.window() : s.window() == null ? window : window.union(s.window());
        }
        String source = list.size() + " files (" + first.source() + ", ...)";
        return new LatencySeries(source, first.label(), first.tool(), distribution, List.of(), Double.NaN, count, errors,
                window, Double.NaN, first.parameters());
    }

    private static List<FindingChange> findings(Report before, Report after) {
        Map<String, Finding> b = new LinkedHashMap<>();
        before.findings().forEach(f -> b.put(f.key(), f));
        Map<String, Finding> a = new LinkedHashMap<>();
        after.findings().forEach(f -> a.put(f.key(), f));
        List<FindingChange> out = new ArrayList<>();
        for (Finding f : before.findings()) {
            Finding g = a.get(f.key());
            if (g == null) {
                out.add(new FindingChange(f.key(), f.title(), "disappeared", f.score(), -1));
            } else {
                out.add(new FindingChange(f.key(), g.title(), g.score() == f.score() ? "unchanged" : "changed", f.score(),
                        g.score()));
            }
        }
        for (Finding g : after.findings()) {
            if (!b.containsKey(g.key())) {
                out.add(new FindingChange(g.key(), g.title(), "appeared", -1, g.score()));
            }
        }
        List<String> order = List.of("disappeared", "appeared", "changed", "unchanged");
        out.sort(Comparator.comparingInt((FindingChange c) -> order.indexOf(c.status()))
                .thenComparing(c -> -Math.max(c.scoreBefore(), c.scoreAfter())).thenComparing(FindingChange::key));
        return out;
    }

    private static String headline(List<SeriesComparison> latency, Verdict verdict, double worst, boolean failed,
                                   CompareOptions options) {
        if (latency.isEmpty()) {
            return "No latency series on both sides; see the profile and finding changes below.";
        }
        long improved = latency.stream().filter(c -> c.verdict() == Verdict.IMPROVED).count();
        long regressed = latency.stream().filter(c -> c.verdict() == Verdict.REGRESSED).count();
        StringBuilder s = new StringBuilder();
        if (improved > 0 && regressed > 0) {
            s.append("Mixed: improved ").append(bestImprovement(latency)).append("; regressed ").append(worstRegression(latency));
        } else if (regressed > 0) {
            s.append("Regressed: ").append(worstRegression(latency));
        } else if (improved > 0) {
            s.append("Improved: ").append(bestImprovement(latency));
        } else if (verdict == Verdict.NOT_TESTABLE) {
            s.append("Only printed summary numbers on both sides: changes are shown but not tested");
        } else {
            s.append("No significant change beyond the ±").append(Fmt.percent(options.noiseBand())).append(" noise band");
        }
        s.append(" (").append(latency.size()).append(" series compared: ").append(improved).append(" improved, ")
                .append(regressed).append(" regressed)");
        if (failed) {
            s.append("; fails --fail-on-regression ").append(Fmt.percent(options.failOnRegression()));
        }
        return s.append('.').toString();
    }

    /** The improved series with the largest drop of its p50. */
    private static String bestImprovement(List<SeriesComparison> latency) {
        SeriesComparison best = latency.stream().filter(c -> c.verdict() == Verdict.IMPROVED)
                .min(Comparator.comparingDouble((SeriesComparison c) -> c.changes().get(0).relative())
                        .thenComparing(SeriesComparison::key)).orElseThrow();
        return describe(best.key(), best.changes().get(0));
    }

    /** The regressed statistic with the largest relative growth. */
    private static String worstRegression(List<SeriesComparison> latency) {
        String key = null;
        MetricChange worst = null;
        for (SeriesComparison c : latency) {
            for (MetricChange m : c.changes()) {
                if (m.verdict() == Verdict.REGRESSED && (worst == null || m.relative() > worst.relative())) {
                    worst = m;
                    key = c.key();
                }
            }
        }
        return describe(key, worst);
    }

    private static String describe(String key, MetricChange m) {
        StringBuilder s = new StringBuilder(key).append(' ').append(m.metric()).append(' ').append(fmtMs(m.before()))
                .append(" → ").append(fmtMs(m.after())).append(" (").append(signed(m.relative()));
        if (!Double.isNaN(m.low())) {
            s.append(", 95% CI ").append(signed(m.low())).append(" to ").append(signed(m.high()));
        }
        return s.append(')').toString();
    }

    public static String signed(double fraction) {
        return (fraction >= 0 ? "+" : "") + Fmt.percent(fraction);
    }

    static String fmtMs(double v) {
        return dev.evident.core.detect.latency.LatencyBaselines.ms(v);
    }
}
