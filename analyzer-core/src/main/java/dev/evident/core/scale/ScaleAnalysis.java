package dev.evident.core.scale;

import java.util.List;

/**
 * What {@code evident scale} found.
 *
 * @param tool        "evident" and its version
 * @param series      one fit per latency or benchmark series
 * @param methods     one fit per method of the profiles, fastest-growing first
 * @param fastest     the application method whose cost grows fastest, or {@code null} without profiles
 * @param headline    one sentence
 * @param notes       inputs that could not be used and why
 */
public record ScaleAnalysis(String tool, List<ScaleFit> series, List<ScaleFit> methods, ScaleFit fastest, String headline,
                            List<String> notes) {

    public ScaleAnalysis {
        series = List.copyOf(series);
        methods = List.copyOf(methods);
        notes = List.copyOf(notes);
    }
}
