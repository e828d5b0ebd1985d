package dev.evident.core.scale;

import dev.evident.core.Version;
import dev.evident.core.detect.latency.LatencyThresholds;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.stats.ComplexityClass;
import dev.evident.core.stats.PowerLawFit;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits cost ∝ n^k to runs at different input sizes. Load-test series: the median of each run per
 * repetition; benchmark series (JMH, hyperfine): the fastest run (see {@link #isBenchmark}). Profiles: per method, its total weight per
 * repetition in the CPU metric (wall clock when there is no CPU data), so that a method's own
 * growth shows even when other methods dominate the run.
 */
public final class ScaleAnalyzer {
    private ScaleAnalyzer() {
    }

    public static ScaleAnalysis analyze(List<ScaleRun> runs, double at) {
        List<String> notes = new ArrayList<>();
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        Map<String, String> seriesUnits = new TreeMap<>();
        for (ScaleRun run : runs) {
            for (LatencySeries s : run.evidence().latencies()) {
                double n = sizeOf(s, run);
                if (Double.isNaN(n)) {
                    notes.add(s.source() + ": " + s.key() + " has no size (no 'n' parameter, no n= in the file name, "
                            + "no manifest row)");
                    continue;
                }
                boolean benchmark = isBenchmark(s);
                double cost = benchmark && s.hasSamples() ? s.distribution().min() : s.percentileMs(50);
                if (Double.isNaN(cost)) {
                    cost = s.meanMs();
                }
                String key = seriesKey(s);
                series.computeIfAbsent(key, k -> new TreeMap<>()).merge(n, cost / run.repetitions(), Math::min);
                String estimator = benchmark ? "fastest run" : "median";
                seriesUnits.put(key, run.repetitions() == 1 ? "ms (" + estimator + ")" : "ms per repetition (" + estimator + ")");
            }
        }
        List<ScaleFit> seriesFits = new ArrayList<>();
        for (var e : series.entrySet()) {
            fit(e.getKey(), "latency", seriesUnits.get(e.getKey()), e.getValue(), at, true, Double.NaN, notes)
                    .ifPresent(seriesFits::add);
        }
        List<ScaleFit> methodFits = methods(runs, at, notes);
        methodFits.sort(Comparator.comparingDouble((ScaleFit f) -> -f.fit().k()).thenComparing(ScaleFit::subject));
        double minShare = LatencyThresholds.SCALE_METHOD_MIN_SHARE.value();
        ScaleFit fastest = methodFits.stream().filter(f -> f.application() && f.shareAtLargest() >= minShare)
                .findFirst().orElse(null);
        return new ScaleAnalysis("evident " + Version.VERSION, seriesFits, methodFits, fastest,
                headline(seriesFits, fastest), notes);
    }

    /**
     * Benchmarks repeat the same work, so every slower repetition was slowed by something else (other
     * processes, the JIT, the GC): their cost is the fastest run, as in Chen and Revels, "Robust
     * benchmarking in noisy environments" (2016), used by Julia's BenchmarkTools. Load tests measure
     * different requests, so theirs is the median.
     */
    static boolean isBenchmark(LatencySeries s) {
        return s.tool().equals("JMH") || s.tool().equals("hyperfine");
    }

    /**
     * A parameter scan names each run by its command with the size filled in ({@code ... list 20000});
     * putting {@code {n}} back makes the runs one series.
     */
    static String seriesKey(LatencySeries s) {
        String n = s.parameters().get("n");
        return n == null || n.isEmpty() ? s.key() : s.key().replace(n, "{n}");
    }

    private static double sizeOf(LatencySeries s, ScaleRun run) {
        String n = s.parameters().get("n");
        if (n == null) {
            n = s.parameters().get("N");
        }
        if (n != null) {
            try {
                return Double.parseDouble(n);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return run.n();
    }

    private static List<ScaleFit> methods(List<ScaleRun> runs, double at, List<String> notes) {
        Map<String, TreeMap<Double, Double>> byMethod = new TreeMap<>();
        TreeMap<Double, Double> totals = new TreeMap<>();
        int profiled = 0;
        for (ScaleRun run : runs) {
            if (run.evidence().profiles().isEmpty()) {
                continue;
            }
            if (Double.isNaN(run.n())) {
                notes.add(run.label() + ": a profile without a size; name it with n=SIZE or list it in a manifest");
                continue;
            }
            profiled++;
            Map<String, Long> weights = new TreeMap<>();
            long total = 0;
            for (Profile p : run.evidence().profiles()) {
                Metric m = pick(p);
                if (m == null) {
                    continue;
                }
                int c = p.column(m);
                total += p.totalWeight(c);
                for (int node = 1; node < p.tree().size(); node++) {
                    String name = p.frames().name(p.tree().frame(node));
                    if (!above(p, node, name)) {
                        weights.merge(name, p.tree().totalWeight(c, node), Long::sum);
                    }
                }
            }
            totals.put(run.n(), (double) total / run.repetitions());
            for (var w : weights.entrySet()) {
                if (w.getValue() > 0) {
                    byMethod.computeIfAbsent(w.getKey(), k -> new TreeMap<>()).merge(run.n(),
                            w.getValue() / run.repetitions(), Double::sum);
                }
            }
        }
        List<ScaleFit> out = new ArrayList<>();
        if (profiled == 0) {
            return out;
        }
        double largest = totals.isEmpty() ? Double.NaN : totals.lastKey();
        for (var e : byMethod.entrySet()) {
            TreeMap<Double, Double> points = e.getValue();
            if (points.size() < profiled) {
                continue; // absent from some runs: its growth cannot be told from sampling luck
            }
            double share = points.containsKey(largest) ? points.get(largest) / totals.get(largest) : 0;
            fit(e.getKey(), "profile", "samples per repetition", points, at, !isJdk(e.getKey()), share, null)
                    .ifPresent(out::add);
        }
        return out;
    }

    /** CPU samples when the profile has them, else wall clock. */
    private static Metric pick(Profile p) {
        for (MetricKind kind : List.of(MetricKind.CPU, MetricKind.WALL)) {
            for (Metric m : p.metrics()) {
                if (m.kind() == kind) {
                    return m;
                }
            }
        }
        return null;
    }

    private static boolean above(Profile p, int node, String name) {
        for (int q = p.tree().parent(node); q > 0; q = p.tree().parent(q)) {
            if (p.frames().name(p.tree().frame(q)).equals(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean isJdk(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.") || !name.contains(".");
    }

    private static java.util.Optional<ScaleFit> fit(String subject, String kind, String unit, TreeMap<Double, Double> points,
                                                    double at, boolean application, double share, List<String> notes) {
        if (points.size() < 2) {
            if (notes != null) {
                notes.add(subject + ": only one size; a growth fit needs at least two (three for an interval)");
            }
            return java.util.Optional.empty();
        }
        double[] n = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] cost = points.values().stream().mapToDouble(Double::doubleValue).toArray();
        for (double c : cost) {
            if (!(c > 0)) {
                if (notes != null) {
                    notes.add(subject + ": a run has no cost (0 or unknown); not fitted");
                }
                return java.util.Optional.empty();
            }
        }
        PowerLawFit fit = PowerLawFit.fit(n, cost);
        double predicted = Double.NaN;
        double[] pi = {Double.NaN, Double.NaN};
        if (!Double.isNaN(at)) {
            predicted = fit.predict(at);
            pi = fit.predictionInterval(at);
        }
        return java.util.Optional.of(new ScaleFit(subject, kind, unit, n, cost, fit, ComplexityClass.best(n, cost), at,
                predicted, pi[0], pi[1], application, share));
    }

    private static String headline(List<ScaleFit> series, ScaleFit fastest) {
        List<String> parts = new ArrayList<>();
        for (ScaleFit f : series) {
            parts.add(f.subject() + " grows as " + f.best().label() + " (k = " + Fmt.decimal(f.fit().k(), 2)
                    + (Double.isNaN(f.fit().kLow()) ? "" : ", 95% CI " + Fmt.decimal(f.fit().kLow(), 2) + "–"
                    + Fmt.decimal(f.fit().kHigh(), 2)) + ")");
        }
        if (fastest != null) {
            parts.add("the method whose cost grows fastest is " + fastest.subject() + " (k = "
                    + Fmt.decimal(fastest.fit().k(), 2) + (Double.isNaN(fastest.fit().kLow()) ? "" : ", 95% CI "
                    + Fmt.decimal(fastest.fit().kLow(), 2) + "–" + Fmt.decimal(fastest.fit().kHigh(), 2)) + ", "
                    + fastest.best().label() + ")");
        }
        if (parts.isEmpty()) {
            return "Nothing to fit: no series or profile was found at two or more sizes.";
        }
        String s = String.join("; ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
