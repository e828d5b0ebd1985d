package dev.evident.core.detect;

import java.util.List;

/**
 * User choices that change the analysis.
 *
 * @param applicationPackages package prefixes that are the user's own code; when empty, any
 *                            frame outside the JDK and well-known libraries counts as application
 * @param maxFindingsPerDetector upper bound on findings one detector reports per metric
 */
public record AnalysisOptions(List<String> applicationPackages, int maxFindingsPerDetector) {

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(List.of(), 3);
    }

    public AnalysisOptions {
        applicationPackages = List.copyOf(applicationPackages);
    }
}
