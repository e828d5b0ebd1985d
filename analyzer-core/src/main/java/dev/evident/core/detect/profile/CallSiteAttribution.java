package dev.evident.core.detect.profile;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.model.Profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups one column's self weight by call site: the nearest application frame and the first
 * frame it calls outside the application. {@code ArrayList.indexOfRange} burning CPU under
 * {@code OrderDeduplicator.distinctCustomerIds -> ArrayList.contains} is reported as that pair,
 * because the call is what the user can change.
 *
 * <p>One forward pass over the tree: a child's id is always larger than its parent's, so each
 * node inherits its anchor from the already-visited parent.
 */
public final class CallSiteAttribution {
    private final List<CallSite> sites;
    private final long totalWeight;
    private final long totalCount;

    private CallSiteAttribution(List<CallSite> sites, long totalWeight, long totalCount) {
        this.sites = sites;
        this.totalWeight = totalWeight;
        this.totalCount = totalCount;
    }

    /** Call sites, heaviest first; ties broken by name so the order is deterministic. */
    public List<CallSite> sites() {
        return sites;
    }

    public long totalWeight() {
        return totalWeight;
    }

    public long totalCount() {
        return totalCount;
    }

    public static CallSiteAttribution compute(Profile profile, int column, FrameClassifier classifier) {
        CallTree tree = profile.tree();
        FrameTable frames = profile.frames();
        int size = tree.size();
        int[] anchor = new int[size];      // nearest application node, -1 if none
        int[] entry = new int[size];       // child of the anchor on the path, -1 if none
        int[] libAnchor = new int[size];   // nearest library node, for stacks without application code
        int[] libEntry = new int[size];
        boolean[] idle = IdleFrames.idleSelf(tree, frames, classifier);
        anchor[CallTree.ROOT] = -1;
        entry[CallTree.ROOT] = -1;
        libAnchor[CallTree.ROOT] = -1;
        libEntry[CallTree.ROOT] = -1;

        Map<String, Builder> byKey = new HashMap<>();
        for (int n = 1; n < size; n++) {
            int p = tree.parent(n);
            int f = tree.frame(n);
            boolean typeFrame = frames.kind(f) == FrameKind.TYPE;
            if (!typeFrame && classifier.isApplication(f)) {
                anchor[n] = n;
                entry[n] = -1;
            } else {
                anchor[n] = anchor[p];
                entry[n] = anchor[p] < 0 ? -1 : (entry[p] >= 0 ? entry[p] : glue(frames, f) ? -1 : n);
            }
            if (!typeFrame && classifier.isLibrary(f)) {
                libAnchor[n] = n;
                libEntry[n] = -1;
            } else {
                libAnchor[n] = libAnchor[p];
                libEntry[n] = libAnchor[p] < 0 ? -1 : (libEntry[p] >= 0 ? libEntry[p] : glue(frames, f) ? -1 : n);
            }

            long weight = tree.selfWeight(column, n);
            long count = tree.selfCount(column, n);
            if (weight == 0 && count == 0) {
                continue;
            }
            int a = anchor[n] >= 0 ? anchor[n] : libAnchor[n];
            int e = anchor[n] >= 0 ? entry[n] : libEntry[n];
            String anchorName = a >= 0 ? frames.name(tree.frame(a)) : null;
            String entryName = e >= 0 && frames.kind(tree.frame(e)) != FrameKind.TYPE ? frames.name(tree.frame(e)) : null;
            String subsystem = a >= 0 ? null : RuntimeSubsystems.of(tree, frames, n);
            boolean siteIdle = idle[n];
            int anchorLine = a >= 0 ? frames.line(tree.frame(a)) : 0;
            String key = (anchorName == null ? "runtime:" + subsystem : anchorName + ":" + anchorLine + "\u0000" + entryName)
                    + (siteIdle ? "\u0000idle" : "");
            Builder site = byKey.computeIfAbsent(key,
                    k -> new Builder(anchorName, anchorLine, entryName, subsystem, siteIdle));
            site.add(weight, count, frames.name(f), typeFrame);
            site.addChain(tree, frames, n, a, weight);
        }

        List<CallSite> sites = new ArrayList<>(byKey.size());
        for (Builder b : byKey.values()) {
            sites.add(b.build());
        }
        sites.sort(Comparator.comparingLong(CallSite::weight).reversed().thenComparing(CallSite::key));
        return new CallSiteAttribution(List.copyOf(sites),
                tree.totalWeight(column, CallTree.ROOT), tree.totalCount(column, CallTree.ROOT));
    }

    /** Glue frames (method handles, lambdas) are never the entry: the next real frame is. */
    private static boolean glue(FrameTable frames, int frameId) {
        return frames.kind(frameId) == FrameKind.JAVA && JavaFrameNames.isGlue(frames.name(frameId));
    }

    private static final class Builder {
        final String anchor;
        final int line;
        final String entry;
        final String subsystem;
        final boolean idle;
        long weight;
        long count;
        final Map<String, long[]> leaves = new HashMap<>();
        final Map<String, Long> chain = new HashMap<>();
        final Map<String, Boolean> leafIsType = new HashMap<>();

        Builder(String anchor, int line, String entry, String subsystem, boolean idle) {
            this.anchor = anchor;
            this.line = line;
            this.entry = entry;
            this.subsystem = subsystem;
            this.idle = idle;
        }

        void add(long w, long c, String leaf, boolean type) {
            weight += w;
            count += c;
            long[] lw = leaves.computeIfAbsent(leaf, k -> new long[2]);
            lw[0] += w;
            lw[1] += c;
            leafIsType.put(leaf, type);
        }

        /** Adds {@code weight} once to every distinct frame name between {@code anchor} and {@code node}. */
        void addChain(CallTree tree, FrameTable frames, int node, int anchorNode, long weight) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int n = node; n > 0 && n != anchorNode; n = tree.parent(n)) {
                String name = frames.name(tree.frame(n));
                if (seen.add(name)) {
                    chain.merge(name, weight, Long::sum);
                }
            }
        }

        CallSite build() {
            List<CallSite.Leaf> list = new ArrayList<>(leaves.size());
            leaves.forEach((name, wc) -> list.add(new CallSite.Leaf(name, leafIsType.get(name), wc[0], wc[1])));
            list.sort(Comparator.comparingLong(CallSite.Leaf::weight).reversed().thenComparing(CallSite.Leaf::name));
            return new CallSite(anchor, entry, subsystem, line, weight, count, list, idle, chain);
        }
    }
}
