package dev.evident.core.detect.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one method's weight splits: into its own code (by line) and into the calls it makes (by
 * callee). Used to name where inside a hot method the time goes.
 *
 * @param ownWeight   weight in the method's own code
 * @param hottestLine the line holding most of the own weight, 0 when unknown
 * @param hottestLineWeight own weight at that line
 * @param callees     weight per called method (the site entries), heaviest first
 */
record GroupShape(long ownWeight, int hottestLine, long hottestLineWeight, List<Callee> callees) {

    record Callee(String name, long weight, int line) {
    }

    static GroupShape of(SiteGroup group) {
        long own = 0;
        Map<Integer, Long> ownByLine = new HashMap<>();
        Map<String, long[]> byCallee = new HashMap<>();
        for (CallSite site : group.sites()) {
            if (site.entry() == null) {
                own += site.weight();
                ownByLine.merge(site.anchorLine(), site.weight(), Long::sum);
            } else {
                long[] wl = byCallee.computeIfAbsent(site.entry(), k -> new long[] {0, site.anchorLine(), 0});
                wl[0] += site.weight();
                if (site.weight() > wl[2]) { // remember the line of the heaviest call
                    wl[1] = site.anchorLine();
                    wl[2] = site.weight();
                }
            }
        }
        int line = 0;
        long lineWeight = 0;
        for (var e : ownByLine.entrySet()) {
            if (e.getValue() > lineWeight || (e.getValue() == lineWeight && e.getKey() < line)) {
                line = e.getKey();
                lineWeight = e.getValue();
            }
        }
        List<Callee> callees = new ArrayList<>();
        byCallee.forEach((name, wl) -> callees.add(new Callee(name, wl[0], (int) wl[1])));
        callees.sort(Comparator.comparingLong(Callee::weight).reversed().thenComparing(Callee::name));
        return new GroupShape(own, line, lineWeight, List.copyOf(callees));
    }

    long calleeWeight() {
        long sum = 0;
        for (Callee c : callees) {
            sum += c.weight();
        }
        return sum;
    }

    /** The callee that carries at least {@code fraction} of the whole group, if any. */
    Callee dominantCallee(long groupWeight, double fraction) {
        return !callees.isEmpty() && callees.get(0).weight() >= groupWeight * fraction ? callees.get(0) : null;
    }

    /**
     * When most samples sit in the method's own code but its calls are dominated by one callee,
     * that callee is the likely cost: the JDK recorder attributes the time of JIT-inlined callees
     * to the caller's loop (often its closing line, where the back-edge safepoint poll is).
     */
    Callee likelyInlinedCallee(long groupWeight) {
        if (callees.isEmpty() || ownWeight * 2 < groupWeight) {
            return null;
        }
        Callee top = callees.get(0);
        long calleeTotal = calleeWeight();
        boolean dominant = top.weight() >= calleeTotal * ProfileThresholds.INLINED_CALLEE_DOMINANCE.value();
        boolean visible = top.weight() >= groupWeight * ProfileThresholds.INLINED_CALLEE_MIN.value();
        return dominant && visible ? top : null;
    }
}
