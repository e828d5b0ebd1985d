package dev.evident.core.detect.jvm;

import dev.evident.core.util.Fmt;

/** Full collections requested by {@code System.gc()} (JMC's SystemGc rule). */
public final class SystemGcDetector extends GcCauseDetector {

    public SystemGcDetector() {
        super("system-gc", cause -> cause.equals("System.gc()"), JvmThresholds.SYSTEM_GC_RATIO.value());
    }

    @Override
    String title(long count, long total, double ratio, long pausedNanos) {
        return "System.gc() forced " + count + " of " + total + " collections (" + Fmt.percent(ratio) + ")";
    }

    @Override
    String explanation() {
        return "An explicit System.gc() runs a full, usually stop-the-world collection regardless of need.";
    }

    @Override
    String fix() {
        return "Remove the explicit System.gc() calls (search the code and libraries; RMI's distributed GC calls it "
                + "hourly), or start the JVM with -XX:+DisableExplicitGC; with G1, -XX:+ExplicitGCInvokesConcurrent "
                + "makes them concurrent instead.";
    }

    @Override
    String example() {
        return "```sh\njava -XX:+DisableExplicitGC ...   # or, to keep them but concurrent with G1: -XX:+ExplicitGCInvokesConcurrent\n```";
    }

    @Override
    String remedy() {
        return "remove-explicit-gc";
    }

    @Override
    boolean fixedWhereMostIsAllocated() {
        return false;
    }
}
