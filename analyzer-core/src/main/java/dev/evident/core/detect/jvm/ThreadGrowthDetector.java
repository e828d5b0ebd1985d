package dev.evident.core.detect.jvm;

import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.ThreadCountSample;
import dev.evident.core.stats.ScoreCurve;

/** The number of live threads climbs steadily: threads are started and never end. */
public final class ThreadGrowthDetector extends TrendDetector {

    @Override
    public String id() {
        return "thread-growth";
    }

    @Override
    long[] times(JvmTimeline t) {
        return t.threadCounts().stream().mapToLong(ThreadCountSample::epochNanos).toArray();
    }

    @Override
    double[] values(JvmTimeline t) {
        return t.threadCounts().stream().mapToDouble(ThreadCountSample::active).toArray();
    }

    @Override
    String what() {
        return "Live thread count";
    }

    @Override
    String unit() {
        return "threads";
    }

    @Override
    ScoreCurve curve() {
        return JvmThresholds.THREAD_GROWTH;
    }

    @Override
    String explanation() {
        return "Every thread holds a stack and scheduler time; a count that keeps rising usually means executors or "
                + "threads created per task and never shut down.";
    }

    @Override
    String fix() {
        return "Create executors once and reuse them (or use a shared virtual-thread executor on JDK 21+); shut down "
                + "executors you create per unit of work; a thread dump (jcmd <pid> Thread.print) groups them by name "
                + "to find who starts them.";
    }

    @Override
    String remedy() {
        return "bound-threads";
    }
}
