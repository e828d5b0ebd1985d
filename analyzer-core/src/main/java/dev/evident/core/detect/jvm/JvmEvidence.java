package dev.evident.core.detect.jvm;

import dev.evident.core.detect.profile.CallSite;
import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.List;
import java.util.Optional;

/** Small shared steps of the JVM detectors. */
final class JvmEvidence {
    private JvmEvidence() {
    }

    static Evidence fact(String kind, JvmTimeline t, String subject, String statement, List<Quantity> values) {
        return new Evidence(null, kind + "|" + t.source() + "|" + subject, kind, statement, values, t.source(), subject);
    }

    static Confidence confidence(long events, String what, String extra) {
        Confidence.Level level = events >= 100 ? Confidence.Level.HIGH : events >= 10 ? Confidence.Level.MEDIUM
                : Confidence.Level.LOW;
        return new Confidence(level, Fmt.count(events) + " " + what + (extra == null || extra.isEmpty() ? "" : "; " + extra));
    }

    /** Confidence of a least-squares trend: how well the line fits and how many points it rests on. */
    static Confidence trendConfidence(dev.evident.core.stats.Trend t, String what) {
        Confidence.Level level = t.r2() >= 0.8 && t.points() >= 8 ? Confidence.Level.HIGH
                : t.r2() >= 0.6 && t.points() >= 6 ? Confidence.Level.MEDIUM : Confidence.Level.LOW;
        return new Confidence(level, "least-squares fit over " + t.points() + " " + what + " in "
                + Fmt.decimal(t.spanSeconds(), 1) + " s, R² " + Fmt.decimal(t.r2(), 2));
    }

    /** The profile read from the same artifact as the timeline, if any. */
    static Optional<Profile> profileOf(EvidenceSet set, JvmTimeline t) {
        return set.profiles().stream().filter(p -> p.source().equals(t.source())).findFirst();
    }

    /** The heaviest non-idle call site of a metric in the artifact's profile: who causes it. */
    static Optional<CallSite> topSite(EvidenceSet set, JvmTimeline t, MetricKind kind, AnalysisContext context) {
        Optional<Profile> profile = profileOf(set, t);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Profile p = profile.get();
        for (int c = 0; c < p.metrics().size(); c++) {
            Metric m = p.metrics().get(c);
            if (m.kind() == kind) {
                return context.attribution(p, c).sites().stream()
                        .filter(s -> !s.idle() && s.anchor() != null).findFirst();
            }
        }
        return Optional.empty();
    }

    static String siteLabel(CallSite site) {
        return JavaFrameNames.shortName(site.anchor()) + (site.anchorLine() > 0 ? " (line " + site.anchorLine() + ")" : "")
                + (site.entry() != null ? " via " + JavaFrameNames.shortName(site.entry()) : "");
    }

    static double seconds(JvmTimeline t) {
        return t.window() == null ? 0 : t.window().seconds();
    }
}
