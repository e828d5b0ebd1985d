package dev.evident.core.detect;

import dev.evident.core.model.Sla;

import java.util.List;

/**
 * User choices that change the analysis.
 *
 * @param applicationPackages package prefixes that are the user's own code; when empty, any
 *                            frame outside the JDK and well-known libraries counts as application
 * @param maxFindingsPerDetector upper bound on findings one detector reports per metric
 * @param slas                latency objectives given on the command line ({@code --sla}); an
 *                            {@code incident.yaml} among the artifacts adds its own
 */
public record AnalysisOptions(List<String> applicationPackages, int maxFindingsPerDetector, List<Sla> slas) {

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(List.of(), 3, List.of());
    }

    public AnalysisOptions(List<String> applicationPackages, int maxFindingsPerDetector) {
        this(applicationPackages, maxFindingsPerDetector, List.of());
    }

    public AnalysisOptions {
        applicationPackages = List.copyOf(applicationPackages);
        slas = List.copyOf(slas);
    }
}
