package dev.evident.core.detect.jvm;

import dev.evident.core.detect.Threshold;
import dev.evident.core.stats.ScoreCurve;

import java.util.List;

/** Thresholds of the JVM runtime detectors, with the public rule each comes from. */
public final class JvmThresholds {
    private JvmThresholds() {
    }

    public static final Threshold GC_WINDOW = new Threshold("gc.pause.window", 60, "s",
            "sliding window over which the worst GC pause ratio is taken",
            "JDK Mission Control GcPauseRatio rule: gc.pauseratio.window.size = 60 s");
    public static final Threshold GC_RATIO_INFO = new Threshold("gc.pause.ratio.info", 0.05, "ratio",
            "share of a window spent in GC pauses that scores 25", "JMC GcPauseRatio: INFO at 5%");
    public static final Threshold GC_RATIO_WARNING = new Threshold("gc.pause.ratio.warning", 0.10, "ratio",
            "share of a window spent in GC pauses that scores 75", "JMC GcPauseRatio: WARNING at 10%");
    public static final Threshold LONG_PAUSE_INFO = new Threshold("gc.pause.longest.info", 1000, "ms",
            "longest single GC pause that scores 25 (never above 74 on its own)",
            "JMC LongGcPause: gc.pause.info.limit = 1000 ms, mapExp74");
    public static final Threshold LEAK_RATE_INFO = new Threshold("heap.growth.rate.info", 1, "%/min",
            "growth of the heap after GC, in percent of the committed heap per minute, that scores 25",
            "evident; JMC IncreasingLiveSet also fits the post-GC heap trend (it scores 75 at 1% of the heap per second)");
    public static final Threshold LEAK_RATE_WARNING = new Threshold("heap.growth.rate.warning", 10, "%/min",
            "heap-after-GC growth that scores 75", "evident");
    public static final Threshold LEAK_MIN_SPAN = new Threshold("heap.growth.min-span", 60, "s",
            "shortest recording over which a heap-after-GC trend is judged: shorter runs see the live set fill up",
            "evident");
    public static final Threshold LEAK_FLOOR_WINDOWS = new Threshold("heap.growth.floor-windows", 10, "windows",
            "the trend is fitted through the lowest heap-after-GC of each of this many equal time windows, so "
                    + "garbage not yet reclaimed by young collections does not look like growth",
            "evident");
    public static final Threshold TREND_MIN_R2 = new Threshold("trend.min-r2", 0.5, "R²",
            "least-squares fit quality below which a growth trend is not reported",
            "evident: below 0.5 the line explains less than half of the variation");
    public static final Threshold TREND_MIN_POINTS = new Threshold("trend.min-points", 6, "points",
            "fewest measurements for a growth trend", "evident");
    public static final Threshold SYSTEM_GC_RATIO = new Threshold("gc.system-gc.ratio", 0.5, "ratio",
            "share of collections caused by System.gc() that scores 75",
            "JMC SystemGc rule: systemgc.ratio.limit = 0.5, mapExp100");
    public static final Threshold HUMONGOUS_RATIO = new Threshold("gc.humongous.ratio", 0.10, "ratio",
            "share of collections triggered by G1 humongous allocations that scores 75",
            "evident; G1 starts a collection for every humongous allocation that does not fit (JDK G1 tuning guide)");
    public static final Threshold METASPACE_RATE_INFO = new Threshold("metaspace.growth.rate.info", 1, "MB/min",
            "metaspace growth that scores 25", "evident; JMC IncreasingMetaSpaceLiveSet fits the same least-squares slope");
    public static final Threshold METASPACE_RATE_WARNING = new Threshold("metaspace.growth.rate.warning", 10, "MB/min",
            "metaspace growth that scores 75", "evident");
    public static final Threshold THREAD_GROWTH_INFO = new Threshold("threads.growth.info", 5, "threads/min",
            "growth of live threads that scores 25", "evident");
    public static final Threshold THREAD_GROWTH_WARNING = new Threshold("threads.growth.warning", 50, "threads/min",
            "growth of live threads that scores 75", "evident");
    public static final Threshold IO_LONGEST_INFO = new Threshold("io.longest.info", 275, "ms",
            "longest socket operation that scores 25", "JMC SocketRead/SocketWrite rules: 275 ms info");
    public static final Threshold IO_LONGEST_WARNING = new Threshold("io.longest.warning", 2000, "ms",
            "longest socket operation that scores 75", "JMC SocketRead/SocketWrite rules: 2 s warning");
    public static final Threshold IO_SHARE_INFO = new Threshold("io.wait-ratio.info", 0.10, "ratio",
            "summed I/O time to one endpoint divided by recording time that scores 25",
            "evident, by analogy with JMC JavaBlocking (75 when the summed wait equals the recording)");
    public static final Threshold IO_SHARE_WARNING = new Threshold("io.wait-ratio.warning", 1.0, "ratio",
            "summed I/O time to one endpoint divided by recording time that scores 75", "as io.wait-ratio.info");
    public static final Threshold EXCEPTION_RATE_INFO = new Threshold("exceptions.rate.info", 5000, "per s",
            "exceptions created per second that score 25", "JMC Exceptions rule: 5000/s info");
    public static final Threshold EXCEPTION_RATE_WARNING = new Threshold("exceptions.rate.warning", 10000, "per s",
            "exceptions created per second that score 75", "JMC Exceptions rule: 10000/s warning");
    public static final Threshold DEOPT_RATE_INFO = new Threshold("deoptimization.rate.info", 10, "per s",
            "deoptimizations per second that score 25",
            "evident: warm-up alone produces about one per second in the sample recordings, so a storm starts well above that");
    public static final Threshold DEOPT_RATE_WARNING = new Threshold("deoptimization.rate.warning", 100, "per s",
            "deoptimizations per second that score 75", "evident");
    public static final Threshold HALT_RATIO_INFO = new Threshold("vm-operations.ratio.info", 0.05, "ratio",
            "share of time in safepoint VM operations (other than GC) that scores 25",
            "JMC ApplicationHalts rule: 5% info");
    public static final Threshold HALT_RATIO_WARNING = new Threshold("vm-operations.ratio.warning", 0.10, "ratio",
            "share of time in safepoint VM operations that scores 75", "JMC ApplicationHalts rule: 10% warning");
    public static final Threshold OTHER_LOAD_INFO = new Threshold("cpu.other-processes.info", 0.30, "ratio",
            "average machine CPU used by other processes that scores 25", "evident; JMC HighJvmCpu / CompetingCpu rules");
    public static final Threshold OTHER_LOAD_CAP = new Threshold("cpu.other-processes.cap", 45, "score",
            "highest score for 'the machine is busy with something else': below the in-process findings and "
                    + "below the 50 that makes a problem dominant",
            "evident: JMC's competing-CPU warning often outranks the real bottleneck on small machines");
    public static final Threshold CODE_CACHE_FULL_SCORE = new Threshold("code-cache.full.score", 80, "score",
            "score of a code cache that ran full", "JMC CodeCache rule: WARNING when the code cache is full");

    public static final List<Threshold> ALL = List.of(GC_WINDOW, GC_RATIO_INFO, GC_RATIO_WARNING, LONG_PAUSE_INFO,
            LEAK_RATE_INFO, LEAK_RATE_WARNING, LEAK_MIN_SPAN, LEAK_FLOOR_WINDOWS, TREND_MIN_R2, TREND_MIN_POINTS, SYSTEM_GC_RATIO, HUMONGOUS_RATIO,
            METASPACE_RATE_INFO, METASPACE_RATE_WARNING, THREAD_GROWTH_INFO, THREAD_GROWTH_WARNING, IO_LONGEST_INFO,
            IO_LONGEST_WARNING, IO_SHARE_INFO, IO_SHARE_WARNING, EXCEPTION_RATE_INFO, EXCEPTION_RATE_WARNING,
            DEOPT_RATE_INFO, DEOPT_RATE_WARNING, HALT_RATIO_INFO, HALT_RATIO_WARNING, OTHER_LOAD_INFO, OTHER_LOAD_CAP,
            CODE_CACHE_FULL_SCORE);

    static final ScoreCurve GC_RATIO = new ScoreCurve(GC_RATIO_INFO.value(), GC_RATIO_WARNING.value());
    static final ScoreCurve LEAK_RATE = new ScoreCurve(LEAK_RATE_INFO.value(), LEAK_RATE_WARNING.value());
    static final ScoreCurve METASPACE_RATE = new ScoreCurve(METASPACE_RATE_INFO.value(), METASPACE_RATE_WARNING.value());
    static final ScoreCurve THREAD_GROWTH = new ScoreCurve(THREAD_GROWTH_INFO.value(), THREAD_GROWTH_WARNING.value());
    static final ScoreCurve IO_LONGEST = new ScoreCurve(IO_LONGEST_INFO.value(), IO_LONGEST_WARNING.value());
    static final ScoreCurve IO_SHARE = new ScoreCurve(IO_SHARE_INFO.value(), IO_SHARE_WARNING.value());
    static final ScoreCurve EXCEPTION_RATE = new ScoreCurve(EXCEPTION_RATE_INFO.value(), EXCEPTION_RATE_WARNING.value());
    static final ScoreCurve DEOPT_RATE = new ScoreCurve(DEOPT_RATE_INFO.value(), DEOPT_RATE_WARNING.value());
    static final ScoreCurve HALT_RATIO = new ScoreCurve(HALT_RATIO_INFO.value(), HALT_RATIO_WARNING.value());
}
