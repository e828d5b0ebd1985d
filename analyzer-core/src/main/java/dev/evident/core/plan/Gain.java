package dev.evident.core.plan;

import java.util.List;

/**
 * Expected reduction of a measured quantity, by Amdahl's law: removing the fraction f of the time
 * the fix addresses at speedup s saves f × (1 − 1/s). Three points: the fraction's 95% interval
 * low end with the conservative speedup, its value with the realistic one, its high end with the
 * optimistic one.
 *
 * @param conservative reduction, 0..1
 * @param realistic    reduction, 0..1
 * @param optimistic   reduction, 0..1
 * @param of           the quantity reduced, e.g. "CPU samples of samples/x/cpu.collapsed"
 * @param time         whether that quantity is time (only time gains make quick wins)
 * @param measured     the cited fraction in words: value, interval, evidence id and quantity
 * @param basis        the computation in words, with the numbers used
 * @param evidenceIds ids of the evidence the fraction comes from
 * @param fraction    the measured fraction of {@code of} the fix addresses, 0..1
 */
public record Gain(double conservative, double realistic, double optimistic, String of, boolean time, String measured, String basis,
                   List<String> evidenceIds, double fraction) {

    public Gain {
        evidenceIds = List.copyOf(evidenceIds);
    }

    static double amdahl(double fraction, double speedup) {
        return fraction * (1 - 1 / speedup);
    }
}
