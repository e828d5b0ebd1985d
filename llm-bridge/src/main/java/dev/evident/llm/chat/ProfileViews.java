package dev.evident.llm.chat;

import dev.evident.core.detect.profile.MetricText;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The offline profile views of {@code evident chat}, after pprof's interactive {@code top} and
 * {@code peek}: the heaviest methods of each profile by own weight, and one method's callers and
 * callees. Methods are compared by name, so a method seen at several lines counts once.
 */
final class ProfileViews {
    private static final List<MetricKind> DEFAULT_ORDER =
            List.of(MetricKind.CPU, MetricKind.WALL, MetricKind.ALLOCATION, MetricKind.LOCK, MetricKind.NATIVE,
                    MetricKind.EXCEPTION);

    private final EvidenceSet evidence;

    ProfileViews(EvidenceSet evidence) {
        this.evidence = evidence;
    }

    /** The metric a name stands for ("cpu", "alloc", ...), or the first one the profiles have. */
    MetricKind metric(String name) {
        if (name != null) {
            String n = name.toLowerCase(Locale.ROOT);
            for (MetricKind k : MetricKind.values()) {
                if (k.id().startsWith(n) || (n.equals("alloc") && k == MetricKind.ALLOCATION)) {
                    return k;
                }
            }
            return null;
        }
        for (MetricKind k : DEFAULT_ORDER) {
            if (evidence.hasMetric(k)) {
                return k;
            }
        }
        return null;
    }

    String top(int limit, MetricKind kind) {
        StringBuilder out = new StringBuilder();
        for (Profile p : evidence.profiles()) {
            int column = column(p, kind);
            if (column < 0) {
                continue;
            }
            Metric metric = p.metrics().get(column);
            long total = p.totalWeight(column);
            out.append(p.source()).append(" · ").append(MetricText.weight(metric)).append(" · total ")
                    .append(MetricText.amount(metric, total)).append('\n');
            out.append(String.format(Locale.ROOT, "  %14s %6s %14s %6s  %s%n", "flat", "flat%", "cum", "cum%", "method"));
            Map<String, long[]> byName = weights(p, column);
            List<Map.Entry<String, long[]>> rows = new ArrayList<>(byName.entrySet());
            rows.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0]).reversed()
                    .thenComparing(Map.Entry::getKey));
            for (Map.Entry<String, long[]> row : rows.subList(0, Math.min(limit, rows.size()))) {
                long flat = row.getValue()[0];
                long cum = row.getValue()[1];
                out.append(String.format(Locale.ROOT, "  %14s %6s %14s %6s  %s%n", MetricText.amount(metric, flat),
                        pct(flat, total), MetricText.amount(metric, cum), pct(cum, total), row.getKey()));
            }
            out.append('\n');
        }
        return out.length() == 0 ? "No profile has " + kind.label() + " data.\n" : out.toString();
    }

    String tree(String query, MetricKind kind) {
        TreeSet<String> names = new TreeSet<>();
        for (Profile p : evidence.profiles()) {
            for (int f = 0; f < p.frames().size(); f++) {
                String name = p.frames().name(f);
                if (name.equals(query) || name.endsWith("." + query) || name.contains(query)) {
                    names.add(name);
                }
            }
        }
        String target = pick(names, query);
        if (target == null) {
            return names.isEmpty() ? "No method matches '" + query + "'.\n"
                    : "Several methods match '" + query + "'; be more specific:\n  "
                    + String.join("\n  ", names.stream().limit(12).toList()) + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (Profile p : evidence.profiles()) {
            int column = column(p, kind);
            if (column >= 0) {
                peek(p, column, target, out);
            }
        }
        return out.length() == 0 ? target + " has no " + kind.label() + " weight in any profile.\n" : out.toString();
    }

    private static String pick(TreeSet<String> names, String query) {
        if (names.size() == 1) {
            return names.first();
        }
        String exact = null;
        for (String n : names) {
            if (n.equals(query) || n.endsWith("." + query)) {
                if (exact != null) {
                    return null;
                }
                exact = n;
            }
        }
        return exact;
    }

    private static void peek(Profile p, int column, String target, StringBuilder out) {
        CallTree tree = p.tree();
        Metric metric = p.metrics().get(column);
        long total = p.totalWeight(column);
        Map<String, Long> callers = new HashMap<>();
        Map<String, Long> callees = new HashMap<>();
        long self = 0;
        long cum = 0;
        for (int n = 1; n < tree.size(); n++) {
            String name = p.frames().name(tree.frame(n));
            int parent = tree.parent(n);
            String parentName = parent > 0 ? p.frames().name(tree.frame(parent)) : null;
            if (name.equals(target)) {
                self += tree.selfWeight(column, n);
                if (!hasAncestorNamed(p, n, target)) {
                    cum += tree.totalWeight(column, n);
                    callers.merge(parentName == null ? "(thread root)" : parentName, tree.totalWeight(column, n), Long::sum);
                }
            } else if (target.equals(parentName)) {
                callees.merge(name, tree.totalWeight(column, n), Long::sum);
            }
        }
        if (cum == 0) {
            return;
        }
        out.append(p.source()).append(" · ").append(MetricText.weight(metric)).append(": ").append(target)
                .append(" — cum ").append(MetricText.amount(metric, cum)).append(" (").append(pct(cum, total))
                .append("), self ").append(MetricText.amount(metric, self)).append(" (").append(pct(self, total))
                .append(")\n");
        list("callers", callers, metric, total, out);
        list("callees", callees, metric, total, out);
        out.append('\n');
    }

    private static void list(String title, Map<String, Long> rows, Metric metric, long total, StringBuilder out) {
        out.append("  ").append(title).append('\n');
        if (rows.isEmpty()) {
            out.append("    (none)\n");
            return;
        }
        rows.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(8)
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %14s %6s  %s%n",
                        MetricText.amount(metric, e.getValue()), pct(e.getValue(), total), e.getKey())));
    }

    private static boolean hasAncestorNamed(Profile p, int node, String name) {
        for (int a = p.tree().parent(node); a > 0; a = p.tree().parent(a)) {
            if (p.frames().name(p.tree().frame(a)).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** flat = own weight summed over the method's nodes; cum = inclusive weight, recursion counted once. */
    private static Map<String, long[]> weights(Profile p, int column) {
        CallTree tree = p.tree();
        Map<String, long[]> out = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            String name = p.frames().name(tree.frame(n));
            long[] w = out.computeIfAbsent(name, k -> new long[2]);
            w[0] += tree.selfWeight(column, n);
            if (!hasAncestorNamed(p, n, name)) {
                w[1] += tree.totalWeight(column, n);
            }
        }
        return out;
    }

    private static int column(Profile p, MetricKind kind) {
        for (int c = 0; c < p.metrics().size(); c++) {
            if (p.metrics().get(c).kind() == kind && p.totalWeight(c) > 0) {
                return c;
            }
        }
        return -1;
    }

    private static String pct(long part, long whole) {
        return whole <= 0 ? "–" : Fmt.percent((double) part / whole);
    }
}
