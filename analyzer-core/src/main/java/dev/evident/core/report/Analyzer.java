package dev.evident.core.report;

import dev.evident.core.Version;
import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.AnalysisOptions;
import dev.evident.core.detect.Detector;
import dev.evident.core.detect.profile.ProfileThresholds;
import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.detect.bound.BoundClassifier;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.detect.bound.BoundSignal;
import dev.evident.core.model.Category;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.plan.Planner;
import dev.evident.core.plan.RemedyTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Runs every registered detector over an evidence set and assembles the report: merges findings
 * about the same subject seen in several artifacts, orders findings by score, and numbers the
 * evidence in the order findings cite it.
 */
public final class Analyzer {
    /** A finding below this score does not make a problem "dominant" for the headline. */
    static final int DOMINANT_SCORE = 50;
    /** Score spread across artifacts beyond which they are said to disagree. */
    static final int DISAGREEMENT = 25;

    private final List<Detector> detectors;
    private final BoundClassifier boundClassifier;
    private final AnalysisOptions options;

    public Analyzer(AnalysisOptions options) {
        this(loadDetectors(), BoundClassifier.loadSignals(), options);
    }

    public Analyzer(List<Detector> detectors, AnalysisOptions options) {
        this(detectors, List.of(), options);
    }

    public Analyzer(List<Detector> detectors, List<BoundSignal> signals, AnalysisOptions options) {
        this.detectors = detectors.stream().sorted(Comparator.comparing(Detector::id)).toList();
        this.boundClassifier = new BoundClassifier(signals);
        this.options = options;
    }

    public static List<Detector> loadDetectors() {
        List<Detector> list = new ArrayList<>();
        ServiceLoader.load(Detector.class, Analyzer.class.getClassLoader()).forEach(list::add);
        return list;
    }

    public List<Detector> detectors() {
        return detectors;
    }

    public Report analyze(EvidenceSet evidence) {
        AnalysisContext context = new AnalysisContext(options);
        // Detectors only read the evidence, so they run in parallel; results are taken in detector order.
        List<Outcome> outcomes = detectors.parallelStream().map(d -> Outcome.of(d, evidence, context)).toList();
        List<Finding> raw = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            raw.addAll(outcome.findings());
            if (outcome.failure() != null) {
                warnings.add(outcome.failure());
            }
        }
        ProfileSummaries.note(evidence, context);
        LatencySection latency = LatencySections.note(evidence, context);
        BoundClassification bound = boundClassifier.classify(evidence, context);

        Map<String, Integer> precedence = new java.util.HashMap<>();
        detectors.forEach(d -> precedence.put(d.id(), d.precedence()));
        List<Finding> merged = new ArrayList<>();
        for (Finding f : merge(raw, precedence)) {
            if (f.score() >= ProfileThresholds.REPORT_MIN_SCORE.value()) {
                merged.add(f);
            } else {
                f.evidence().forEach(context::note); // too weak to be a finding, still a fact about the data
            }
        }
        // among equal scores, findings about what bounds the workload come first
        Category boundCategory = bound.bound() == null ? null : bound.bound().category();
        merged.sort(Comparator.comparingInt(Finding::score).reversed()
                .thenComparing(f -> f.category() == boundCategory ? 0 : 1)
                .thenComparing(f -> f.confidence().level())
                .thenComparing(Finding::key));

        Map<String, Evidence> numbered = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            Finding f = merged.get(i);
            List<Evidence> cited = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                cited.add(numbered.computeIfAbsent(e.key(), k -> e.withId("E" + (numbered.size() + 1))));
            }
            findings.add(f.withIdAndEvidence("F" + (i + 1), cited));
        }
        for (BoundShare share : bound.shares()) {
            numbered.computeIfAbsent(share.evidence().key(), k -> share.evidence().withId("E" + (numbered.size() + 1)));
        }
        bound = withNumberedEvidence(bound, numbered);
        List<Evidence> notes = new ArrayList<>(context.notes());
        // a total order, so that notes added by detectors running in parallel always number the same way
        notes.sort(Comparator.comparing(Evidence::source).thenComparing(Evidence::key)
                .thenComparing(Evidence::statement, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Evidence e : notes) {
            numbered.computeIfAbsent(e.key(), k -> e.withId("E" + (numbered.size() + 1)));
        }
        LatencySection numberedLatency = LatencySections.withNumberedEvidence(latency, numbered);
        OptimizationPlan plan = new Planner().plan(findings, bound, evidence.artifacts(), numberedLatency);
        return new Report("evident " + Version.VERSION, headline(findings), bound, evidence.artifacts(), evidence.skipped(),
                findings, List.copyOf(numbered.values()), EvidenceGaps.of(evidence), warnings,
                numberedLatency, plan, FlameGraphs.of(evidence));
    }

    /** Findings with the same key describe the same problem; keep the strongest and pool the evidence. */
    static List<Finding> merge(List<Finding> raw, Map<String, Integer> precedence) {
        Map<String, List<Finding>> byKey = new LinkedHashMap<>();
        for (Finding f : raw) {
            byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>(byKey.size());
        for (List<Finding> group : byKey.values()) {
            out.add(group.size() == 1 ? group.get(0) : mergeGroup(group, precedence));
        }
        return out;
    }

    /**
     * The most confident finding, and among those the one with the most events behind it, speaks for
     * the group: two recordings of the same problem are two measurements, and the one that can tell
     * the cost (confidence is capped when it cannot) with the larger sample is the better one. Its score stands;
     * if the others disagree by more than {@link #DISAGREEMENT} points, confidence drops a level.
     * Among findings of the same artifact, the detector with the highest precedence words it.
     */
    private static Finding mergeGroup(List<Finding> group, Map<String, Integer> precedence) {
        List<Finding> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing((Finding f) -> f.confidence().level())
                .thenComparing(Comparator.comparingLong(Finding::support).reversed())
                .thenComparing(Comparator.comparingInt(Finding::score).reversed())
                .thenComparing(Finding::detector)
                .thenComparing(f -> f.evidence().isEmpty() ? "" : f.evidence().get(0).source()));
        Finding best = ordered.get(0);
        String bestSource = source(best);
        for (Finding f : ordered) {
            if (source(f).equals(bestSource) && precedence.getOrDefault(f.detector(), 0)
                    > precedence.getOrDefault(best.detector(), 0)) {
                best = f;
            }
        }
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        TreeSet<String> detectors = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        int lowest = best.score();
        int highest = best.score();
        for (Finding f : ordered) {
            detectors.add(f.detector());
            if (f.confidence().level() == best.confidence().level()) {
                // a less confident finding (e.g. capped because its cost is unknown) is not a disagreement
                lowest = Math.min(lowest, f.score());
                highest = Math.max(highest, f.score());
            }
            for (Evidence e : f.evidence()) {
                evidence.putIfAbsent(e.key(), e);
                sources.add(e.source());
            }
        }
        Confidence confidence = best.confidence();
        if (sources.size() > 1) {
            String reason = confidence.reason() + "; the same pattern appears in " + sources.size() + " artifacts ("
                    + String.join(", ", sources) + ")";
            Confidence.Level level = confidence.level();
            if (highest - lowest > DISAGREEMENT) {
                reason += ", which disagree on its weight (scores " + lowest + " to " + highest + ")";
                level = level == Confidence.Level.HIGH ? Confidence.Level.MEDIUM : Confidence.Level.LOW;
            }
            confidence = new Confidence(level, reason);
        }
        return new Finding(null, best.key(), String.join(", ", detectors), best.category(), best.title(),
                best.score(), confidence, best.support(), List.copyOf(evidence.values()), best.explanation(), best.fix(),
                best.example(), remedy(best, ordered), best.impact() != null ? best.impact()
                        : ordered.stream().map(Finding::impact).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                best.subject());
    }

    /**
     * The speaker's fix type, unless it only knows the generic one and another finding of the group
     * names a specific one (a catalog pattern seen in one recording, a plain hot method in another).
     */
    private static String remedy(Finding best, List<Finding> group) {
        if (best.remedy() != null && !best.remedy().equals(RemedyTable.GENERIC.id())) {
            return best.remedy();
        }
        for (Finding f : group) {
            if (f.remedy() != null && !f.remedy().equals(RemedyTable.GENERIC.id())) {
                return f.remedy();
            }
        }
        return best.remedy();
    }

    /** The classification with its evidence replaced by the numbered copies. */
    private static BoundClassification withNumberedEvidence(BoundClassification b, Map<String, Evidence> numbered) {
        List<BoundShare> shares = new ArrayList<>();
        for (BoundShare s : b.shares()) {
            shares.add(new BoundShare(s.bound(), s.share(), s.events(), numbered.get(s.evidence().key())));
        }
        return new BoundClassification(b.bound(), b.confidence(), shares, b.statement());
    }

    private static String source(Finding f) {
        return f.evidence().isEmpty() ? "" : f.evidence().get(0).source();
    }

    private static String headline(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "No finding: nothing in the evidence stands out.";
        }
        Finding top = findings.get(0);
        if (top.score() < DOMINANT_SCORE) {
            return "No dominant problem: the strongest finding (" + top.id() + ", score " + top.score()
                    + ") is below " + DOMINANT_SCORE + ": " + top.title() + ".";
        }
        return top.id() + " (score " + top.score() + ", " + top.confidence().level().label() + " confidence): "
                + top.title() + " " + citation(top) + ".";
    }

    static String citation(Finding f) {
        return "[" + String.join(", ", f.evidenceIds()) + "]";
    }

    /** What one detector returned, or why it failed (a failing detector never stops the others). */
    private record Outcome(List<Finding> findings, String failure) {
        static Outcome of(Detector detector, EvidenceSet evidence, AnalysisContext context) {
            try {
                return new Outcome(detector.detect(evidence, context), null);
            } catch (RuntimeException e) {
                return new Outcome(List.of(), "detector " + detector.id() + " failed on this input and was skipped: " + e);
            }
        }
    }
}
