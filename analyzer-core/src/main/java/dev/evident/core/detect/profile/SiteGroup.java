package dev.evident.core.detect.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Call sites that share an anchor: everything one application method causes in one metric,
 * whichever library call it goes through.
 */
record SiteGroup(String key, String anchor, String subsystem, int anchorLine, long weight, long count,
                 List<CallSite> sites) {

    /** Groups sites by anchor, heaviest group first; idle sites are left out when asked. */
    static List<SiteGroup> byAnchor(List<CallSite> sites, boolean dropIdle) {
        Map<String, List<CallSite>> grouped = new LinkedHashMap<>();
        for (CallSite site : sites) {
            if (dropIdle && site.idle()) {
                continue;
            }
            String key = site.anchor() != null ? site.anchor() : "runtime:" + site.subsystem();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(site);
        }
        List<SiteGroup> groups = new ArrayList<>(grouped.size());
        grouped.forEach((key, list) -> {
            long weight = 0;
            long count = 0;
            int line = -1;
            for (CallSite s : list) {
                weight += s.weight();
                count += s.count();
                if (line == -1) {
                    line = s.anchorLine();
                } else if (line != s.anchorLine()) {
                    line = 0;
                }
            }
            CallSite first = list.get(0);
            groups.add(new SiteGroup(key, first.anchor(), first.subsystem(), Math.max(line, 0), weight, count,
                    List.copyOf(list)));
        });
        groups.sort(Comparator.comparingLong(SiteGroup::weight).reversed().thenComparing(SiteGroup::key));
        return groups;
    }

    boolean isRuntime() {
        return anchor == null;
    }
}
