package dev.evident.core.compare;

/**
 * A finding present on one side or both.
 *
 * @param key        the finding's key (same subject on both sides)
 * @param title      the title on the side that has it (after when both)
 * @param status     "disappeared", "appeared", "changed" or "unchanged"
 * @param scoreBefore score before, or -1
 * @param scoreAfter  score after, or -1
 */
public record FindingChange(String key, String title, String status, int scoreBefore, int scoreAfter) {
}
