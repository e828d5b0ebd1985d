package dev.evident.ingest;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;

/** Small queries over a profile's tree, for assertions in reader tests. */
public final class ProfileQueries {
    private ProfileQueries() {
    }

    /** Self weight of all frames with this name (any line), in one metric. */
    public static long selfWeight(Profile p, Metric metric, String frameName) {
        int column = p.column(metric);
        long sum = 0;
        CallTree tree = p.tree();
        for (int n = 1; n < tree.size(); n++) {
            if (p.frames().name(tree.frame(n)).equals(frameName)) {
                sum += tree.selfWeight(column, n);
            }
        }
        return sum;
    }

    /** Inclusive weight of all stacks passing through a frame name (counted once per stack). */
    public static long inclusiveWeight(Profile p, Metric metric, String frameName) {
        int column = p.column(metric);
        CallTree tree = p.tree();
        long sum = 0;
        for (int n = 1; n < tree.size(); n++) {
            long self = tree.selfWeight(column, n);
            if (self == 0) {
                continue;
            }
            for (int a = n; a > 0; a = tree.parent(a)) {
                if (p.frames().name(tree.frame(a)).equals(frameName)) {
                    sum += self;
                    break;
                }
            }
        }
        return sum;
    }

    public static boolean hasFrame(Profile p, String name, FrameKind kind) {
        for (int i = 0; i < p.frames().size(); i++) {
            if (p.frames().name(i).equals(name) && p.frames().kind(i) == kind) {
                return true;
            }
        }
        return false;
    }
}
