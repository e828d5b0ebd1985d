package dev.evident.core.plan;

/**
 * A kind of fix and what it typically does to the part of the time it addresses.
 *
 * @param id          key used by findings ({@code Finding.remedy}) — a catalog pattern id or a detector's remedy
 * @param action      what the fix does, as an imperative phrase
 * @param speedup     how much faster the affected part gets: conservative, realistic, optimistic
 *                    (a speedup s removes 1 − 1/s of the affected time)
 * @param effortHours typical work to make, test and release the change
 * @param basis       why these numbers: the mechanism or the public measurement they come from
 */
public record Remedy(String id, String action, Speedup speedup, double effortHours, String basis) {

    /** Speedup of the affected part, three points. */
    public record Speedup(double conservative, double realistic, double optimistic) {
        public Speedup {
            if (!(1 <= conservative && conservative <= realistic && realistic <= optimistic)) {
                throw new IllegalArgumentException("speedups must be 1 ≤ conservative ≤ realistic ≤ optimistic");
            }
        }
    }
}
