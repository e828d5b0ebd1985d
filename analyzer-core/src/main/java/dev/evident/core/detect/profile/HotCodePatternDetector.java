package dev.evident.core.detect.profile;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.detect.ShareConfidence;
import dev.evident.core.detect.catalog.AntiPattern;
import dev.evident.core.detect.catalog.PatternCatalog;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Impact;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.Share;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.evident.core.model.JavaFrameNames.shortName;

/**
 * Names the known cause behind hot code: matches the calls of each heavy application method
 * against the anti-pattern catalog ({@link PatternCatalog}) and reports the cause with a fix and an
 * example written from the real names. Its finding about a method's main pattern has the same key
 * as the {@code hot-method} finding about that method and words the merged finding.
 */
public final class HotCodePatternDetector implements Detector {
    private final PatternCatalog catalog;

    public HotCodePatternDetector() {
        this(PatternCatalog.load());
    }

    public HotCodePatternDetector(PatternCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return "hot-code-pattern";
    }

    @Override
    public int precedence() {
        return 1;
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Profile profile : evidence.profiles()) {
            for (int column = 0; column < profile.metrics().size(); column++) {
                detect(profile, column, evidence, context, findings);
            }
        }
        return findings;
    }

    /** The stacks of one method that show one pattern. */
    private static final class Hit {
        final AntiPattern pattern;
        String marker;
        long markerWeight;
        int line;
        long weight;
        double count;
        long inferredOwnWeight;

        Hit(AntiPattern pattern) {
            this.pattern = pattern;
        }
    }

    private void detect(Profile profile, int column, EvidenceSet evidence, AnalysisContext context, List<Finding> out) {
        Metric metric = profile.metrics().get(column);
        CallSiteAttribution attribution = context.attribution(profile, column);
        boolean dropIdle = HotMethodDetector.dropsIdle(metric.kind());
        long total = 0;
        long totalCount = 0;
        for (CallSite site : attribution.sites()) {
            if (!(dropIdle && site.idle())) {
                total += site.weight();
                totalCount += site.count();
            }
        }
        if (total <= 0 || totalCount <= 0) {
            return;
        }
        String what = MetricText.weight(metric) + (dropIdle ? " (idle waiting excluded)" : "");
        for (SiteGroup group : SiteGroup.byAnchor(attribution.sites(), dropIdle)) {
            if (group.isRuntime()) {
                continue;
            }
            List<Hit> hits = hits(group, metric.kind());
            for (int rank = 0; rank < hits.size(); rank++) {
                Hit hit = hits.get(rank);
                long events = Math.round(hit.count);
                Share share = Share.of(hit.weight, total, totalCount);
                Magnitude magnitude = Magnitude.of(metric.kind(), metric.unit(), hit.weight, profile, evidence);
                int score = Math.min(ProfileThresholds.SHARE_CURVE.scoreInt(share.low()), magnitude.scoreLimit());
                if (score < ProfileThresholds.REPORT_MIN_SCORE.value() || events < ProfileThresholds.REPORT_MIN_EVENTS.value()) {
                    continue;
                }
                // The main pattern words the method's hot-method finding (same key) only when it explains
                // at least half of the method's weight; a minor pattern must not replace the larger picture.
                boolean speaksForMethod = rank == 0 && hit.weight * 2 >= group.weight();
                String key = metric.kind().id() + "|" + group.key() + (speaksForMethod ? "" : "|" + hit.pattern.id());
                out.add(finding(profile, metric, group, hit, share, score, magnitude, what, key));
            }
        }
    }

    /** Patterns found in one method's calls, heaviest first. */
    private List<Hit> hits(SiteGroup group, MetricKind metric) {
        Map<String, Hit> byPattern = new LinkedHashMap<>();
        for (CallSite site : group.sites()) {
            PatternCatalog.Match m = catalog.match(site, metric, group.sites());
            if (m == null) {
                continue;
            }
            Hit hit = byPattern.computeIfAbsent(m.pattern().id(), id -> new Hit(m.pattern()));
            hit.weight += m.weight();
            hit.count += site.count() * ((double) m.weight() / Math.max(1, site.weight()));
            if (m.weight() > hit.markerWeight) {
                hit.marker = m.marker();
                hit.markerWeight = m.weight();
                hit.line = site.anchorLine();
            }
        }
        if (metric == MetricKind.CPU || metric == MetricKind.WALL) {
            // The JDK recorder charges inlined callees to the caller's own line; when the method's
            // own code dominates around one callee, that callee's pattern gets the own-code weight.
            GroupShape shape = GroupShape.of(group);
            GroupShape.Callee callee = shape.likelyInlinedCallee(group.weight());
            if (callee != null) {
                for (CallSite site : group.sites()) {
                    PatternCatalog.Match m = callee.name().equals(site.entry())
                            ? catalog.match(site, metric, group.sites()) : null;
                    if (m != null) {
                        Hit hit = byPattern.get(m.pattern().id());
                        long own = shape.ownWeight();
                        long ownCount = ownCount(group);
                        hit.weight += own;
                        hit.count += ownCount;
                        hit.inferredOwnWeight += own;
                        break;
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>(byPattern.values());
        hits.sort(Comparator.comparingLong((Hit h) -> h.weight).reversed().thenComparing(h -> h.pattern.id()));
        return hits;
    }

    private static long ownCount(SiteGroup group) {
        long c = 0;
        for (CallSite s : group.sites()) {
            if (s.entry() == null) {
                c += s.count();
            }
        }
        return c;
    }

    private Finding finding(Profile profile, Metric metric, SiteGroup group, Hit hit, Share share, int score,
                            Magnitude magnitude, String what, String key) {
        AntiPattern p = hit.pattern;
        String pct = Fmt.percent(share.value());
        String markerShort = shortName(hit.marker);
        int line = hit.line > 0 ? hit.line : group.anchorLine();
        CallSite.Leaf lockType = metric.kind() == MetricKind.LOCK ? HotMethodDetector.topTypeLeaf(group) : null;
        String title = lockType != null
                ? shortName(group.anchor()) + ": " + p.cause() + " — threads wait for "
                        + JavaFrameNames.simpleTypeName(lockType.name()) + " at " + markerShort + ": " + pct + " of " + what
                : shortName(group.anchor()) + ": " + p.cause() + " (" + markerShort + ") takes " + pct + " of " + what;

        StringBuilder explanation = new StringBuilder(group.anchor())
                .append(line > 0 ? " (line " + line + ")" : "").append(" spends ").append(pct).append(" of the ")
                .append(what).append(" in ").append(profile.source()).append(" in stacks through ").append(hit.marker)
                .append(" (95% interval ").append(Fmt.interval(share.low(), share.high())).append("). ")
                .append(p.explanation());
        if (hit.inferredOwnWeight > 0) {
            explanation.append(" This includes ").append(Fmt.percent((double) hit.inferredOwnWeight / share.whole()))
                    .append(" that the JDK recorder charged to ").append(shortName(group.anchor()))
                    .append("'s own code around its calls to ").append(markerShort)
                    .append(" (the JIT inlined them; async-profiler attributes such time exactly).");
        }
        if (!magnitude.statement().isEmpty()) {
            explanation.append(" Magnitude: ").append(magnitude.statement()).append('.');
        }

        Confidence confidence = ShareConfidence.of(share, MetricText.events(metric));
        if (!magnitude.known()) {
            confidence = ShareConfidence.capped(confidence, Confidence.Level.MEDIUM, magnitude.statement());
        }
        if (hit.inferredOwnWeight * 2 > hit.weight) {
            confidence = ShareConfidence.capped(confidence, Confidence.Level.MEDIUM,
                    "most of the weight is inferred from the JDK recorder's attribution of inlined code");
        }

        List<Quantity> values = new ArrayList<>();
        values.add(Quantity.of("share", share.value() * 100, "%"));
        values.add(Quantity.of("share_ci_low", share.low() * 100, "%"));
        values.add(Quantity.of("share_ci_high", share.high() * 100, "%"));
        values.add(Quantity.of("weight", hit.weight, MetricText.unit(metric)));
        values.add(Quantity.of("total", share.whole(), MetricText.unit(metric)));
        if (line > 0) {
            values.add(Quantity.of("line", line, "line"));
        }
        StringBuilder statement = new StringBuilder(group.anchor()).append(line > 0 ? " (line " + line + ")" : "")
                .append(": ").append(pct).append(" of ").append(what).append(" (")
                .append(MetricText.amountOf(metric, hit.weight, share.whole())).append("; 95% CI ")
                .append(Fmt.interval(share.low(), share.high())).append(") in stacks through ").append(hit.marker)
                .append(", matching pattern ").append(p.id()).append(" (").append(p.cause()).append(')');
        if (hit.inferredOwnWeight > 0) {
            double inferred = (double) hit.inferredOwnWeight / share.whole();
            statement.append("; of which ").append(Fmt.percent(inferred))
                    .append(" is the method's own code charged by the JDK recorder around those calls");
            values.add(Quantity.of("inferred own code", inferred * 100, "%"));
        }
        if (magnitude.known() && !magnitude.statement().isEmpty()) {
            statement.append("; ").append(magnitude.statement());
            values.addAll(magnitude.values());
        }
        Evidence fact = new Evidence(null, "hot-code-pattern|" + profile.source() + "|" + metric.id() + "|"
                + group.key() + "|" + p.id(), "hot-code-pattern", statement.toString(), values, profile.source(), metric.id());

        Templates t = new Templates(group.anchor(), line, hit.marker, pct);
        // time waiting for another system: that system's findings carry the cause and the fix
        boolean waiting = p.waitsFor() != null;
        return new Finding(null, key, id(), waiting ? p.waitsFor() : metric.kind().category(), title,
                waiting ? Math.min(score, CONTEXT_MAX_SCORE) : score, confidence, Math.round(hit.count),
                List.of(fact), explanation.toString(), t.fill(p.fix()), p.example().isBlank() ? null : t.fill(p.example()),
                p.remedy(), new Impact(what + " in " + profile.source(), metric.kind().isTime(), share.value(), share.low(), share.high(), fact.key()), null);
    }

    /** Fills a pattern's placeholders from the evidence. */
    record Templates(String anchor, int line, String marker, String share) {
        String fill(String template) {
            String className = JavaFrameNames.className(anchor);
            String simpleClass = className.substring(className.lastIndexOf('.') + 1);
            String method = anchor.substring(anchor.lastIndexOf('.') + 1);
            return template.replace("{anchorShort}", shortName(anchor))
                    .replace("{anchor}", anchor)
                    .replace("{class}", simpleClass)
                    .replace("{method}", method)
                    .replace("{line}", line > 0 ? " (line " + line + ")" : "")
                    .replace("{marker}", shortName(marker))
                    .replace("{share}", share);
        }
    }
}
