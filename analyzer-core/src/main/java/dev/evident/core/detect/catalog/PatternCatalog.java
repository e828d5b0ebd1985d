package dev.evident.core.detect.catalog;

import dev.evident.core.detect.profile.CallSite;
import dev.evident.core.model.MetricKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every registered anti-pattern, and the matching of call sites against them. */
public final class PatternCatalog {
    private final List<AntiPattern> patterns;

    public PatternCatalog(List<AntiPattern> patterns) {
        this.patterns = patterns.stream().sorted(Comparator.comparing(AntiPattern::id)).toList();
    }

    public static PatternCatalog load() {
        List<AntiPattern> all = new ArrayList<>();
        ServiceLoader.load(PatternSet.class, PatternCatalog.class.getClassLoader()).forEach(s -> all.addAll(s.patterns()));
        return new PatternCatalog(all);
    }

    public List<AntiPattern> patterns() {
        return patterns;
    }

    /** A pattern found in a call site, and the weight of the stacks that show it. */
    public record Match(AntiPattern pattern, String marker, long weight) {
    }

    /**
     * The pattern that explains most of a call site's weight in this metric, if any. A pattern
     * counts when one of its markers lies on the call's chain (or is the call itself).
     */
    public Match match(CallSite site, MetricKind metric) {
        return match(site, metric, List.of(site));
    }

    /**
     * Like {@link #match(CallSite, MetricKind)}, with the other call sites of the same method, which
     * patterns with companions need (the logger call next to the eager formatting).
     */
    public Match match(CallSite site, MetricKind metric, List<CallSite> sameMethod) {
        Match best = null;
        for (AntiPattern p : patterns) {
            if (!p.metrics().contains(metric)) {
                continue;
            }
            if (!p.companions().isEmpty() && !hasCompanion(p, sameMethod)) {
                continue;
            }
            String marker = null;
            long weight = 0;
            if (site.entry() != null && p.marks(site.entry())) {
                marker = site.entry();
                weight = site.weight();
            }
            for (var e : site.chain().entrySet()) {
                if (e.getValue() > weight && p.marks(e.getKey())) {
                    marker = e.getKey();
                    weight = e.getValue();
                }
            }
            if (marker != null && (best == null || weight > best.weight())) {
                best = new Match(p, marker, weight);
            }
        }
        return best;
    }

    private static boolean hasCompanion(AntiPattern p, List<CallSite> sites) {
        for (CallSite s : sites) {
            if (s.entry() != null && p.accompaniedBy(s.entry())) {
                return true;
            }
            for (String frame : s.chain().keySet()) {
                if (p.accompaniedBy(frame)) {
                    return true;
                }
            }
        }
        return false;
    }
}
