package dev.evident.core.model;

import java.util.Comparator;

/**
 * CPU load at one moment, as fractions of the whole machine (0..1).
 *
 * @param jvmUser      user time of this JVM
 * @param jvmSystem    kernel time on behalf of this JVM
 * @param machineTotal everything running on the machine, this JVM included
 */
public record CpuLoadSample(long epochNanos, double jvmUser, double jvmSystem, double machineTotal) {

    public static final Comparator<CpuLoadSample> BY_TIME = (a, b) -> {
        int c = Long.compare(a.epochNanos, b.epochNanos);
        if (c == 0) {
            c = Double.compare(a.jvmUser, b.jvmUser);
        }
        if (c == 0) {
            c = Double.compare(a.jvmSystem, b.jvmSystem);
        }
        return c != 0 ? c : Double.compare(a.machineTotal, b.machineTotal);
    };
}
