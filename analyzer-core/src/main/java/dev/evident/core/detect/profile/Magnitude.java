package dev.evident.core.detect.profile;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.Unit;
import dev.evident.core.util.Fmt;

import java.util.List;
import java.util.Optional;

/**
 * How much a concentration costs in absolute terms. A site holding 100% of lock waits is no
 * problem if threads waited 3 ms in total; so lock and allocation scores are limited by the
 * summed wait against recording time, or by the time the GC was pausing the application.
 *
 * @param scoreLimit highest score the magnitude allows
 * @param known      false when the data cannot tell (the score is then capped)
 * @param statement  the magnitude in words, for evidence and explanations
 * @param values     the numbers behind {@code statement}
 */
record Magnitude(int scoreLimit, boolean known, String statement, List<Quantity> values) {

    static final Magnitude UNLIMITED = new Magnitude(100, true, "", List.of());

    static Magnitude of(MetricKind kind, Unit unit, long groupWeight, Profile profile, EvidenceSet evidence) {
        return switch (kind) {
            case LOCK -> lock(unit, groupWeight, profile);
            case ALLOCATION -> allocation(profile, evidence);
            case HEAP -> unknown("a share of the in-use heap says nothing about whether the heap is too large "
                    + "or growing; compare two heap profiles taken apart in time");
            default -> UNLIMITED;
        };
    }

    private static Magnitude lock(Unit unit, long waitNanos, Profile profile) {
        if (unit != Unit.NANOSECONDS || profile.timeWindow().isEmpty()) {
            return unknown("the data holds lock samples without durations or recording time, so the "
                    + "total cost of the waiting is unknown");
        }
        double seconds = profile.timeWindow().get().seconds();
        double ratio = waitNanos / (seconds * 1e9);
        int limit = ProfileThresholds.LOCK_RATIO_CURVE.scoreInt(ratio);
        String statement = "threads waited " + Fmt.duration(waitNanos) + " in total during a "
                + Fmt.decimal(seconds, 1) + " s recording (" + Fmt.decimal(ratio, 2)
                + " thread-seconds of waiting per second)";
        return new Magnitude(limit, true, statement, List.of(
                Quantity.of("wait_total", waitNanos / 1e9, "s"),
                Quantity.of("recording", seconds, "s"),
                Quantity.of("wait_ratio", ratio, "ratio")));
    }

    private static Magnitude allocation(Profile profile, EvidenceSet evidence) {
        Optional<JvmTimeline> timeline = evidence.timelines().stream()
                .filter(t -> t.source().equals(profile.source()) && t.window() != null)
                .findFirst();
        if (timeline.isEmpty() || !timeline.get().gcRecorded()) {
            return unknown("the artifact has no garbage-collection events, so whether this allocation "
                    + "costs GC time is unknown");
        }
        JvmTimeline t = timeline.get();
        long paused = t.totalPauseNanos();
        double seconds = t.window().seconds();
        double ratio = paused / (seconds * 1e9);
        int limit = ProfileThresholds.GC_RATIO_CURVE.scoreInt(ratio);
        String statement = "the application was paused for GC " + Fmt.duration(paused) + " of "
                + Fmt.decimal(seconds, 1) + " s (" + Fmt.percent(ratio) + ") in " + t.gcPauses().size()
                + " collections";
        return new Magnitude(limit, true, statement, List.of(
                Quantity.of("gc_pause_total", paused / 1e9, "s"),
                Quantity.of("recording", seconds, "s"),
                Quantity.of("gc_pause_ratio", ratio * 100, "%"),
                Quantity.of("gc_count", t.gcPauses().size(), "collections")));
    }

    private static Magnitude unknown(String why) {
        return new Magnitude((int) ProfileThresholds.UNKNOWN_MAGNITUDE_CAP.value(), false, why, List.of());
    }
}
