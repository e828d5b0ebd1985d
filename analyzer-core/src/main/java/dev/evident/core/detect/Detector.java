package dev.evident.core.detect;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;

import java.util.List;

/**
 * Finds one kind of problem in the evidence. Implementations are registered in
 * {@code META-INF/services/dev.evident.core.detect.Detector}; a new detector is one new class plus
 * its registration line.
 */
public interface Detector {
    /**
     * Highest score of a finding that shows where time goes while another system works (threads
     * waiting for the database): the other system's findings name the cause and carry the fix, so
     * the wait is context for them and must not become the headline. 45 is below the planner's
     * cause threshold (50).
     */
    int CONTEXT_MAX_SCORE = 45;


    /** Stable kebab-case id, e.g. {@code hot-method}. */
    String id();

    /**
     * Returns the findings, each citing the evidence it rests on. Evidence that gives context but
     * supports no finding goes to {@link AnalysisContext#note}.
     */
    List<Finding> detect(EvidenceSet evidence, AnalysisContext context);

    /**
     * When findings of several detectors describe the same subject (same key), the one from the
     * detector with the highest precedence words the merged finding: a detector that knows the
     * cause (a catalog pattern) says more than one that only knows where the weight is.
     */
    default int precedence() {
        return 0;
    }
}
