package dev.evident.core.detect.profile;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.detect.ShareConfidence;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.stats.Share;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

import static dev.evident.core.model.JavaFrameNames.shortName;

/**
 * The heaviest root-to-leaf path of each metric: from the root, always step into the child with
 * the largest inclusive weight. The path shows how the program gets to its hot spot; the finding
 * is about the deepest application frame on it, so it merges with the {@code hot-method} finding
 * about the same method.
 */
public final class HotPathDetector implements Detector {

    @Override
    public String id() {
        return "hot-path";
    }

    /** A path only says where the weight flows; the call-site and pattern views word merged findings. */
    @Override
    public int precedence() {
        return -1;
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Profile profile : evidence.profiles()) {
            for (int column = 0; column < profile.metrics().size(); column++) {
                Finding f = detect(profile, column, evidence, context);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings;
    }

    private Finding detect(Profile profile, int column, EvidenceSet evidence, AnalysisContext context) {
        Metric metric = profile.metrics().get(column);
        if (metric.kind() == MetricKind.EXCEPTION) {
            return null; // see HotMethodDetector
        }
        CallTree tree = profile.tree();
        FrameTable frames = profile.frames();
        FrameClassifier classifier = context.classifier(profile);
        boolean dropIdle = HotMethodDetector.dropsIdle(metric.kind());
        long[][] totals = inclusive(tree, dropIdle ? IdleFrames.idleSelf(tree, frames, classifier) : null, column);
        long[] weight = totals[0];
        long[] count = totals[1];
        long rootWeight = weight[CallTree.ROOT];
        long rootCount = count[CallTree.ROOT];
        if (rootWeight <= 0 || rootCount <= 0) {
            return null;
        }
        int[] heaviestChild = heaviestChildren(tree, frames, weight);
        List<Integer> path = new ArrayList<>();
        for (int n = heaviestChild[CallTree.ROOT]; n > 0; n = heaviestChild[n]) {
            path.add(n);
        }
        int anchor = -1;
        for (int n : path) {
            if (classifier.isApplication(tree.frame(n))) {
                anchor = n;
            }
        }
        String what = MetricText.weight(metric) + (dropIdle ? " (idle waiting excluded)" : "");
        Evidence fact = evidence(profile, metric, path, anchor, weight, rootWeight, rootCount, what, classifier);
        if (anchor < 0) {
            context.note(fact);
            return null;
        }
        Share share = Share.of(weight[anchor], rootWeight, rootCount);
        Magnitude magnitude = Magnitude.of(metric.kind(), metric.unit(), weight[anchor], profile, evidence);
        int score = (int) Math.round(Math.min(ProfileThresholds.SHARE_CURVE.score(share.low())
                * ProfileThresholds.PATH_SCORE_FACTOR.value(), magnitude.scoreLimit()));
        if (score < ProfileThresholds.REPORT_MIN_SCORE.value()
                || count[anchor] < ProfileThresholds.REPORT_MIN_EVENTS.value()) {
            context.note(fact);
            return null;
        }
        String anchorName = frames.name(tree.frame(anchor));
        int anchorLine = frames.line(tree.frame(anchor));
        String title = "Heaviest path in " + what + " runs through " + frames.frame(tree.frame(anchor)).shortLabel()
                + " (" + Fmt.percent(share.value()) + ")";
        String explanation = "Following the heaviest branch at every level, " + Fmt.percent(share.value())
                + " of the " + what + " in " + profile.source() + " pass through " + anchorName
                + (anchorLine > 0 ? " at line " + anchorLine : "") + "; the path below it is where that weight is spent.";
        String fix = "Start with " + shortName(anchorName) + ": it is the deepest application method on the "
                + "heaviest path, so changes there reach the largest share of " + what + ".";
        var confidence = ShareConfidence.of(share, MetricText.events(metric));
        if (!magnitude.known()) {
            confidence = ShareConfidence.capped(confidence, dev.evident.core.model.Confidence.Level.MEDIUM,
                    magnitude.statement());
        }
        return new Finding(null, metric.kind().id() + "|" + anchorName, id(), metric.kind().category(), title, score,
                confidence, share.events(), List.of(fact), explanation, fix, null);
    }

    /** Inclusive weight and count per node, leaving out idle self weight when {@code idle} is given. */
    static long[][] inclusive(CallTree tree, boolean[] idle, int column) {
        int size = tree.size();
        long[] weight = new long[size];
        long[] count = new long[size];
        for (int n = 1; n < size; n++) {
            if (idle == null || !idle[n]) {
                weight[n] = tree.selfWeight(column, n);
                count[n] = tree.selfCount(column, n);
            }
        }
        for (int n = size - 1; n > 0; n--) {
            weight[tree.parent(n)] += weight[n];
            count[tree.parent(n)] += count[n];
        }
        return new long[][] {weight, count};
    }

    /** For every node, its child with the largest weight (ties: smaller frame name), or -1. */
    private static int[] heaviestChildren(CallTree tree, FrameTable frames, long[] weight) {
        int size = tree.size();
        int[] best = new int[size];
        java.util.Arrays.fill(best, -1);
        for (int n = 1; n < size; n++) {
            if (weight[n] <= 0) {
                continue;
            }
            int p = tree.parent(n);
            int current = best[p];
            if (current < 0 || weight[n] > weight[current]
                    || (weight[n] == weight[current]
                        && frames.name(tree.frame(n)).compareTo(frames.name(tree.frame(current))) < 0)) {
                best[p] = n;
            }
        }
        return best;
    }

    private Evidence evidence(Profile profile, Metric metric, List<Integer> path, int anchor, long[] weight,
                              long rootWeight, long rootCount, String what, FrameClassifier classifier) {
        CallTree tree = profile.tree();
        FrameTable frames = profile.frames();
        List<Quantity> values = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        boolean elided = false;
        for (int i = 0; i < path.size(); i++) {
            int n = path.get(i);
            int f = tree.frame(n);
            boolean app = classifier.isApplication(f);
            boolean afterApp = i > 0 && classifier.isApplication(tree.frame(path.get(i - 1)));
            boolean last = i == path.size() - 1;
            boolean first = i == 0;
            if (app || afterApp || last || first || n == anchor) {
                if (elided) {
                    shown.add("…");
                    elided = false;
                }
                double share = (double) weight[n] / rootWeight;
                String name = frames.name(f);
                String label = app ? frames.frame(f).shortLabel() : shortName(name);
                shown.add(label + " " + Fmt.percent(share));
                values.add(Quantity.of(name, share * 100, "%"));
            } else {
                elided = true;
            }
        }
        String statement = "Heaviest path in " + what + " (" + MetricText.amount(metric, rootWeight)
                + (metric.unit() == dev.evident.core.model.Unit.SAMPLES ? "" : " from " + Fmt.count(rootCount) + " events")
                + "): " + String.join(" → ", shown);
        String key = "hot-path|" + profile.source() + "|" + metric.id();
        return new Evidence(null, key, "hot-path", statement, values, profile.source(), metric.id());
    }
}
