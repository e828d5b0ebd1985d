package dev.evident.core.detect.catalog;

import dev.evident.core.model.Category;
import dev.evident.core.model.MetricKind;

import java.util.List;
import java.util.Set;

/**
 * A known cause of hot code, recognised by the frames a hot call goes through, with a fix that is
 * written from the real names of the evidence.
 *
 * <p>Templates may use these placeholders: {@code {anchor}} (the application method, fully
 * qualified), {@code {anchorShort}} (Class.method), {@code {class}} (its simple class name),
 * {@code {method}} (its method name), {@code {line}} (" (line 17)" or ""), {@code {marker}} (the
 * matched frame, short form), {@code {share}} (its share of the metric).
 *
 * @param id          stable kebab-case id, e.g. {@code java-linear-list-search}
 * @param language    "java", "go", "python" or "js": the frames it applies to
 * @param markers     frame names (exact, or a prefix when ending in {@code *}) that identify it
 *                    anywhere between the application method and the leaf
 * @param metrics     the metrics in which it is a problem (most are CPU and wall clock)
 * @param cause       short noun phrase for titles: "linear search in a list"
 * @param explanation why it is slow, one or two sentences
 * @param fix         what to change, as a template
 * @param example     a code example as a template (before and after), or "" when none fits
 * @param companions  frame-name markers of which at least one must appear somewhere else in the same
 *                    application method's calls (e.g. a logger call next to eager formatting); empty
 *                    when the markers alone identify the pattern
 * @param remedy      the planner's fix type for it: its own id (a row of the remedy table), or
 *                    {@code null} when the pattern explains time without being a fix itself (waiting
 *                    for the database: the database findings carry the fixes)
 * @param waitsFor    {@code null}, or the category of another system the matched time waits for (the
 *                    database): the finding belongs to that category and is context for its findings,
 *                    which name the cause, so it is never planned and never the headline
 */
public record AntiPattern(
        String id,
        String language,
        List<String> markers,
        Set<MetricKind> metrics,
        String cause,
        String explanation,
        String fix,
        String example,
        List<String> companions,
        String remedy,
        Category waitsFor) {

    public AntiPattern {
        markers = List.copyOf(markers);
        metrics = Set.copyOf(metrics);
        companions = List.copyOf(companions);
    }

    /** A pattern that is its own fix type, with companions. */
    public AntiPattern(String id, String language, List<String> markers, Set<MetricKind> metrics, String cause,
                       String explanation, String fix, String example, List<String> companions) {
        this(id, language, markers, metrics, cause, explanation, fix, example, companions, id, null);
    }

    /** This pattern with another fix type ({@code null}: explains time, is not planned). */
    public AntiPattern withRemedy(String newRemedy) {
        return new AntiPattern(id, language, markers, metrics, cause, explanation, fix, example, companions, newRemedy,
                waitsFor);
    }

    /** This pattern as time spent waiting for another system: context in that system's category, not a fix. */
    public AntiPattern waitingFor(Category system) {
        return new AntiPattern(id, language, markers, metrics, cause, explanation, fix, example, companions, null, system);
    }

    /** A pattern whose markers alone identify it. */
    public AntiPattern(String id, String language, List<String> markers, Set<MetricKind> metrics, String cause,
                       String explanation, String fix, String example) {
        this(id, language, markers, metrics, cause, explanation, fix, example, List.of());
    }

    /** True when {@code frameName} is one of this pattern's markers. */
    public boolean marks(String frameName) {
        return matchesAny(markers, frameName);
    }

    /** True when {@code frameName} is one of this pattern's companions. */
    public boolean accompaniedBy(String frameName) {
        return matchesAny(companions, frameName);
    }

    private static boolean matchesAny(List<String> names, String frameName) {
        for (String m : names) {
            if (m.endsWith("*") ? frameName.startsWith(m.substring(0, m.length() - 1)) : frameName.equals(m)) {
                return true;
            }
        }
        return false;
    }
}
