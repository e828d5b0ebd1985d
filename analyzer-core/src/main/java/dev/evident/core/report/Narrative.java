package dev.evident.core.report;

import java.util.List;

/**
 * The model-written part of a report, after evident checked it. Nothing in it comes from the
 * detectors: it is the optional LLM narrative (module {@code llm-bridge}), kept apart from the
 * deterministic findings so a reader always knows which sentences a model wrote. Only a
 * {@link Status#VERIFIED} narrative has sections; any other status carries the reason in
 * {@code note}, and a {@link Status#REJECTED} one lists what failed the check.
 *
 * @param status      whether the narrative passed the check
 * @param author      provider, model and server that wrote it (never a credential)
 * @param answers     how many answers the model gave (2 when the first one failed and was re-asked)
 * @param note        one sentence for the reader: what was checked, corrected, or why nothing is shown
 * @param sections    the verified narrative in the diagnosis task order; empty unless verified
 * @param unsupported claims of the last answer that failed the check, with their problems
 */
public record Narrative(
        Status status,
        String author,
        int answers,
        String note,
        List<Section> sections,
        List<Claim> unsupported) {

    public Narrative {
        sections = List.copyOf(sections);
        unsupported = List.copyOf(unsupported);
    }

    public enum Status {
        /** Every cited id exists and every number matches the cited evidence. */
        VERIFIED,
        /** The answer still failed the check after one correction; it is not shown as fact. */
        REJECTED,
        /** The model said the evidence is not enough for a diagnosis. */
        DECLINED,
        /** No usable answer: the model was not asked, or the call failed. */
        UNAVAILABLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One part of the narrative, e.g. "Bottleneck". */
    public record Section(String title, List<Claim> claims) {
        public Section {
            claims = List.copyOf(claims);
        }
    }

    /**
     * One statement of the model with the ids it cites.
     *
     * @param problems why it failed the check; empty for a verified claim
     */
    public record Claim(String text, List<String> citations, List<String> problems) {
        public Claim {
            citations = List.copyOf(citations);
            problems = List.copyOf(problems);
        }

        public boolean verified() {
            return problems.isEmpty();
        }
    }
}
