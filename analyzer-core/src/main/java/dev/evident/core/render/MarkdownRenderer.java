package dev.evident.core.render;

import dev.evident.core.model.Artifact;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.model.SkippedArtifact;
import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.report.EvidenceGap;
import dev.evident.core.report.Report;
import dev.evident.core.util.Fmt;

import java.io.IOException;
import java.time.Instant;

/** The report as Markdown, to paste into an incident ticket. */
public final class MarkdownRenderer implements Renderer {

    @Override
    public String format() {
        return "md";
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("# evident diagnosis\n\n");
        LatencyMarkdown.lead(report.latency(), head);
        head.append("**").append(report.headline()).append("**\n\n");
        PlanMarkdown.diagnosis(report.plan(), head);
        PlanMarkdown.table(report.plan(), head);
        StringBuilder validation = new StringBuilder();
        PlanMarkdown.validation(report.plan().validation(), validation);
        PlanMarkdown.guidance(report.plan(), head, Words.count(head) + Words.count(validation));
        head.append(validation);
        out.append(head);
        NarrativeMarkdown.write(report.narrative(), out);

        out.append("---\n\n# Appendix\n\n");
        LatencyMarkdown.section(report.latency(), out);
        bound(report, out);
        findings(report, out);
        PlanMarkdown.alertRules(report.plan().validation(), out);

        if (!report.gaps().isEmpty()) {
            out.append("## What to collect next\n\n");
            for (EvidenceGap g : report.gaps()) {
                out.append("- **").append(g.missing()).append("**: without it, ").append(g.consequence())
                        .append(".\n  `").append(g.command()).append("`\n");
            }
            out.append('\n');
        }

        out.append("## Evidence\n\n");
        out.append("| Id | Kind | Statement | Source |\n");
        out.append("|----|------|-----------|--------|\n");
        for (Evidence e : report.evidence()) {
            out.append("| ").append(e.id()).append(" | ").append(e.kind()).append(" | ")
                    .append(cell(e.statement())).append(" | ").append(cell(e.source())).append(" |\n");
        }
        out.append('\n');

        out.append("## Artifacts\n\n");
        out.append("| Path | Format | Size | Producer | Covers |\n");
        out.append("|------|--------|-----:|----------|--------|\n");
        for (Artifact a : report.artifacts()) {
            out.append("| ").append(cell(a.path())).append(" | ").append(a.format()).append(" | ")
                    .append(Fmt.bytes(a.sizeBytes())).append(" | ").append(cell(nullToDash(a.producer()))).append(" | ")
                    .append(a.window() == null ? "–" : Instant.ofEpochSecond(0, a.window().startEpochNanos())
                            + ", " + Fmt.decimal(a.window().seconds(), 1) + " s")
                    .append(" |\n");
        }
        out.append('\n');
        boolean anyWarning = report.artifacts().stream().anyMatch(a -> !a.warnings().isEmpty());
        if (anyWarning) {
            out.append("Reader warnings:\n\n");
            for (Artifact a : report.artifacts()) {
                for (String warning : a.warnings()) {
                    out.append("- ").append(a.path()).append(": ").append(warning).append('\n');
                }
            }
            out.append('\n');
        }
        if (!report.skipped().isEmpty()) {
            out.append("Skipped inputs:\n\n");
            for (SkippedArtifact s : report.skipped()) {
                out.append("- ").append(s.path()).append(": ").append(s.reason()).append('\n');
            }
            out.append('\n');
        }
        if (!report.warnings().isEmpty()) {
            out.append("Analysis warnings:\n\n");
            for (String warning : report.warnings()) {
                out.append("- ").append(warning).append('\n');
            }
            out.append('\n');
        }
        out.append("_").append(report.tool()).append("_\n");
    }

    /** The plan part alone (hypothesis, table, guidance, validation), e.g. for a terminal. */
    public static void renderPlan(OptimizationPlan plan, Appendable out) throws IOException {
        PlanMarkdown.diagnosis(plan, out);
        PlanMarkdown.table(plan, out);
        PlanMarkdown.guidance(plan, out, 0);
        PlanMarkdown.validation(plan.validation(), out);
    }

    private static void bound(Report report, Appendable out) throws IOException {
        var bound = report.bound();
        out.append("Bound: ").append(bound.statement()).append(" Confidence ").append(bound.confidence().level().label())
                .append(" (").append(bound.confidence().reason()).append(')');
        if (!bound.shares().isEmpty()) {
            out.append(" [").append(String.join(", ", bound.shares().stream().map(s -> s.evidence().id()).distinct().toList()))
                    .append(']');
        }
        out.append(".\n\n");
    }

    private static void findings(Report report, Appendable out) throws IOException {
        out.append("## Findings\n\n");
        if (report.findings().isEmpty()) {
            out.append("No finding.\n\n");
            return;
        }
        out.append("| # | Score | Confidence | Category | Finding | Evidence |\n");
        out.append("|---|------:|------------|----------|---------|----------|\n");
        for (Finding f : report.findings()) {
            out.append("| ").append(f.id()).append(" | ").append(Integer.toString(f.score())).append(" | ")
                    .append(f.confidence().level().label()).append(" | ").append(f.category().label())
                    .append(" | ").append(cell(f.title())).append(" | ")
                    .append(String.join(", ", f.evidenceIds())).append(" |\n");
        }
        out.append('\n');
        for (Finding f : report.findings()) {
            out.append("### ").append(f.id()).append(" · ").append(f.title()).append("\n\n");
            out.append("Score ").append(Integer.toString(f.score())).append(" · ")
                    .append(f.confidence().level().label()).append(" confidence (")
                    .append(f.confidence().reason()).append(") · detector `").append(f.detector())
                    .append("` · evidence ").append(String.join(", ", f.evidenceIds())).append("\n\n");
            out.append(f.explanation()).append("\n\n");
            out.append("**Fix:** ").append(f.fix()).append("\n\n");
            if (f.example() != null && !f.example().isBlank()) {
                out.append(PlanMarkdown.fenced(f.example())).append("\n\n");
            }
        }
    }

    private static String nullToDash(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
