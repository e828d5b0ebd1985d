package dev.evident.core.detect.profile;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.detect.ShareConfidence;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.Impact;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.Share;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.evident.core.model.JavaFrameNames.shortName;
import static dev.evident.core.model.JavaFrameNames.simpleTypeName;

/**
 * For every profile and metric: which application methods hold the most weight, counting what
 * they spend inside the JDK and libraries they call. One finding per heavy method, naming the
 * call it spends its weight in and the leaf frames (or, for allocation and lock data, the types).
 */
public final class HotMethodDetector implements Detector {
    static final int EVIDENCE_SITES = 3;
    static final int EVIDENCE_LEAVES = 3;

    @Override
    public String id() {
        return "hot-method";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Profile profile : evidence.profiles()) {
            for (int column = 0; column < profile.metrics().size(); column++) {
                findings.addAll(detect(profile, column, evidence, context));
            }
        }
        return findings;
    }

    /**
     * Wall-clock samples include threads waiting for work, lock data includes parks of idle threads
     * (a pool waiting for tasks, a main thread awaiting a latch), and native-method samples include
     * threads blocked in a selector waiting for connections (an HTTP server's dispatcher): none of
     * them is a problem.
     */
    static boolean dropsIdle(MetricKind kind) {
        return kind == MetricKind.WALL || kind == MetricKind.LOCK || kind == MetricKind.NATIVE;
    }

    private List<Finding> detect(Profile profile, int column, EvidenceSet evidence, AnalysisContext context) {
        Metric metric = profile.metrics().get(column);
        if (metric.kind() == MetricKind.EXCEPTION) {
            return List.of(); // the exceptions detector reports creation sites together with the rate
        }
        CallSiteAttribution attribution = context.attribution(profile, column);
        boolean dropIdle = dropsIdle(metric.kind());
        long total = attribution.totalWeight();
        long totalCount = attribution.totalCount();
        if (dropIdle) {
            for (CallSite site : attribution.sites()) {
                if (site.idle()) {
                    total -= site.weight();
                    totalCount -= site.count();
                }
            }
        }
        if (total <= 0 || totalCount <= 0) {
            return List.of();
        }
        String what = MetricText.weight(metric) + (dropIdle ? " (idle waiting excluded)" : "");
        List<Finding> findings = new ArrayList<>();
        for (SiteGroup group : SiteGroup.byAnchor(attribution.sites(), dropIdle)) {
            if (findings.size() >= context.options().maxFindingsPerDetector()) {
                break;
            }
            Share share = Share.of(group.weight(), total, totalCount);
            int shareScore = ProfileThresholds.SHARE_CURVE.scoreInt(share.low());
            Magnitude magnitude = Magnitude.of(metric.kind(), metric.unit(), group.weight(), profile, evidence);
            int score = Math.min(shareScore, magnitude.scoreLimit());
            if (score < ProfileThresholds.REPORT_MIN_SCORE.value()
                    || group.count() < ProfileThresholds.REPORT_MIN_EVENTS.value()) {
                break; // groups are sorted by weight, so the rest score lower still
            }
            findings.add(new Subject(profile, metric, group, share, magnitude, what).finding(id(), score));
        }
        return findings;
    }

    /** One heavy method in one metric of one profile, and how to describe it. */
    private static final class Subject {
        final Profile profile;
        final Metric metric;
        final SiteGroup group;
        final Share share;
        final Magnitude magnitude;
        final String what;
        final GroupShape shape;
        final GroupShape.Callee via;
        final GroupShape.Callee inlined;
        final CallSite.Leaf typeLeaf;
        final String anchor;

        Subject(Profile profile, Metric metric, SiteGroup group, Share share, Magnitude magnitude, String what) {
            this.profile = profile;
            this.metric = metric;
            this.group = group;
            this.share = share;
            this.magnitude = magnitude;
            this.what = what;
            this.shape = GroupShape.of(group);
            this.via = shape.dominantCallee(group.weight(), ProfileThresholds.DOMINANT_CALLEE.value());
            this.inlined = via == null && (metric.kind() == MetricKind.CPU || metric.kind() == MetricKind.WALL)
                    ? shape.likelyInlinedCallee(group.weight()) : null;
            this.typeLeaf = topTypeLeaf(group);
            this.anchor = group.isRuntime() ? RuntimeSubsystems.label(group.subsystem()) : shortName(group.anchor());
        }

        Finding finding(String detector, int score) {
            Confidence confidence = ShareConfidence.of(share, MetricText.events(metric));
            if (!magnitude.known()) {
                confidence = ShareConfidence.capped(confidence, Confidence.Level.MEDIUM, magnitude.statement());
            }
            Evidence fact = evidence();
            return new Finding(null, metric.kind().id() + "|" + group.key(), detector, metric.kind().category(),
                    title(), score, confidence, share.events(), List.of(fact), explanation(), fix(), null,
                    group.isRuntime() ? null : remedy(metric.kind()),
                    new Impact(what + " in " + profile.source(), metric.kind().isTime(), share.value(), share.low(), share.high(), fact.key()), null);
        }

        /** The generic fix type for a concentration in this metric; a catalog pattern names a specific one. */
        private static String remedy(MetricKind kind) {
            return switch (kind) {
                case LOCK -> "narrow-lock";
                case ALLOCATION -> "reduce-allocation";
                case HEAP -> "reduce-retained-memory";
                case EXCEPTION -> null; // the exception findings carry the fix
                default -> "optimize-code";
            };
        }

        private String title() {
            String pct = Fmt.percent(share.value());
            return switch (metric.kind()) {
                case LOCK -> "Threads wait for " + (typeLeaf != null ? simpleTypeName(typeLeaf.name()) : "a lock")
                        + " in " + anchor + (via != null ? " → " + shortName(via.name()) : "") + ": " + pct + " of " + what;
                case HEAP -> anchor + " holds " + pct + " of " + what
                        + (via != null ? " via " + shortName(via.name()) : "");
                case ALLOCATION -> anchor + " allocates " + pct + " of " + what
                        + (via != null ? " via " + shortName(via.name()) : "")
                        + (typeLeaf != null ? ", mostly " + simpleTypeName(typeLeaf.name()) : "");
                default -> anchor + " takes " + pct + " of " + what
                        + (via != null ? " in " + shortName(via.name())
                        : inlined != null ? ", mostly around its calls to " + shortName(inlined.name()) : "");
            };
        }

        private String where() {
            return group.isRuntime() ? "the " + RuntimeSubsystems.label(group.subsystem())
                    : group.anchor() + (group.anchorLine() > 0 ? " (line " + group.anchorLine() + ")" : "");
        }

        private String explanation() {
            StringBuilder s = new StringBuilder(where()).append(" accounts for ").append(Fmt.percent(share.value()))
                    .append(" of the ").append(what).append(" in ").append(profile.source())
                    .append(" (95% interval ").append(Fmt.interval(share.low(), share.high())).append(')');
            if (via != null) {
                s.append(", ").append(Fmt.percent((double) via.weight() / group.weight()))
                        .append(" of it inside ").append(via.name())
                        .append(via.line() > 0 ? " called at line " + via.line() : "");
            } else if (inlined != null) {
                s.append(". Of its samples, ").append(Fmt.percent((double) shape.ownWeight() / group.weight()))
                        .append(" land in its own code")
                        .append(shape.hottestLine() > 0 ? " (mostly line " + shape.hottestLine() + ")" : "")
                        .append(" and ").append(Fmt.percent((double) shape.calleeWeight() / group.weight()))
                        .append(" inside methods it calls, of which ").append(inlined.name()).append(" takes ")
                        .append(Fmt.percent((double) inlined.weight() / shape.calleeWeight()))
                        .append(". The JIT inlines such callees, and the JDK recorder then charges their time to the "
                                + "caller's loop, typically its closing line where the safepoint poll sits; so the cost "
                                + "is most likely ").append(shortName(inlined.name()))
                        .append(". A CPU profile from async-profiler attributes it exactly");
            }
            if (!magnitude.statement().isEmpty()) {
                s.append("; ").append(magnitude.statement());
            }
            return s.append('.').toString();
        }

        private String fix() {
            if (group.isRuntime()) {
                return switch (group.subsystem()) {
                    case "garbage collector" -> "The garbage collector itself is busy: reduce the allocation rate "
                            + "(see the allocation findings) or give the heap more room, then compare GC time again.";
                    case "JIT compiler" -> "The JIT compiler is busy, which is normal during warm-up: profile a longer, "
                            + "steady-state window before optimizing, or check for deoptimization loops.";
                    case RuntimeSubsystems.GO_GC -> "The Go garbage collector itself is busy: allocate less on the hot "
                            + "paths (see the allocation findings), or raise GOGC / set GOMEMLIMIT so it runs less "
                            + "often, then compare GC CPU again.";
                    case RuntimeSubsystems.V8_GC -> "V8's garbage collector is busy: allocate fewer short-lived "
                            + "objects and strings on the hot paths, then compare GC time again.";
                    default -> "This time is spent inside the runtime (" + RuntimeSubsystems.label(group.subsystem())
                            + "), not in application code; look at the runtime findings before changing code.";
                };
            }
            GroupShape.Callee callee = via != null ? via : inlined;
            String where = shortName(group.anchor()) + (callee != null && callee.line() > 0 ? " (line " + callee.line() + ")"
                    : group.anchorLine() > 0 ? " (line " + group.anchorLine() + ")" : "");
            String through = callee != null ? " through " + shortName(callee.name()) : "";
            return switch (metric.kind()) {
                case LOCK -> "Shorten or remove the critical section on "
                        + (typeLeaf != null ? typeLeaf.name() : "this lock") + " in " + where
                        + ": move work that does not need the lock out of it, "
                        + (anchorIsJava() ? "switch to a concurrent structure (for a map: ConcurrentHashMap with "
                        + "per-key compute), or split the lock" : "split the lock (one per key range), or let each "
                        + "worker accumulate privately and merge once") + ". Then compare lock wait and throughput "
                        + "before and after.";
                case ALLOCATION -> "Cut what " + where + " allocates" + through
                        + ": reuse buffers and builders, keep primitives out of boxed collections, and stream "
                        + "results instead of materializing them. Then compare allocation rate and GC time.";
                case HEAP -> "Reduce what " + where + " keeps alive" + through
                        + ": bound caches and buffers, drop references once used, and store compact values "
                        + "instead of whole objects. Then compare in-use heap between two profiles taken apart in time.";
                case WALL -> "Most of the non-idle time of " + where + " is spent" + through
                        + "; if that is waiting (I/O, locks, remote calls), reduce the number of waits or make "
                        + "them concurrent; if it is computation, see the CPU findings.";
                default -> "Make " + where + " do less work" + through
                        + ": call it fewer times (hoist it out of loops, cache results) or replace it with a "
                        + "cheaper operation or data structure, then profile again to confirm the share drops.";
            };
        }

        /** Whether the anchor is JVM code, for fixes that name JDK classes. */
        private boolean anchorIsJava() {
            for (int i = 0; i < profile.frames().size(); i++) {
                if (profile.frames().name(i).equals(group.anchor())) {
                    return profile.frames().kind(i) == dev.evident.core.model.FrameKind.JAVA;
                }
            }
            return true;
        }

        private Evidence evidence() {
            List<Quantity> values = new ArrayList<>();
            values.add(Quantity.of("share", share.value() * 100, "%"));
            values.add(Quantity.of("share_ci_low", share.low() * 100, "%"));
            values.add(Quantity.of("share_ci_high", share.high() * 100, "%"));
            values.add(Quantity.of("weight", group.weight(), MetricText.unit(metric)));
            values.add(Quantity.of("total", share.whole(), MetricText.unit(metric)));
            values.add(Quantity.of("events", group.count(), "events"));

            StringBuilder s = new StringBuilder(group.isRuntime() ? RuntimeSubsystems.label(group.subsystem()) : group.anchor());
            s.append(": ").append(Fmt.percent(share.value())).append(" of ").append(what).append(" (")
                    .append(MetricText.amountOf(metric, group.weight(), share.whole())).append("; 95% CI ")
                    .append(Fmt.interval(share.low(), share.high())).append(')');

            List<String> parts = new ArrayList<>();
            if (shape.ownWeight() > 0) {
                double own = (double) shape.ownWeight() / share.whole();
                parts.add("its own code " + Fmt.percent(own)
                        + (shape.hottestLine() > 0 ? " (mostly line " + shape.hottestLine() + ")" : ""));
                values.add(Quantity.of("own code", own * 100, "%"));
                if (shape.hottestLine() > 0) {
                    values.add(Quantity.of("own code line", shape.hottestLine(), "line"));
                }
            }
            for (GroupShape.Callee c : shape.callees().subList(0, Math.min(EVIDENCE_SITES, shape.callees().size()))) {
                double callShare = (double) c.weight() / share.whole();
                parts.add(c.name() + (c.line() > 0 ? " (called at line " + c.line() + ")" : "") + " " + Fmt.percent(callShare));
                values.add(Quantity.of("via " + c.name(), callShare * 100, "%"));
                if (c.line() > 0) {
                    values.add(Quantity.of("line of " + c.name(), c.line(), "line"));
                }
            }
            if (inlined != null) {
                double ofCalls = (double) inlined.weight() / shape.calleeWeight();
                values.add(Quantity.of(inlined.name() + " share of calls", ofCalls * 100, "%"));
                parts.add(shortName(inlined.name()) + " is " + Fmt.percent(ofCalls) + " of the sampled calls");
            }
            s.append("; split: ").append(String.join(", ", parts));

            List<CallSite.Leaf> leaves = topLeaves(group);
            if (!leaves.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (CallSite.Leaf leaf : leaves) {
                    double leafShare = (double) leaf.weight() / share.whole();
                    names.add(leaf.name() + " " + Fmt.percent(leafShare));
                    values.add(Quantity.of((leaf.type() ? "type " : "self ") + leaf.name(), leafShare * 100, "%"));
                }
                boolean types = leaves.get(0).type();
                s.append("; ").append(types ? (metric.kind() == MetricKind.LOCK ? "lock types " : "allocated types ")
                        : "self time in ").append(String.join(", ", names));
            }
            if (magnitude.known() && !magnitude.statement().isEmpty()) {
                s.append("; ").append(magnitude.statement());
                values.addAll(magnitude.values());
            }
            String key = "hot-method|" + profile.source() + "|" + metric.id() + "|" + group.key();
            return new Evidence(null, key, "call-site", s.toString(), values, profile.source(), metric.id());
        }
    }

    static CallSite.Leaf topTypeLeaf(SiteGroup group) {
        for (CallSite.Leaf leaf : topLeaves(group)) {
            if (leaf.type()) {
                return leaf;
            }
        }
        return null;
    }

    /** The heaviest leaf frames of the group, merged over its sites. */
    private static List<CallSite.Leaf> topLeaves(SiteGroup group) {
        Map<String, CallSite.Leaf> merged = new HashMap<>();
        for (CallSite site : group.sites()) {
            for (CallSite.Leaf leaf : site.leaves()) {
                merged.merge(leaf.name(), leaf, (a, b) ->
                        new CallSite.Leaf(a.name(), a.type(), a.weight() + b.weight(), a.count() + b.count()));
            }
        }
        List<CallSite.Leaf> list = new ArrayList<>(merged.values());
        list.sort(Comparator.comparingLong(CallSite.Leaf::weight).reversed().thenComparing(CallSite.Leaf::name));
        return list.subList(0, Math.min(EVIDENCE_LEAVES, list.size()));
    }
}
