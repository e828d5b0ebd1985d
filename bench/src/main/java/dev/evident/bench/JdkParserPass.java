package dev.evident.bench;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alternative evident did not choose: one pass over a recording with the JDK's own parser
 * ({@code jdk.jfr.consumer.RecordingFile}), building the same call tree evident builds from the
 * same events. Run by {@link JfrIngestBench} to compare the two parsers on equal work.
 */
public final class JdkParserPass {
    private JdkParserPass() {
    }

    public static void main(String[] args) throws Exception {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(5);
        Map<RecordedStackTrace, Integer> stackNodes = new IdentityHashMap<>();
        long events = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                int column = switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> 0;
                    case "profiler.WallClockSample" -> 1;
                    case "jdk.NativeMethodSample" -> 2;
                    case "jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB" -> 3;
                    case "jdk.JavaMonitorEnter", "jdk.ThreadPark" -> 4;
                    default -> -1;
                };
                if (column < 0 || e.getStackTrace() == null) {
                    continue;
                }
                int node = stackNodes.computeIfAbsent(e.getStackTrace(), s -> walk(s, frames, tree));
                long weight = switch (column) {
                    case 3 -> e.hasField("weight") ? e.getLong("weight") : e.getLong("allocationSize");
                    case 4 -> e.getDuration().toNanos();
                    default -> 1;
                };
                if (column >= 3) {
                    RecordedClass type = e.getClass(column == 3 ? "objectClass" : e.hasField("monitorClass") ? "monitorClass" : "parkedClass");
                    node = tree.child(node, frames.intern(type == null ? "?" : type.getName(), FrameKind.TYPE));
                }
                tree.addSelf(node, column, weight, 1);
                events++;
            }
        }
        tree.finish();
        System.out.println("events=" + events + " nodes=" + tree.size() + " frames=" + frames.size());
    }

    private static int walk(RecordedStackTrace stack, FrameTable frames, CallTree tree) {
        List<RecordedFrame> list = stack.getFrames();
        int node = CallTree.ROOT;
        for (int i = list.size() - 1; i >= 0; i--) {
            RecordedFrame f = list.get(i);
            String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            node = tree.child(node, frames.intern(name, FrameKind.JAVA, Math.max(0, f.getLineNumber())));
        }
        return node;
    }
}
