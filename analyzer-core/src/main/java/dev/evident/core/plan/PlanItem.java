package dev.evident.core.plan;

import java.util.List;

/**
 * One fix of the plan.
 *
 * @param id          {@code P1}, {@code P2}, ... in plan order
 * @param title       the fix, with the real names
 * @param findingIds  the findings it addresses
 * @param remedy      its fix type
 * @param gain        expected reduction, or {@code null} when no finding cites a fraction to compute it from
 * @param effortHours estimated work
 * @param priority    realistic gain in percent per hour of effort (0 without a gain)
 * @param quickWin    under one day of work and more than 30% realistic gain
 * @param guidance    what to change (from the finding's fix)
 * @param code        code or SQL example, or {@code null}
 * @param verify      how to check it worked
 * @param overlaps    ids of other items whose findings rest on the same evidence (the same statement,
 *                    the same method): their gains do not add up
 */
public record PlanItem(String id, String title, List<String> findingIds, Remedy remedy, Gain gain,
                       double effortHours, double priority, boolean quickWin, String guidance, String code,
                       String verify, List<String> overlaps) {

    public PlanItem {
        findingIds = List.copyOf(findingIds);
        overlaps = List.copyOf(overlaps);
    }

    PlanItem withOverlaps(List<String> ids) {
        return new PlanItem(id, title, findingIds, remedy, gain, effortHours, priority, quickWin, guidance, code, verify, ids);
    }
}
