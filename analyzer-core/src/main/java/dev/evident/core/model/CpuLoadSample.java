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

    public static final Comparator<CpuLoadSample> BY_TIME = Comparator.comparingLong(CpuLoadSample::epochNanos)
            .thenComparingDouble(CpuLoadSample::jvmUser).thenComparingDouble(CpuLoadSample::jvmSystem)
            .thenComparingDouble(CpuLoadSample::machineTotal);
}
