package dev.evident.core.render;

import dev.evident.core.report.Narrative;

import java.io.IOException;

/**
 * The Markdown of the model-written narrative. Every heading says a model wrote it, so nobody
 * mistakes it for the deterministic diagnosis; unverified text is only ever shown under
 * "unsupported", quoted, with the reasons.
 */
final class NarrativeMarkdown {
    private NarrativeMarkdown() {
    }

    static void write(Narrative narrative, Appendable out) throws IOException {
        if (narrative == null) {
            return;
        }
        switch (narrative.status()) {
            case VERIFIED -> out.append("## Narrative (model-written, verified by evident)\n\n");
            case REJECTED -> out.append("## Narrative (model-written): rejected, not shown\n\n");
            case DECLINED -> out.append("## Narrative (model-written): the model declined\n\n");
            case UNAVAILABLE -> out.append("## Narrative (model-written): not available\n\n");
        }
        out.append(narrative.note());
        if (narrative.author() != null) {
            out.append(" Model: ").append(narrative.author()).append('.');
        }
        out.append("\n\n");
        for (Narrative.Section section : narrative.sections()) {
            out.append("### ").append(section.title()).append("\n\n");
            for (Narrative.Claim claim : section.claims()) {
                out.append("- ").append(oneLine(claim.text())).append(citations(claim)).append('\n');
            }
            out.append('\n');
        }
        if (!narrative.unsupported().isEmpty()) {
            out.append("Unsupported claims of the model (not shown as fact):\n\n");
            for (Narrative.Claim claim : narrative.unsupported()) {
                out.append("- \"").append(oneLine(claim.text())).append('"').append(citations(claim)).append(" — ")
                        .append(String.join("; ", claim.problems())).append('\n');
            }
            out.append('\n');
        }
    }

    private static String citations(Narrative.Claim claim) {
        return claim.citations().isEmpty() ? "" : " [" + String.join(", ", claim.citations()) + "]";
    }

    private static String oneLine(String s) {
        return s.strip().replace("\r", "").replace("\n", " ");
    }
}
