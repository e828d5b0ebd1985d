package dev.evident.core.report;

import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.MetricKind;

import java.util.ArrayList;
import java.util.List;

/** Works out which kinds of evidence are missing and how to collect them. */
final class EvidenceGaps {
    private EvidenceGaps() {
    }

    static List<EvidenceGap> of(EvidenceSet evidence) {
        List<EvidenceGap> gaps = new ArrayList<>();
        CollectCommands commands = CollectCommands.of(evidence);
        if (!evidence.hasMetric(MetricKind.CPU)) {
            gaps.add(new EvidenceGap("CPU profile",
                    "which code burns CPU is unknown",
                    commands.cpu));
        }
        if (!evidence.hasMetric(MetricKind.WALL)) {
            gaps.add(new EvidenceGap("wall-clock profile",
                    "time spent waiting (I/O, locks, remote calls, sleeps) cannot be told apart from computing",
                    commands.wall));
        }
        if (!evidence.hasMetric(MetricKind.ALLOCATION)) {
            gaps.add(new EvidenceGap("allocation profile",
                    "which code drives the garbage collector is unknown",
                    commands.allocation));
        }
        if (!evidence.hasMetric(MetricKind.LOCK)) {
            gaps.add(new EvidenceGap("lock profile",
                    "contention on monitors and java.util.concurrent locks is invisible",
                    commands.lock));
        }
        boolean gcData = evidence.timelines().stream().anyMatch(t -> !t.gcPauses().isEmpty());
        if (!gcData) {
            gaps.add(new EvidenceGap("garbage-collection timeline",
                    "GC pause time and heap growth cannot be measured, so allocation findings stay capped",
                    "jcmd <pid> JFR.start settings=profile duration=60s filename=gc.jfr"));
        }
        if (evidence.latencies().isEmpty()) {
            gaps.add(new EvidenceGap("latency measurements",
                "the metric that defines \"slow\" (p50/p95/p99 against an SLA) is not known, so no finding "
                        + "can be related to user-visible latency",
                "wrk -t2 -c16 -d60s --latency http://<host>:<port>/<endpoint> > wrk.txt"));
        }
        return gaps;
    }
}
