package dev.evident.core.detect.profile;

import java.util.List;

/**
 * Weight grouped by the code that is responsible for it.
 *
 * @param anchor   the nearest application frame above the weight (where a fix would go), or the
 *                 nearest library frame when the stack has no application frame, or {@code null}
 *                 for stacks that never leave the runtime (see {@code subsystem})
 * @param entry    the first non-application frame the anchor calls on the way to the weight
 *                 (e.g. {@code java.util.ArrayList.contains}), or {@code null} when the anchor's
 *                 own code is where the weight lands
 * @param subsystem for runtime-only stacks, what part of the runtime: "garbage collector",
 *                 "JIT compiler", ... ; otherwise {@code null}
 * @param anchorLine the source line in the anchor (the call site, or the executing line for its
 *                 own code), or 0 when the format has no lines
 * @param weight   summed self weight
 * @param count    number of events behind {@code weight}
 * @param leaves   the self frames inside this site, heaviest first
 * @param idle     true when the threads were waiting for work (sleeping, parked in an idle pool,
 *                 blocked in the kernel without application code): relevant for wall-clock only
 * @param chain    every frame name between the anchor (excluded) and the leaf (included), with the
 *                 weight of the stacks that pass through it: what the anchor's call actually does,
 *                 for matching known patterns ({@code Pattern.compile} under {@code String.matches});
 *                 sorted by name, so that whatever walks it (and breaks ties by the first it meets)
 *                 gives the same answer on every run
 */
public record CallSite(
        String anchor,
        String entry,
        String subsystem,
        int anchorLine,
        long weight,
        long count,
        List<Leaf> leaves,
        boolean idle,
        java.util.Map<String, Long> chain) {

    public CallSite {
        leaves = List.copyOf(leaves);
        // not Map.copyOf: its iteration order changes from one JVM run to the next
        chain = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(chain));
    }

    /** Weight of the stacks in this site that pass through a frame of this name (0 if none). */
    public long chainWeight(String frameName) {
        return chain.getOrDefault(frameName, 0L);
    }

    /** A frame holding self weight inside a call site. For allocation and lock data: a type. */
    public record Leaf(String name, boolean type, long weight, long count) {
    }

    /** A stable identity for this site, used in evidence and finding keys. */
    public String key() {
        String base = anchor == null ? "runtime:" + subsystem
                : anchor + (anchorLine > 0 ? ":" + anchorLine : "") + (entry == null ? "" : " -> " + entry);
        return idle ? base + " (idle)" : base;
    }

    public Leaf topLeaf() {
        return leaves.isEmpty() ? null : leaves.get(0);
    }
}
