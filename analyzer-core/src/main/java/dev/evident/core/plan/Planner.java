package dev.evident.core.plan;

import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.model.Artifact;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Impact;
import dev.evident.core.model.MetricKind;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.evident.core.model.JavaFrameNames.shortName;

/**
 * Turns findings into fixes ordered by expected gain per hour of work.
 *
 * <p>Findings with the same fix type on the same subject (one method, one table, one statement)
 * become one item: two findings about the same loop are one fix. The expected gain applies
 * Amdahl's law to the fraction a finding cites ({@link Impact}) with the fix type's speedup range
 * from {@link RemedyTable}; a finding without a cited fraction gets no estimate rather than a guess.
 */
public final class Planner {
    /** A quick win saves time (not only bytes), takes less than a working day... */
    static final double QUICK_WIN_MAX_HOURS = 8;
    /** ...and removes more than this fraction of the measured quantity (realistic point). */
    static final double QUICK_WIN_MIN_GAIN = 0.30;
    /** Findings below this score (not yet "worth reading") are reported but not planned. */
    static final int PLAN_MIN_SCORE = 25;
    /**
     * A fix whose optimistic gain is below this fraction is not worth a plan line: the findings
     * stay in the appendix, but an item promising "0.0%" only dilutes the plan.
     */
    static final double PLAN_MIN_GAIN = 0.01;
    /** How database findings name a statement they are about: "statement " and its fingerprint. */
    static final String STATEMENT_SUBJECT = "statement ";
    /** Statement text in item titles is cut here: the finding and its evidence carry the whole statement. */
    static final int TITLE_SQL_CHARS = 64;

    static String shortSql(String sql) {
        // the select list says least about which statement it is: the table and the filter say most
        String s = sql;
        int from = s.indexOf(" from ");
        if (s.startsWith("select ") && from > 0) {
            s = "select … " + s.substring(from + 1);
        }
        return s.length() <= TITLE_SQL_CHARS ? s : s.substring(0, TITLE_SQL_CHARS - 3).stripTrailing() + "...";
    }


    /** The whole plan: hypothesis, items, quick wins and how to validate them. */
    public OptimizationPlan plan(List<Finding> findings, BoundClassification bound, List<Artifact> artifacts) {
        return plan(findings, bound, artifacts, null);
    }

    /**
     * The whole plan; the latency section (with numbered evidence), when there is one, gives the
     * load test at scale and the alerting rules.
     */
    public OptimizationPlan plan(List<Finding> findings, BoundClassification bound, List<Artifact> artifacts,
                                 LatencySection latency) {
        List<PlanItem> items = items(findings, bound);
        return new OptimizationPlan(Hypotheses.of(findings, bound), items,
                items.stream().filter(PlanItem::quickWin).map(PlanItem::id).toList(), Validations.of(artifacts, items, latency));
    }

    /** The plan items for these findings (already numbered, most severe first), best value first. */
    public List<PlanItem> items(List<Finding> findings, BoundClassification bound) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.remedy() != null && f.score() >= PLAN_MIN_SCORE) {
                groups.computeIfAbsent(f.remedy() + "|" + subject(f), k -> new ArrayList<>()).add(f);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            Draft d = draft(group, bound);
            if (d.gain == null || d.gain.optimistic() >= PLAN_MIN_GAIN) {
                drafts.add(d);
            }
        }
        // gains in request time (what defines slow when a load test measured it) come first, then other
        // gains in time, then gains in bytes or counts: the units differ and users wait for time
        drafts.sort(Comparator.comparing((Draft d) -> d.gain == null ? 3 : !d.gain.time() ? 2 : isRequestTime(d.gain) ? 0 : 1)
                .thenComparing(Comparator.comparingDouble(Draft::priority).reversed())
                .thenComparing(Comparator.comparingInt((Draft d) -> d.findings.get(0).score()).reversed())
                .thenComparing(d -> d.findings.get(0).id()));
        List<PlanItem> items = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            items.add(drafts.get(i).toItem("P" + (i + 1)));
        }
        return withOverlaps(items, drafts);
    }

    /** Whether a gain is a fraction of the time users waited in measured requests. */
    static boolean isRequestTime(Gain g) {
        return g.of().equals(Impact.REQUEST_TIME);
    }

    /**
     * Items whose findings cite the same evidence (other than the impact facts each computes for
     * itself), or that are different fixes for the same subject, are about the same time: an index
     * for the statement an N+1 loop repeats, a cache and an aggregate for one statement. Their gains
     * do not add, and the plan says so.
     */
    private static List<PlanItem> withOverlaps(List<PlanItem> items, List<Draft> drafts) {
        List<java.util.Set<String>> keys = new ArrayList<>();
        for (Draft d : drafts) {
            java.util.Set<String> k = new java.util.HashSet<>();
            for (Finding f : d.findings()) {
                k.add("subject|" + subject(f)); // two fixes for one statement or method: alternatives, not sums
                for (Evidence e : f.evidence()) {
                    if (!e.key().startsWith("impact|")) {
                        k.add(e.key());
                    }
                }
            }
            keys.add(k);
        }
        List<PlanItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            List<String> overlaps = new ArrayList<>();
            for (int j = 0; j < items.size(); j++) {
                if (i != j && !java.util.Collections.disjoint(keys.get(i), keys.get(j))) {
                    overlaps.add(items.get(j).id());
                }
            }
            out.add(items.get(i).withOverlaps(overlaps));
        }
        return out;
    }

    /**
     * What a finding's fix changes: its stated subject, else its key without the metric it was
     * measured in ({@code cpu|a.B.c} and {@code allocation|a.B.c|pattern} are both about {@code a.B.c}).
     */
    static String subject(Finding f) {
        if (f.subject() != null) {
            return f.subject();
        }
        String key = f.key();
        int bar = key.indexOf('|');
        if (bar > 0 && isMetric(key.substring(0, bar))) {
            String rest = key.substring(bar + 1);
            int next = rest.indexOf('|');
            return next < 0 ? rest : rest.substring(0, next);
        }
        return key;
    }

    private static boolean isMetric(String id) {
        for (MetricKind k : MetricKind.values()) {
            if (k.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static Draft draft(List<Finding> group, BoundClassification bound) {
        Finding lead = group.get(0);
        Remedy remedy = RemedyTable.of(lead.remedy());
        Finding measured = measuredFinding(group, bound);
        Gain gain = measured == null ? null : gain(measured, remedy);
        double priority = gain == null ? 0 : gain.realistic() * 100 / remedy.effortHours();
        return new Draft(group, remedy, gain, priority);
    }

    /**
     * The finding whose fraction the estimate uses. Fractions of different quantities are never
     * added, and findings of one item overlap (the GC pauses and the humongous collections among
     * them), so one fraction speaks: preferably one measured in the kind of time that bounds the
     * workload, else a fraction of time rather than of bytes, and among those the broadest.
     */
    private static Finding measuredFinding(List<Finding> group, BoundClassification bound) {
        Comparator<Finding> preference = Comparator
                .comparing((Finding f) -> bound != null && bound.bound() != null && f.category() == bound.bound().category())
                .thenComparing(f -> f.impact().time())
                .thenComparingDouble(f -> f.impact().share());
        Finding best = null;
        for (Finding f : group) {
            if (f.impact() != null && (best == null || preference.compare(f, best) > 0)) {
                best = f;
            }
        }
        return best;
    }

    static Gain gain(Finding f, Remedy remedy) {
        Impact impact = f.impact();
        Remedy.Speedup s = remedy.speedup();
        double conservative = Gain.amdahl(impact.low(), s.conservative());
        double realistic = Gain.amdahl(impact.share(), s.realistic());
        double optimistic = Gain.amdahl(impact.high(), s.optimistic());
        String evidenceId = evidenceId(f, impact.evidenceKey());
        boolean census = impact.low() == impact.share() && impact.high() == impact.share();
        String measured = Fmt.percent(impact.share()) + (census ? " (" + evidenceId + ", every event counted)"
                : " (95% interval " + Fmt.interval(impact.low(), impact.high()) + ", " + evidenceId + ")") + " of " + impact.of();
        String basis = "fraction " + measured + "; speedup of that part ×" + speedup(s.conservative()) + " / ×"
                + speedup(s.realistic()) + " / ×" + speedup(s.optimistic()) + " (" + remedy.id()
                + "); gain = fraction × (1 − 1/speedup)";
        return new Gain(conservative, realistic, optimistic, impact.of(), impact.time(), measured, basis, List.of(evidenceId),
                impact.share());
    }

    private static String speedup(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Fmt.decimal(s, 2).replaceAll("0+$", "");
    }

    /** The id of the finding's evidence item with this key; findings cite the item their impact names. */
    private static String evidenceId(Finding f, String key) {
        for (Evidence e : f.evidence()) {
            if (e.key().equals(key)) {
                return e.id();
            }
        }
        throw new IllegalStateException("finding " + f.id() + " states an impact from evidence " + key
                + " that it does not cite");
    }

    /** Share of the measured quantity the addressed part still has after a fix with speedup s. */
    static double remainingShare(double fraction, double s) {
        double after = fraction / s;
        return after / (1 - fraction + after);
    }

    private record Draft(List<Finding> findings, Remedy remedy, Gain gain, double priority) {

        PlanItem toItem(String id) {
            Finding lead = findings.get(0);
            String code = null;
            for (Finding f : findings) {
                if (f.example() != null) {
                    code = f.example();
                    break;
                }
            }
            boolean quickWin = gain != null && gain.time() && remedy.effortHours() < QUICK_WIN_MAX_HOURS
                    && gain.realistic() > QUICK_WIN_MIN_GAIN;
            return new PlanItem(id, title(lead), findings.stream().map(Finding::id).toList(), remedy, gain,
                    remedy.effortHours(), priority, quickWin, lead.fix(), code, verify(lead), List.of());
        }

        private String title(Finding lead) {
            String action = remedy.action();
            String capitalized = action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
            String subject = subject(lead);
            boolean methodName = subject.indexOf('.') > 0 && subject.indexOf(' ') < 0 && subject.indexOf('|') < 0;
            if (methodName) {
                return capitalized + " in " + shortName(subject);
            }
            if (subject.startsWith(STATEMENT_SUBJECT)) {
                return capitalized + ": \"" + shortSql(subject.substring(STATEMENT_SUBJECT.length())) + "\"";
            }
            if (subject.startsWith("index ")) {
                return capitalized + " on " + subject.substring("index ".length()).replaceFirst("\\(", " (");
            }
            return capitalized + ": " + lead.title();
        }

        private String verify(Finding lead) {
            if (gain == null) {
                return "Re-record with the same settings and load; " + lead.id() + " should no longer be reported.";
            }
            Finding measured = null;
            for (Finding f : findings) {
                if (f.impact() != null && f.impact().of().equals(gain.of())) {
                    measured = f;
                    break;
                }
            }
            Impact impact = measured.impact();
            double ceiling = remainingShare(impact.share(), remedy.speedup().conservative());
            return "Re-record with the same settings and load and compare (evident compare): the part " + measured.id()
                    + " measures should fall from " + Fmt.percent(impact.share()) + " of " + impact.of()
                    + " to at most " + Fmt.percent(ceiling) + " (the conservative speedup ×"
                    + speedup(remedy.speedup().conservative()) + ").";
        }
    }
}
