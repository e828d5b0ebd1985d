package dev.evident.core.detect.profile;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
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

    /** Subsystems of other runtimes; their names say which runtime, so no "JVM" prefix is added. */
    static final String GO_GC = "Go garbage collector";
    static final String GO_SCHEDULER = "Go scheduler";
    static final String V8_GC = "V8 garbage collector";

    /** Exact frame names of Go's and V8's own threads and pseudo-frames. */
    private static final java.util.Map<String, String> OTHER_RUNTIMES = java.util.Map.ofEntries(
            java.util.Map.entry("runtime.gcBgMarkWorker", GO_GC),
            java.util.Map.entry("runtime.bgsweep", GO_GC),
            java.util.Map.entry("runtime.bgscavenge", GO_GC),
            java.util.Map.entry("runtime.gcStart", GO_GC),
            java.util.Map.entry("runtime.GC", GO_GC),
            java.util.Map.entry("runtime._GC", GO_GC),
            java.util.Map.entry("runtime.mstart", GO_SCHEDULER),
            java.util.Map.entry("runtime.mstart0", GO_SCHEDULER),
            java.util.Map.entry("runtime.sysmon", GO_SCHEDULER),
            java.util.Map.entry("runtime.schedule", GO_SCHEDULER),
            java.util.Map.entry("runtime._System", "Go runtime (system)"),
            java.util.Map.entry("runtime._ExternalCode", "Go runtime (external code)"),
            java.util.Map.entry("(garbage collector)", V8_GC),
            java.util.Map.entry("(program)", "V8 engine (program)"),
            java.util.Map.entry("(idle)", "V8 engine (idle)"));

    private RuntimeSubsystems() {
    }

    /** "JVM garbage collector", "Go garbage collector": the subsystem with its runtime named. */
    static String label(String subsystem) {
        return subsystem.startsWith("Go ") || subsystem.startsWith("V8 ") || subsystem.startsWith("Node.js ")
                || subsystem.startsWith("Python ") || subsystem.startsWith("native ") || subsystem.startsWith("kernel")
                ? subsystem : "JVM " + subsystem;
    }

    static String of(CallTree tree, FrameTable frames, int node) {
        int[] path = tree.path(node);
        for (int frameId : path) {
            String other = OTHER_RUNTIMES.get(frames.name(frameId));
            if (other != null) {
                return other;
            }
        }
        for (int frameId : path) {
            String name = frames.name(frameId);
            FrameKind kind = frames.kind(frameId);
            if (kind == FrameKind.GO || kind == FrameKind.JS || kind == FrameKind.PYTHON) {
                continue; // the JVM's markers ("G1", "Jfr") mean nothing in other runtimes' names
            }
            for (Marker marker : MARKERS) {
                if (name.contains(marker.fragment())) {
                    return marker.subsystem();
                }
            }
        }
        for (int frameId : path) {
            switch (frames.kind(frameId)) {
                case JAVA:
                    return "JDK code (" + dev.evident.core.model.JavaFrameNames.shortName(frames.name(frameId)) + ")";
                case GO:
                    return "Go runtime (" + frames.name(path[path.length - 1]) + ")";
                case JS:
                    return "Node.js internals (" + frames.name(path[path.length - 1]) + ")";
                case PYTHON:
                    return "Python runtime (" + frames.name(path[path.length - 1]) + ")";
                default:
                    break;
            }
        }
        return path.length == 0 ? "unknown" : "native code (" + frames.name(path[path.length - 1]) + ")";
    }
}
