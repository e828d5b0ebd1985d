package dev.evident.core.model;

/**
 * The part of a measured quantity a finding is about, as a fraction with its 95% interval: what a
 * fix could remove at most. The planner turns it into expected gains with Amdahl's law.
 *
 * @param of    what the fraction is of, e.g. "CPU samples of samples/x/cpu.collapsed" or
 *              "request time of GET /dashboard"
 * @param time  whether the quantity is time (CPU, wall clock, waiting, request time), as opposed to
 *              bytes or counts: the planner prefers time, since that is what users wait for
 * @param share the fraction, 0..1
 * @param low   lower bound of its 95% interval
 * @param high  upper bound of its 95% interval
 * @param evidenceKey key of the evidence item that states it
 */
public record Impact(String of, boolean time, double share, double low, double high, String evidenceKey) {
    /** The quantity of impacts measured against the time users waited in load-tested requests. */
    public static final String REQUEST_TIME = "request time";


    public Impact {
        if (!(low <= share && share <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] must contain " + share);
        }
    }
}
