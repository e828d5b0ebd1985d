package dev.evident.core.detect.bound;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.model.EvidenceSet;

import java.util.List;

/**
 * A source of bound measurements: wall-clock profiles, GC pause time, database time against request
 * time, ... Implementations are registered in
 * {@code META-INF/services/dev.evident.core.detect.bound.BoundSignal}.
 */
public interface BoundSignal {

    /** Stable kebab-case id. */
    String id();

    /** The shares this signal can measure in the evidence; empty when it has nothing to say. */
    List<BoundShare> measure(EvidenceSet evidence, AnalysisContext context);
}
