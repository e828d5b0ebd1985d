package dev.evident.core.detect.jvm;

import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.MemoryPoolSample;
import dev.evident.core.stats.ScoreCurve;

/** Metaspace that keeps growing: classes generated and never unloaded (JMC IncreasingMetaSpaceLiveSet). */
public final class MetaspaceGrowthDetector extends TrendDetector {

    @Override
    public String id() {
        return "metaspace-growth";
    }

    @Override
    long[] times(JvmTimeline t) {
        return t.metaspace().stream().mapToLong(MemoryPoolSample::epochNanos).toArray();
    }

    @Override
    double[] values(JvmTimeline t) {
        return t.metaspace().stream().mapToDouble(m -> m.usedBytes() / (double) (1 << 20)).toArray();
    }

    @Override
    String what() {
        return "Metaspace";
    }

    @Override
    String unit() {
        return "MiB";
    }

    @Override
    ScoreCurve curve() {
        return JvmThresholds.METASPACE_RATE;
    }

    @Override
    String explanation() {
        return "Metaspace holds class metadata; steady growth means classes keep being defined and never unloaded "
                + "(proxies, lambdas or scripts generated per request, class loaders that leak).";
    }

    @Override
    String fix() {
        return "Find the classes being defined (jcmd <pid> VM.classloader_stats, or JFR's jdk.ClassDefine events) and "
                + "create generated classes and proxies once; close class loaders you create; cap with "
                + "-XX:MaxMetaspaceSize so a leak fails fast instead of swapping.";
    }

    @Override
    String remedy() {
        return "java-class-loading-at-runtime";
    }
}
