package dev.evident.core.detect.profile;

import dev.evident.core.detect.Threshold;
import dev.evident.core.stats.ScoreCurve;

import java.util.List;

/** Thresholds of the profile detectors ({@code hot-method}, {@code hot-path}). */
public final class ProfileThresholds {
    private ProfileThresholds() {
    }

    public static final Threshold HOT_SHARE_INFO = new Threshold("hot.share.info", 0.10, "share",
            "share of a metric at one call site that scores 25 (worth reading)",
            "JDK Mission Control MethodProfiling rule: INFO from ~2.9% and WARNING from ~19% of the "
                    + "maximum possible samples; evident measures share of actual samples, which is "
                    + "higher for the same load, so both limits are raised");
    public static final Threshold HOT_SHARE_WARNING = new Threshold("hot.share.warning", 0.40, "share",
            "share of a metric at one call site that scores 75 (a problem)",
            "as hot.share.info");
    public static final Threshold LOCK_WAIT_RATIO_INFO = new Threshold("lock.wait-ratio.info", 0.10, "ratio",
            "summed lock wait divided by recording time that scores 25",
            "JDK Mission Control JavaBlocking rule: mapExp100(waitRatio, 1) scores 75 when summed "
                    + "blocked time equals the recording length");
    public static final Threshold LOCK_WAIT_RATIO_WARNING = new Threshold("lock.wait-ratio.warning", 1.0, "ratio",
            "summed lock wait divided by recording time that scores 75", "as lock.wait-ratio.info");
    public static final Threshold GC_PAUSE_RATIO_INFO = new Threshold("gc.pause-ratio.info", 0.05, "ratio",
            "share of recording time in GC pauses at which allocation hot spots score 25",
            "JDK Mission Control GcPauseRatio rule: INFO at 5%, WARNING at 10%");
    public static final Threshold GC_PAUSE_RATIO_WARNING = new Threshold("gc.pause-ratio.warning", 0.10, "ratio",
            "share of recording time in GC pauses at which allocation hot spots score 75",
            "as gc.pause-ratio.info");
    public static final Threshold UNKNOWN_MAGNITUDE_CAP = new Threshold("score.cap.unknown-magnitude", 40, "score",
            "highest score for a lock or allocation concentration when the data cannot tell how much "
                    + "it costs (collapsed stacks carry no recording time or GC data)",
            "evident: a concentration of a small total is not a problem; without the total, stay below the 50 that makes a problem dominant");
    public static final Threshold HIGH_CONFIDENCE_EVENTS = new Threshold("confidence.high.events", 500, "events",
            "events behind a share for high confidence (with an interval no wider than confidence.high.width)",
            "evident: the Wilson interval at 500 events is at most ±4.4 points");
    public static final Threshold HIGH_CONFIDENCE_WIDTH = new Threshold("confidence.high.width", 10, "points",
            "widest 95% interval, in percentage points, for high confidence", "evident");
    public static final Threshold MEDIUM_CONFIDENCE_EVENTS = new Threshold("confidence.medium.events", 50, "events",
            "events behind a share for medium confidence", "evident: below 50 the interval exceeds ±14 points");
    public static final Threshold REPORT_MIN_SCORE = new Threshold("finding.min-score", 10, "score",
            "lowest score at which a concentration is reported as a finding rather than only as evidence",
            "evident");

    public static final Threshold REPORT_MIN_EVENTS = new Threshold("finding.min-events", 20, "events",
            "fewest events behind a concentration for it to become a finding",
            "evident: with fewer events the 95% interval spans more than 40 points; JDK Mission Control "
                    + "likewise gives no result when a recording has too few samples");

    public static final Threshold PATH_SCORE_FACTOR = new Threshold("hot-path.score-factor", 0.9, "factor",
            "hot-path scores are the share score times this factor",
            "evident: a path's share includes everything below the method, so it is a weaker statement "
                    + "than a call-site share; when both describe the same method, the call-site finding leads");

    public static final Threshold DOMINANT_CALLEE = new Threshold("call-site.dominant-callee", 0.70, "share",
            "share of a method's weight that one callee must carry to be named as where the weight goes",
            "evident");
    public static final Threshold INLINED_CALLEE_DOMINANCE = new Threshold("inlined-callee.dominance", 0.6, "share",
            "share of a method's sampled calls one callee must carry to be named as the likely cost when "
                    + "most samples land in the method's own code",
            "evident: the JDK recorder attributes JIT-inlined callees to the caller's loop (safepoint-poll "
                    + "bias, see async-profiler's documentation on AsyncGetCallTrace vs. JVMTI sampling)");
    public static final Threshold INLINED_CALLEE_MIN = new Threshold("inlined-callee.min-share", 0.02, "share",
            "share of the method's weight the callee must show directly to be named", "evident");

    public static final List<Threshold> ALL = List.of(REPORT_MIN_EVENTS, PATH_SCORE_FACTOR, DOMINANT_CALLEE,
            INLINED_CALLEE_DOMINANCE, INLINED_CALLEE_MIN, HOT_SHARE_INFO, HOT_SHARE_WARNING, LOCK_WAIT_RATIO_INFO,
            LOCK_WAIT_RATIO_WARNING, GC_PAUSE_RATIO_INFO, GC_PAUSE_RATIO_WARNING, UNKNOWN_MAGNITUDE_CAP,
            HIGH_CONFIDENCE_EVENTS, HIGH_CONFIDENCE_WIDTH, MEDIUM_CONFIDENCE_EVENTS, REPORT_MIN_SCORE);

    static final ScoreCurve SHARE_CURVE = new ScoreCurve(HOT_SHARE_INFO.value(), HOT_SHARE_WARNING.value());
    static final ScoreCurve LOCK_RATIO_CURVE = new ScoreCurve(LOCK_WAIT_RATIO_INFO.value(), LOCK_WAIT_RATIO_WARNING.value());
    static final ScoreCurve GC_RATIO_CURVE = new ScoreCurve(GC_PAUSE_RATIO_INFO.value(), GC_PAUSE_RATIO_WARNING.value());
}
