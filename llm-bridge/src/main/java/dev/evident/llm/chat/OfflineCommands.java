package dev.evident.llm.chat;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Quantity;
import dev.evident.core.render.JsonWriter;
import dev.evident.core.render.MarkdownRenderer;
import dev.evident.core.report.Report;

import java.util.Locale;
import java.util.Optional;

/** The commands of {@code evident chat} that need no model: they read the report and the profiles. */
final class OfflineCommands {
    static final String HELP = """
            Commands (no model needed):
              findings              the findings, most severe first
              finding F3            one finding: explanation, fix, example, evidence
              evidence E12          one evidence item with its numbers and source
              top [N] [metric]      the N heaviest methods by own weight (default 10; metric: cpu, wall, alloc, lock, ...)
              tree <method> [metric]  callers and callees of a method
              plan                  the optimization plan
              help                  this text
              quit                  leave (also: exit, end of input)
            Anything else is a question for the model, answered from the same evidence and checked before it is shown.
            """;
    static final String NO_PLAN = """
            No fix to plan: no finding names a change. Each finding still says what it found: use 'findings', then \
            'finding F1'.
            """;

    private final Report report;
    private final ProfileViews profiles;

    OfflineCommands(Report report, EvidenceSet evidence) {
        this.report = report;
        this.profiles = new ProfileViews(evidence);
    }

    /** The output of an offline command, or empty when the line is not one (a question for the model). */
    Optional<String> run(String line) {
        String[] words = line.strip().split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT);
        return switch (command) {
            case "help", "?" -> Optional.of(HELP);
            case "findings" -> Optional.of(findings());
            case "finding" -> Optional.of(words.length < 2 ? "Usage: finding F1\n" : finding(words[1]));
            case "evidence" -> Optional.of(words.length < 2 ? "Usage: evidence E1\n" : evidence(words[1]));
            case "top" -> Optional.of(top(words));
            case "tree" -> Optional.of(words.length < 2 ? "Usage: tree <method> [metric]\n" : tree(words));
            case "plan" -> Optional.of(plan());
            default -> Optional.empty();
        };
    }

    private String plan() {
        if (report.plan() == null || report.plan().items().isEmpty()) {
            return NO_PLAN;
        }
        StringBuilder out = new StringBuilder();
        try {
            MarkdownRenderer.renderPlan(report.plan(), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private String findings() {
        if (report.findings().isEmpty()) {
            return "No finding.\n";
        }
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            out.append(String.format(Locale.ROOT, "%-4s score %3d  %-6s  %-9s  %s  [%s]%n", f.id(), f.score(),
                    f.confidence().level().label(), f.category().label(), f.title(), String.join(", ", f.evidenceIds())));
        }
        return out.toString();
    }

    private String finding(String id) {
        return report.findings().stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst()
                .map(f -> {
                    StringBuilder out = new StringBuilder();
                    out.append(f.id()).append(" · ").append(f.title()).append('\n');
                    out.append("Score ").append(f.score()).append(" · ").append(f.confidence().level().label())
                            .append(" confidence (").append(f.confidence().reason()).append(") · ")
                            .append(f.category().label()).append(" · detector ").append(f.detector()).append('\n');
                    out.append('\n').append(f.explanation()).append("\n\nFix: ").append(f.fix()).append('\n');
                    if (f.example() != null && !f.example().isBlank()) {
                        out.append('\n').append(f.example().strip()).append('\n');
                    }
                    out.append("\nEvidence:\n");
                    for (Evidence e : f.evidence()) {
                        out.append("  ").append(e.id()).append("  ").append(e.statement()).append('\n');
                    }
                    return out.toString();
                })
                .orElse("No finding " + id + "; the findings are "
                        + String.join(", ", report.findings().stream().map(Finding::id).toList()) + ".\n");
    }

    private String evidence(String id) {
        return report.evidence().stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst()
                .map(e -> {
                    StringBuilder out = new StringBuilder();
                    out.append(e.id()).append(" · ").append(e.kind()).append('\n').append(e.statement()).append('\n');
                    for (Quantity q : e.values()) {
                        out.append("  ").append(q.name()).append(" = ").append(JsonWriter.number(q.value()))
                                .append(' ').append(q.unit()).append('\n');
                    }
                    out.append("source: ").append(e.source());
                    if (e.location() != null) {
                        out.append(" (").append(e.location()).append(')');
                    }
                    return out.append('\n').toString();
                })
                .orElse("No evidence " + id + "; ids run from E1 to E" + report.evidence().size() + ".\n");
    }

    private String top(String[] words) {
        int limit = 10;
        String metricName = null;
        for (int i = 1; i < words.length; i++) {
            if (words[i].matches("\\d+")) {
                limit = Math.max(1, Integer.parseInt(words[i]));
            } else {
                metricName = words[i];
            }
        }
        MetricKind kind = profiles.metric(metricName);
        if (kind == null) {
            return metricName == null ? "No profile in this evidence.\n" : "Unknown metric '" + metricName + "'.\n";
        }
        return profiles.top(limit, kind);
    }

    private String tree(String[] words) {
        MetricKind kind = profiles.metric(words.length > 2 ? words[2] : null);
        if (kind == null) {
            return words.length > 2 ? "Unknown metric '" + words[2] + "'.\n" : "No profile in this evidence.\n";
        }
        return profiles.tree(words[1], kind);
    }
}
