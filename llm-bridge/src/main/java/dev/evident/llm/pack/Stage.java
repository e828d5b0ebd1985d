package dev.evident.llm.pack;

/**
 * Where a pack item belongs in the diagnosis. The first five follow the task order of the
 * product's prompt (baseline and hypothesis → bottleneck → quantified impact → implementation
 * plan → validation); {@code EVIDENCE} holds the numbered facts the other stages cite.
 */
public enum Stage {
    BASELINE("baseline", "Baseline and hypothesis"),
    BOTTLENECK("bottleneck", "Bottleneck analysis"),
    IMPACT("impact", "Quantified impact"),
    PLAN("plan", "Implementation plan"),
    VALIDATION("validation", "Validation"),
    EVIDENCE("evidence", "Evidence");

    private final String key;
    private final String title;

    Stage(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The JSON key of this stage in the pack. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }
}
