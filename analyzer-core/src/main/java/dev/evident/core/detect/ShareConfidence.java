package dev.evident.core.detect;

import dev.evident.core.detect.profile.ProfileThresholds;
import dev.evident.core.model.Confidence;
import dev.evident.core.stats.Share;
import dev.evident.core.util.Fmt;

/** Confidence of a finding that rests on a share of sampled events. */
public final class ShareConfidence {
    private ShareConfidence() {
    }

    /**
     * @param share    the share the finding rests on
     * @param eventsLabel what the events are, e.g. "CPU samples"
     */
    public static Confidence of(Share share, String eventsLabel) {
        String reason = Fmt.count(share.events()) + " " + eventsLabel + "; 95% interval "
                + Fmt.interval(share.low(), share.high());
        Confidence.Level level;
        if (share.events() >= ProfileThresholds.HIGH_CONFIDENCE_EVENTS.value()
                && share.widthPoints() <= ProfileThresholds.HIGH_CONFIDENCE_WIDTH.value()) {
            level = Confidence.Level.HIGH;
        } else if (share.events() >= ProfileThresholds.MEDIUM_CONFIDENCE_EVENTS.value()) {
            level = Confidence.Level.MEDIUM;
        } else {
            level = Confidence.Level.LOW;
        }
        return new Confidence(level, reason);
    }

    /** Lowers a confidence to at most {@code cap}, appending why. */
    public static Confidence capped(Confidence confidence, Confidence.Level cap, String why) {
        Confidence.Level level = confidence.level().ordinal() < cap.ordinal() ? cap : confidence.level();
        return new Confidence(level, confidence.reason() + "; " + why);
    }
}
