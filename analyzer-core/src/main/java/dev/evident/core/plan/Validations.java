package dev.evident.core.plan;

import dev.evident.core.detect.latency.LatencySection;
import dev.evident.core.model.Artifact;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation plan: the figures to beat, how to measure before and after in the same way the
 * evidence was recorded, and the comparison that decides.
 */
final class Validations {
    /** How many plan items get a baseline line and a step of their own. */
    static final int TOP_ITEMS = 3;

    private Validations() {
    }

    static ValidationPlan of(List<Artifact> artifacts, List<PlanItem> items, LatencySection latency) {
        List<String> baseline = new ArrayList<>();
        String latencyLine = ScaleChecks.baselineLine(latency);
        if (latencyLine != null) {
            baseline.add(latencyLine);
        }
        // the fractions the top items address, each with the evidence that states it
        Map<String, List<String>> fractionsByQuantity = new LinkedHashMap<>();
        for (PlanItem item : items.subList(0, Math.min(TOP_ITEMS, items.size()))) {
            if (item.gain() != null) {
                fractionsByQuantity.computeIfAbsent(item.gain().of(), k -> new ArrayList<>()).add(item.id() + " "
                        + Fmt.percent(item.gain().fraction()) + " (" + String.join(", ", item.gain().evidenceIds()) + ")");
            }
        }
        fractionsByQuantity.forEach((of, parts) -> baseline.add(String.join(", ", parts) + " of " + of));
        List<String> steps = new ArrayList<>();
        List<String> commands = recordCommands(artifacts, "before");
        steps.add(commands.isEmpty() ? "Record the current build into before/ with a profiler and a load test."
                : "Record the current build into before/: " + String.join("; ", commands));
        List<String> top = items.stream().limit(TOP_ITEMS).map(PlanItem::id).toList();
        if (!top.isEmpty()) {
            steps.add("Apply " + String.join(", then ", top) + " one at a time, so each gain is measured on its own.");
        }
        steps.add("Record the changed build the same way into after/ (same settings, duration and load).");
        steps.add("evident compare before/ after/ --fail-on-regression 5%");
        for (PlanItem item : items.subList(0, Math.min(TOP_ITEMS, items.size()))) {
            if (item.gain() != null) {
                steps.add(item.id() + " is confirmed when " + item.gain().of() + " drops by "
                        + Fmt.interval(item.gain().conservative(), item.gain().optimistic()) + " (realistic "
                        + Fmt.percent(item.gain().realistic()) + ").");
            }
        }
        combined(items).ifPresent(steps::add);
        return new ValidationPlan(baseline, steps, ScaleChecks.loadTest(latency), ScaleChecks.alertRules(latency));
    }

    /**
     * What the first two items should do together. When they reduce the same quantity and address
     * different parts of it (they do not overlap), the parts add: by Amdahl's law over both parts the
     * reduction is the sum of the two items' reductions, at each of the three points.
     */
    static java.util.Optional<String> combined(List<PlanItem> items) {
        if (items.size() < 2) {
            return java.util.Optional.empty();
        }
        PlanItem a = items.get(0);
        PlanItem b = items.get(1);
        if (a.gain() == null || b.gain() == null || !a.gain().of().equals(b.gain().of()) || a.overlaps().contains(b.id())) {
            return java.util.Optional.empty();
        }
        double low = Math.min(1, a.gain().conservative() + b.gain().conservative());
        double mid = Math.min(1, a.gain().realistic() + b.gain().realistic());
        double high = Math.min(1, a.gain().optimistic() + b.gain().optimistic());
        return java.util.Optional.of(a.id() + " and " + b.id() + " together are confirmed when " + a.gain().of() + " drops by "
                + Fmt.interval(low, high) + " (realistic " + Fmt.percent(mid) + "): they address different parts of it, so "
                + "their reductions add.");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** One command per kind of artifact that was analyzed, so "after" is measured like "before". */
    static List<String> recordCommands(List<Artifact> artifacts, String dir) {
        Map<String, List<Artifact>> byKind = new LinkedHashMap<>();
        for (Artifact a : artifacts) {
            String producer = a.producer() == null ? "" : a.producer();
            String kind = a.format().equals("jfr") && producer.startsWith("async-profiler") ? "jfr-async-profiler" : a.format();
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(a);
        }
        List<String> commands = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, List<Artifact>> e : byKind.entrySet()) {
            Artifact a = e.getValue().get(0);
            String more = e.getValue().size() > 1 ? " (and the " + (e.getValue().size() - 1) + " other " + a.format()
                    + " file" + (e.getValue().size() > 2 ? "s" : "") + " the same way)" : "";
            String seconds = a.window() == null ? "60" : Long.toString(Math.max(10, Math.round(a.window().seconds())));
            switch (e.getKey()) {
                case "jfr" -> commands.add("jcmd <pid> JFR.start settings=profile duration=" + seconds + "s filename=" + dir + "/"
                        + fileName(a.path()) + more);
                case "jfr-async-profiler" -> commands.add("async-profiler as for " + fileName(a.path()) + " (same options, "
                        + seconds + " s of the same load) into " + dir + "/" + more);
                case "collapsed" -> commands.add("asprof -d " + seconds + " -o collapsed -f " + dir + "/" + fileName(a.path())
                        + " <pid>" + more);
                case "incident-yaml" -> {
                    // written by a person, not recorded: it goes along unchanged
                }
                default -> others.add(fileName(a.path()) + (e.getValue().size() > 1 ? " (+" + (e.getValue().size() - 1) + ")" : ""));
            }
        }
        if (!others.isEmpty()) {
            commands.add("the same tools and settings for " + String.join(", ", others) + ", into " + dir + "/");
        }
        return commands;
    }
}
