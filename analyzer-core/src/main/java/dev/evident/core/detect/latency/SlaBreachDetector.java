package dev.evident.core.detect.latency;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.stats.ScoreCurve;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sla-breach}: a latency objective that the measurements exceed. The score grows with the
 * excess; the confidence says whether the whole 95% interval is over the limit.
 */
public final class SlaBreachDetector implements Detector {
    private static final ScoreCurve CURVE = new ScoreCurve(LatencyThresholds.SLA_EXCESS_INFO.value(),
            LatencyThresholds.SLA_EXCESS_WARNING.value());

    @Override
    public String id() {
        return "sla-breach";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        List<LatencyBaseline> baselines = LatencyBaselines.of(evidence);
        for (SlaCheck check : SlaChecks.of(baselines, context.options().slas(), evidence)) {
            if (!check.breached()) {
                continue;
            }
            var s = check.baseline().series();
            String series = s.tool() + " " + s.label();
            String title = check.sla().metricName() + " of " + series + " is " + LatencyBaselines.ms(check.measured())
                    + ", " + Fmt.percent(check.excess()) + " over the objective " + check.sla().text();
            Confidence confidence;
            if (Double.isNaN(check.low())) {
                confidence = new Confidence(Confidence.Level.MEDIUM,
                        s.hasSamples() ? "measured on " + Fmt.count(s.count()) + " requests; no interval for this percentile"
                                : "as printed by " + s.tool() + "; without per-request data there is no interval");
            } else if (check.low() > check.sla().limitMs()) {
                confidence = new Confidence(Confidence.Level.HIGH, "the whole 95% interval ("
                        + LatencyBaselines.ms(check.low()) + "–" + LatencyBaselines.ms(check.high()) + ") is over the limit");
            } else {
                confidence = new Confidence(Confidence.Level.LOW, "the 95% interval ("
                        + LatencyBaselines.ms(check.low()) + "–" + LatencyBaselines.ms(check.high()) + ") reaches below the limit");
            }
            int score = Math.max(25, CURVE.scoreInt(check.excess()));
            String explanation = "The objective " + check.sla().text() + " comes from " + check.sla().origin() + ". "
                    + check.evidence().statement() + ". This is the number users feel; the other findings say where "
                    + "the time goes.";
            out.add(new Finding(null, "sla|" + check.sla().text() + "|" + s.key(), id(), Category.LATENCY, title, score,
                    confidence, s.count(), List.of(check.evidence(), check.baseline().evidence()), explanation,
                    "Fix the findings below in the order of the plan, then re-run the same load and compare with "
                            + "`evident compare BEFORE AFTER --fail-on-regression 5%`.", null));
        }
        return out;
    }
}
