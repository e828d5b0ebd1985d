package dev.evident.core.detect.bound;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Threshold;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Combines every bound signal into one classification: per bound the strongest measurement, and
 * the bound with the largest share leads. Confidence depends on how clearly it leads and on how much
 * data is behind it.
 */
public final class BoundClassifier {
    public static final Threshold HIGH_SHARE = new Threshold("bound.high.share", 0.5, "share",
            "share of time the leading bound needs for high confidence", "evident");
    public static final Threshold HIGH_MARGIN = new Threshold("bound.high.margin", 0.2, "share",
            "lead over the second bound for high confidence", "evident");
    public static final Threshold MEDIUM_SHARE = new Threshold("bound.medium.share", 0.3, "share",
            "share of time the leading bound needs for medium confidence", "evident");
    public static final Threshold MEDIUM_MARGIN = new Threshold("bound.medium.margin", 0.1, "share",
            "lead over the second bound for medium confidence", "evident");
    public static final Threshold MIN_EVENTS = new Threshold("bound.min-events", 100, "events",
            "samples behind the leading share below which confidence is low", "evident");
    public static final List<Threshold> ALL = List.of(HIGH_SHARE, HIGH_MARGIN, MEDIUM_SHARE, MEDIUM_MARGIN, MIN_EVENTS);

    private final List<BoundSignal> signals;

    public BoundClassifier(List<BoundSignal> signals) {
        this.signals = signals.stream().sorted(Comparator.comparing(BoundSignal::id)).toList();
    }

    public static List<BoundSignal> loadSignals() {
        List<BoundSignal> list = new ArrayList<>();
        ServiceLoader.load(BoundSignal.class, BoundClassifier.class.getClassLoader()).forEach(list::add);
        return list;
    }

    public BoundClassification classify(EvidenceSet evidence, AnalysisContext context) {
        Map<Bound, BoundShare> strongest = new EnumMap<>(Bound.class);
        for (BoundSignal signal : signals) {
            for (BoundShare s : signal.measure(evidence, context)) {
                if (s.share() >= 0.001) { // a bound measured at zero says nothing worth listing
                    strongest.merge(s.bound(), s, (a, b) -> b.share() > a.share() ? b : a);
                }
            }
        }
        if (strongest.isEmpty()) {
            return new BoundClassification(null, new Confidence(Confidence.Level.LOW,
                    "no wall-clock profile, GC timeline, or database log with latency data to measure it"),
                    List.of(), "What bounds the workload is unknown: no evidence measures where its time goes.");
        }
        List<BoundShare> shares = new ArrayList<>(strongest.values());
        shares.sort(Comparator.comparingDouble(BoundShare::share).reversed().thenComparing(BoundShare::bound));
        BoundShare top = shares.get(0);
        double second = shares.size() > 1 ? shares.get(1).share() : 0;
        double margin = top.share() - second;
        Confidence.Level level;
        if (top.events() < MIN_EVENTS.value()) {
            level = Confidence.Level.LOW;
        } else if (top.share() >= HIGH_SHARE.value() && margin >= HIGH_MARGIN.value()) {
            level = Confidence.Level.HIGH;
        } else if (top.share() >= MEDIUM_SHARE.value() && margin >= MEDIUM_MARGIN.value()) {
            level = Confidence.Level.MEDIUM;
        } else {
            level = Confidence.Level.LOW;
        }
        List<String> parts = new ArrayList<>();
        for (BoundShare s : shares) {
            parts.add(s.bound().name().toLowerCase(java.util.Locale.ROOT) + " " + Fmt.percent(s.share()));
        }
        String reason = Fmt.percent(top.share()) + " of the measured time is " + top.bound().label().replace("-bound", "")
                + " time, " + Fmt.decimal(margin * 100, 1) + " points ahead of the next; " + Fmt.count(top.events())
                + " events behind it";
        if (top.share() < MEDIUM_SHARE.value()) {
            // a small share only says what the workload is not bound by (e.g. 3% in GC pauses)
            return new BoundClassification(null, new Confidence(Confidence.Level.LOW, reason), shares,
                    "No measured bound dominates: " + String.join(", ", parts) + " of the time; the rest is not "
                            + "measured by the evidence at hand.");
        }
        String statement = "The workload is " + top.bound().label() + ": " + String.join(", ", parts) + ".";
        return new BoundClassification(top.bound(), new Confidence(level, reason), shares, statement);
    }
}
