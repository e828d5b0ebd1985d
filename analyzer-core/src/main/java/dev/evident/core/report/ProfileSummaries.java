package dev.evident.core.report;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.profile.MetricText;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.model.ThreadBreakdown;
import dev.evident.core.stats.Share;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Context evidence about every profile: how much data each metric has, and how it splits across
 * threads. Findings lean on these numbers implicitly (sample counts bound their confidence).
 */
final class ProfileSummaries {
    static final int TOP_THREADS = 5;

    private ProfileSummaries() {
    }

    static void note(EvidenceSet evidence, AnalysisContext context) {
        for (Profile profile : evidence.profiles()) {
            for (int c = 0; c < profile.metrics().size(); c++) {
                final int column = c;
                Metric metric = profile.metrics().get(c);
                long total = profile.totalWeight(c);
                long count = profile.totalCount(c);
                List<Quantity> values = new ArrayList<>();
                values.add(Quantity.of("total", total, MetricText.unit(metric)));
                values.add(Quantity.of("events", count, "events"));
                StringBuilder s = new StringBuilder(profile.source()).append(": ");
                if (metric.unit() == dev.evident.core.model.Unit.SAMPLES) {
                    s.append(Fmt.count(total)).append(' ').append(MetricText.events(metric));
                } else {
                    s.append(MetricText.amount(metric, total)).append(" of ").append(MetricText.weight(metric));
                }
                if (metric.unit() != dev.evident.core.model.Unit.SAMPLES) {
                    s.append(" from ").append(Fmt.count(count)).append(' ').append(MetricText.events(metric));
                }
                profile.timeWindow().ifPresent(w -> {
                    s.append(" over ").append(Fmt.decimal(w.seconds(), 1)).append(" s");
                    values.add(Quantity.of("duration", w.seconds(), "s"));
                });
                Long interval = profile.intervalNanos().get(metric);
                if (interval != null) {
                    s.append(", sampled every ").append(Fmt.duration(interval));
                    values.add(Quantity.of("interval", interval / 1e6, "ms"));
                }
                context.note(new Evidence(null, "profile-summary|" + profile.source() + "|" + metric.id(),
                        "profile-summary", s.toString(), values, profile.source(), metric.id()));
                profile.threadBreakdown().ifPresent(t -> noteThreads(profile, column, metric, t, total, count, context));
                if (!profile.tags().isEmpty()) {
                    noteTags(profile, column, metric, total, count, context);
                }
            }
        }
    }

    /** How a metric splits by the values of each sample label (pprof labels), heaviest values first. */
    private static void noteTags(Profile profile, int column, Metric metric, long total, long count, AnalysisContext context) {
        if (total <= 0) {
            return;
        }
        dev.evident.core.model.SampleTags tags = profile.tags();
        for (String key : tags.keys()) {
            java.util.Map<String, Long> byValue = new java.util.HashMap<>();
            long labelled = 0;
            for (int r = 0; r < tags.rows(); r++) {
                for (dev.evident.core.model.Tag tag : tags.tagSet(tags.tagSetOf(r))) {
                    if (tag.key().equals(key)) {
                        byValue.merge(tag.value(), tags.weight(column, r), Long::sum);
                        labelled += tags.weight(column, r);
                    }
                }
            }
            List<String> values = new ArrayList<>(byValue.keySet());
            values.removeIf(v -> byValue.get(v) <= 0);
            values.sort(Comparator.<String>comparingLong(byValue::get).reversed().thenComparing(Comparator.naturalOrder()));
            if (values.isEmpty()) {
                continue;
            }
            List<Quantity> quantities = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (String v : values.subList(0, Math.min(TOP_THREADS, values.size()))) {
                double share = (double) byValue.get(v) / total;
                parts.add(key + "=" + v + " " + Fmt.percent(share));
                quantities.add(Quantity.of(key + "=" + v, share * 100, "%"));
            }
            double unlabelled = (double) (total - labelled) / total;
            quantities.add(Quantity.of("without " + key, unlabelled * 100, "%"));
            String more = values.size() > TOP_THREADS ? " (" + values.size() + " values in all)" : "";
            context.note(new Evidence(null, "tag-split|" + profile.source() + "|" + metric.id() + "|" + key, "tag-split",
                    MetricText.weight(metric) + " by label " + key + " in " + profile.source() + ": " + String.join(", ", parts)
                            + more + "; without the label " + Fmt.percent(unlabelled), quantities, profile.source(), metric.id()));
        }
    }

    private static void noteThreads(Profile profile, int column, Metric metric, ThreadBreakdown threads,
                                    long total, long count, AnalysisContext context) {
        if (total <= 0 || threads.size() == 0) {
            return;
        }
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < threads.size(); t++) {
            if (threads.weight(t, column) > 0) {
                order.add(t);
            }
        }
        order.sort(Comparator.<Integer>comparingLong(t -> threads.weight(t, column)).reversed()
                .thenComparing(threads::name));
        List<Quantity> values = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int t : order.subList(0, Math.min(TOP_THREADS, order.size()))) {
            Share share = Share.of(threads.weight(t, column), total, count);
            parts.add(threads.name(t) + " " + Fmt.percent(share.value()));
            values.add(Quantity.of(threads.name(t), share.value() * 100, "%"));
        }
        String more = order.size() > TOP_THREADS ? " (" + order.size() + " threads in all)" : "";
        values.add(Quantity.of("threads", order.size(), "threads"));
        context.note(new Evidence(null, "thread-split|" + profile.source() + "|" + metric.id(), "thread-split",
                MetricText.weight(metric) + " by thread in " + profile.source() + ": " + String.join(", ", parts) + more,
                values, profile.source(), metric.id()));
    }
}
