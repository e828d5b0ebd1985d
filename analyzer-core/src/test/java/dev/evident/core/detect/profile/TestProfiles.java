package dev.evident.core.detect.profile;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.TimeWindow;

import java.util.List;
import java.util.Map;

/**
 * Builds small profiles from "frame;frame;leaf weight" lines for unit tests of detector logic.
 * Frames with "::" are JVM frames, "[T]" marks a type leaf, ":N" a line; everything else is Java.
 * Readers are tested on real recordings; these fixtures only pin down the arithmetic.
 */
final class TestProfiles {
    private TestProfiles() {
    }

    static Profile of(Metric metric, TimeWindow window, String... lines) {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            long weight = Long.parseLong(line.substring(space + 1));
            int node = CallTree.ROOT;
            for (String frame : line.substring(0, space).split(";")) {
                node = tree.child(node, intern(frames, frame));
            }
            long count = metric.unit() == dev.evident.core.model.Unit.SAMPLES ? weight : Math.max(1, weight / 1_000_000);
            tree.addSelf(node, 0, weight, count);
        }
        tree.finish();
        return new Profile("test.profile", frames, tree, List.of(metric), null, window, Map.of());
    }

    static Profile of(Metric metric, String... lines) {
        return of(metric, null, lines);
    }

    private static int intern(FrameTable frames, String frame) {
        if (frame.startsWith("[T]")) {
            return frames.intern(frame.substring(3), FrameKind.TYPE);
        }
        if (frame.contains("::")) {
            return frames.intern(frame, FrameKind.JVM);
        }
        int colon = frame.lastIndexOf(':');
        if (colon > 0) {
            return frames.intern(frame.substring(0, colon), FrameKind.JAVA, Integer.parseInt(frame.substring(colon + 1)));
        }
        return frames.intern(frame, FrameKind.JAVA);
    }
}
