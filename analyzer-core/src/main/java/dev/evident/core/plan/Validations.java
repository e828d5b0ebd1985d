package dev.evident.core.plan;

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

    static ValidationPlan of(List<Artifact> artifacts, List<PlanItem> items) {
        List<String> baseline = new ArrayList<>();
        for (PlanItem item : items.subList(0, Math.min(TOP_ITEMS, items.size()))) {
            if (item.gain() != null) {
                baseline.add(item.id() + ": " + item.gain().measured());
            }
        }
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
        return new ValidationPlan(baseline, steps, null, null);
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
        for (Map.Entry<String, List<Artifact>> e : byKind.entrySet()) {
            Artifact a = e.getValue().get(0);
            String more = e.getValue().size() > 1 ? " (and the " + (e.getValue().size() - 1) + " other " + a.format()
                    + " file" + (e.getValue().size() > 2 ? "s" : "") + " the same way)" : "";
            String seconds = a.window() == null ? "60" : Long.toString(Math.max(10, Math.round(a.window().seconds())));
            commands.add(switch (e.getKey()) {
                case "jfr" -> "jcmd <pid> JFR.start settings=profile duration=" + seconds + "s filename=" + dir + "/"
                        + fileName(a.path()) + more;
                case "jfr-async-profiler" -> "async-profiler with the options that produced " + a.path() + ", into " + dir
                        + "/" + fileName(a.path()) + " (" + seconds + " s of the same load)" + more;
                case "collapsed" -> "asprof -d " + seconds + " -o collapsed -f " + dir + "/" + fileName(a.path()) + " <pid>"
                        + more;
                default -> "collect " + a.format() + " as for " + a.path() + " into " + dir + "/" + more;
            });
        }
        return commands;
    }
}
