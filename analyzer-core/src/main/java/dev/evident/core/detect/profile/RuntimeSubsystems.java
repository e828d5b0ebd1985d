package dev.evident.core.detect.profile;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameTable;

import java.util.List;

/**
 * Names the part of the runtime that owns a stack without application or library frames, e.g.
 * the garbage collector's worker threads in an async-profiler CPU profile.
 */
final class RuntimeSubsystems {

    private record Marker(String fragment, String subsystem) {
    }

    /** Checked from the outermost frame inwards; the first match names the subsystem. */
    private static final List<Marker> MARKERS = List.of(
            new Marker("CompileBroker", "JIT compiler"),
            new Marker("VMThread", "VM thread (safepoint operations)"),
            new Marker("GCTaskThread", "garbage collector"),
            new Marker("ConcurrentGCThread", "garbage collector"),
            new Marker("G1", "garbage collector"),
            new Marker("ParallelGC", "garbage collector"),
            new Marker("PSScavenge", "garbage collector"),
            new Marker("Shenandoah", "garbage collector"),
            new Marker("ZDriver", "garbage collector"),
            new Marker("WorkerThread::run", "garbage collector"),
            new Marker("SafepointSynchronize", "safepoints"),
            new Marker("MonitorDeflation", "monitor deflation"),
            new Marker("ServiceThread", "service thread"),
            new Marker("WatcherThread", "watcher thread"),
            new Marker("JfrRecorder", "Flight Recorder"),
            new Marker("Jfr", "Flight Recorder"),
            new Marker("Profiler::", "profiler"),
            new Marker("SystemDictionary", "class loading"),
            new Marker("ClassLoader::", "class loading"),
            new Marker("InterpreterRuntime", "interpreter"));

    private RuntimeSubsystems() {
    }

    static String of(CallTree tree, FrameTable frames, int node) {
        int[] path = tree.path(node);
        for (int frameId : path) {
            String name = frames.name(frameId);
            for (Marker marker : MARKERS) {
                if (name.contains(marker.fragment())) {
                    return marker.subsystem();
                }
            }
        }
        for (int frameId : path) {
            if (frames.kind(frameId) == dev.evident.core.model.FrameKind.JAVA) {
                return "JDK code (" + dev.evident.core.model.JavaFrameNames.shortName(frames.name(frameId)) + ")";
            }
        }
        return path.length == 0 ? "unknown" : "native code (" + frames.name(path[path.length - 1]) + ")";
    }
}
