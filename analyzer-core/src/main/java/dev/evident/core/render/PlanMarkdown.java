package dev.evident.core.render;

import dev.evident.core.plan.Gain;
import dev.evident.core.plan.Hypothesis;
import dev.evident.core.plan.OptimizationPlan;
import dev.evident.core.plan.PlanItem;
import dev.evident.core.plan.ValidationPlan;
import dev.evident.core.util.Fmt;

import java.io.IOException;

/**
 * The plan part of the Markdown report: the hypothesis, the plan table, guidance for the top fixes
 * and the validation plan. It is the part a reader of the ticket reads, so it stays short; the
 * findings and evidence behind it follow in the appendix.
 */
final class PlanMarkdown {
    /** Guidance with code is written out for at most this many items... */
    static final int GUIDED_ITEMS = 3;
    /** ...and stops once the headline part has this many words, to stay readable (target 400–700). */
    static final int GUIDANCE_WORD_BUDGET = 520;

    private PlanMarkdown() {
    }

    static void diagnosis(OptimizationPlan plan, Appendable out) throws IOException {
        Hypothesis h = plan.hypothesis();
        out.append("## Diagnosis\n\n");
        out.append(h.statement()).append("\n\n");
        out.append("Confidence: **").append(h.confidence().level().label()).append("**: ").append(h.confidence().reason())
                .append(".\n\n");
        for (String reason : h.reasons()) {
            out.append("- ").append(reason).append('\n');
        }
        out.append('\n');
    }

    static void table(OptimizationPlan plan, Appendable out) throws IOException {
        out.append("## Plan\n\n");
        if (plan.items().isEmpty()) {
            out.append("No fix to plan: no finding names a change.\n\n");
            return;
        }
        out.append("| # | Fix | Findings | Gain: conservative / realistic / optimistic | Effort | Gain per hour |\n");
        out.append("|---|-----|----------|------------------------------------------|-------:|--------------:|\n");
        for (PlanItem item : plan.items()) {
            Gain g = item.gain();
            out.append("| ").append(item.id()).append(item.quickWin() ? " ⚡" : "").append(" | ").append(cell(item.title()))
                    .append(item.overlaps().isEmpty() ? "" : " (overlaps " + String.join(", ", item.overlaps()) + ")")
                    .append(" | ").append(String.join(", ", item.findingIds())).append(" | ")
                    .append(g == null ? "not estimated (no cited fraction)"
                            : Fmt.percent(g.conservative()) + " / " + Fmt.percent(g.realistic()) + " / "
                            + Fmt.percent(g.optimistic()) + " of " + cell(g.of()))
                    .append(" | ").append(hours(item.effortHours())).append(" | ")
                    .append(g == null ? "–" : Fmt.decimal(item.priority(), 1) + " %/h").append(" |\n");
        }
        out.append('\n');
        if (plan.items().stream().anyMatch(i -> !i.overlaps().isEmpty())) {
            out.append("Items that overlap address the same statements or code: their gains do not add up.\n\n");
        }
        if (!plan.quickWins().isEmpty()) {
            out.append("⚡ Quick wins (under a day, over 30% of the time saved, realistic): ").append(String.join(", ", plan.quickWins()))
                    .append(".\n\n");
        }
    }

    /** Guidance for the top items while the word budget lasts; {@code wordsSoFar} counts the part above. */
    static void guidance(OptimizationPlan plan, Appendable out, int wordsSoFar) throws IOException {
        int words = wordsSoFar;
        int shown = 0;
        StringBuilder section = new StringBuilder();
        for (PlanItem item : plan.items()) {
            if (shown == GUIDED_ITEMS || (shown > 0 && words >= GUIDANCE_WORD_BUDGET)) {
                break;
            }
            StringBuilder b = new StringBuilder();
            b.append("### ").append(item.id()).append(" · ").append(item.title()).append("\n\n");
            if (item.gain() != null) {
                b.append("Expected reduction of ").append(item.gain().of()).append(": ")
                        .append(Fmt.percent(item.gain().conservative())).append(" conservative, ")
                        .append(Fmt.percent(item.gain().realistic())).append(" realistic, ")
                        .append(Fmt.percent(item.gain().optimistic())).append(" optimistic; the part it removes is ")
                        .append(item.gain().measured()).append(".\n\n");
            }
            b.append(item.guidance()).append("\n\n");
            if (item.code() != null && !item.code().isBlank()) {
                b.append(fenced(item.code())).append("\n\n");
            }
            // the item's check is step "Pn is confirmed when ..." of How to validate: not repeated here
            section.append(b);
            words += Words.count(b);
            shown++;
        }
        if (shown > 0) {
            out.append("## What to change first\n\n").append(section);
            if (shown < plan.items().size()) {
                out.append("The other items' guidance is with their findings in the appendix.\n\n");
            }
        }
    }

    static void validation(ValidationPlan v, Appendable out) throws IOException {
        out.append("## How to validate\n\n");
        if (!v.baseline().isEmpty()) {
            out.append("Baseline to beat: ").append(String.join("; ", v.baseline())).append(".\n\n");
        }
        int n = 1;
        for (String step : v.steps()) {
            out.append(Integer.toString(n++)).append(". ").append(step.startsWith("evident ") ? "`" + step + "`" : step)
                    .append('\n');
        }
        out.append('\n');
        if (v.loadTest() != null) {
            out.append("At scale: ").append(v.loadTest()).append("\n\n");
        }
    }

    /** The alerting rules go to the appendix: they are long and only the on-call engineer needs them. */
    static void alertRules(ValidationPlan v, Appendable out) throws IOException {
        if (v.alertRules() != null) {
            out.append("## Regression alerts (Prometheus)\n\n```yaml\n").append(v.alertRules().strip()).append("\n```\n\n");
        }
    }

    /** A code example as a fenced block; examples that already carry a fence keep theirs. */
    static String fenced(String code) {
        String c = code.strip();
        if (c.startsWith("```")) {
            return c;
        }
        String language = c.regionMatches(true, 0, "CREATE ", 0, 7) || c.regionMatches(true, 0, "SELECT ", 0, 7)
                || c.regionMatches(true, 0, "SET ", 0, 4) || c.regionMatches(true, 0, "ALTER ", 0, 6) ? "sql" : "java";
        return "```" + language + "\n" + c + "\n```";
    }

    static String hours(double h) {
        return (h == Math.rint(h) ? Long.toString((long) h) : Fmt.decimal(h, 1)) + " h";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
