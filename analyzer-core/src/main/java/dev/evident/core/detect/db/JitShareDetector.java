package dev.evident.core.detect.db;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JIT compilation that costs a large share of the execution: PostgreSQL decides to compile from
 * the plan's estimated cost ({@code jit_above_cost}, default 100000; inlining and optimization at
 * 500000), not from how long the query will run, so short queries with a high estimated cost (or a
 * lowered setting) spend more time compiling than executing (pgMustard's JIT tip).
 */
public final class JitShareDetector implements Detector {
    /** PostgreSQL's defaults (postgresql.conf), to tell a lowered setting from a high plan cost. */
    static final double DEFAULT_JIT_ABOVE_COST = 100_000;

    @Override
    public String id() {
        return "jit-share";
    }

    record Hit(QueryPlan plan, double jitMs, double executionMs, double planCost) {
        double share() {
            return jitMs / executionMs;
        }
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        Map<String, List<Hit>> groups = new TreeMap<>();
        for (QueryPlan plan : evidence.plans()) {
            String total = plan.property("JIT Total Time");
            if (total == null || plan.executionMs() == null || plan.executionMs() <= 0) {
                continue;
            }
            Hit h = new Hit(plan, Double.parseDouble(total), plan.executionMs(), PlanMetrics.number(plan.root(), "Total Cost"));
            if (h.share() >= DbThresholds.JIT_SHARE_WARNING.value() && h.jitMs() >= DbThresholds.MIN_SAVING_MS.value()) {
                groups.computeIfAbsent(DbText.subject(plan), k -> new ArrayList<>()).add(h);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> g : groups.entrySet()) {
            out.add(finding(g.getKey(), DbText.worst(g.getValue(), Hit::share), g.getValue().size(), evidence));
        }
        return out;
    }

    private Finding finding(String key, Hit h, int plans, EvidenceSet evidence) {
        QueryPlan p = h.plan();
        List<Quantity> values = new ArrayList<>(List.of(Quantity.of("JIT time", h.jitMs(), "ms"),
                Quantity.of("execution time", h.executionMs(), "ms"), Quantity.of("JIT share", h.share() * 100, "%"),
                Quantity.of("plan cost", h.planCost(), "cost units"), Quantity.of("plans", plans, "plans")));
        StringBuilder parts = new StringBuilder();
        for (String phase : new String[] {"Generation", "Inlining", "Optimization", "Emission"}) {
            String v = p.property("JIT " + phase + " Time");
            if (v != null) {
                values.add(Quantity.of(phase.toLowerCase(java.util.Locale.ROOT), Double.parseDouble(v), "ms"));
                parts.append(parts.length() == 0 ? "" : ", ").append(phase.toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(DbText.ms(Double.parseDouble(v)));
            }
        }
        boolean lowered = h.planCost() < DEFAULT_JIT_ABOVE_COST;
        String statement = "JIT compilation took " + DbText.ms(h.jitMs()) + " of the " + DbText.ms(h.executionMs())
                + " execution (" + Fmt.percent(h.share()) + (parts.length() > 0 ? "; " + parts : "") + ") for a plan of cost "
                + Fmt.count(Math.round(h.planCost())) + (lowered ? ", below the default jit_above_cost of " + Fmt.count((long) DEFAULT_JIT_ABOVE_COST)
                + ": the setting was lowered" : "") + " (" + DbText.plans(plans) + ")";
        Evidence ev = new Evidence(null, "jit|" + key, "plan", statement, values, p.source(), p.location());
        int score = DbThresholds.SHARE_CURVE.scoreInt(h.share());
        String title = "JIT compilation takes " + Fmt.percent(h.share()) + " of the execution (" + DbText.ms(h.jitMs())
                + "): " + (lowered ? "restore jit_above_cost" : "raise jit_above_cost or disable JIT for this query");
        String explanation = "PostgreSQL compiled this query's expressions with LLVM because its estimated cost ("
                + Fmt.count(Math.round(h.planCost())) + ") passed jit_above_cost; compiling took " + DbText.ms(h.jitMs()) + ", "
                + Fmt.percent(h.share()) + " of the " + DbText.ms(h.executionMs()) + " execution. JIT pays off only for "
                + "queries that process many rows for long; removing it saves about " + DbText.ms(h.jitMs()) + " per execution.";
        String fix = lowered
                ? "jit_above_cost (or jit_inline_above_cost / jit_optimize_above_cost) was set below its default for this "
                + "session or role; reset them (RESET jit_above_cost) so plans this cheap are not compiled."
                : "Raise jit_above_cost above this plan's cost (" + Fmt.count(Math.round(h.planCost())) + ") for the role or "
                + "statement, or SET LOCAL jit = off for it; leave JIT on for the long analytical queries it helps.";
        String example = "```sql\n" + (lowered ? "RESET jit_above_cost;\nRESET jit_inline_above_cost;\nRESET jit_optimize_above_cost;\n"
                : "BEGIN;\nSET LOCAL jit = off;\n-- the statement\nCOMMIT;\n") + "```";
        return new Finding(null, "jit|" + key, id(), Category.DATABASE, title, score,
                new Confidence(Confidence.Level.HIGH, "EXPLAIN ANALYZE times the JIT phases itself"),
                plans, cited(ev, impact(key, h, evidence)), explanation, fix, example, "tune-jit",
                impact(key, h, evidence).map(DbImpact::impact).orElse(null), null);
    }

    private static Optional<DbImpact> impact(String key, Hit h, EvidenceSet evidence) {
        return DbImpact.ofStatementPart(evidence, "jit|" + key,
                h.plan().fingerprint() == null ? Set.of() : Set.of(h.plan().fingerprint()), h.share(), "JIT compilation",
                h.plan().source());
    }

    private static List<Evidence> cited(Evidence ev, Optional<DbImpact> impact) {
        List<Evidence> out = new java.util.ArrayList<>(List.of(ev));
        impact.ifPresent(i -> out.add(i.evidence()));
        return out;
    }
}
