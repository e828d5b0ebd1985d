package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.bound.Bound;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.detect.bound.BoundSignal;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.IoEvent;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * For recordings without wall-clock samples (the JDK's): the threads' working time split into CPU
 * (CPU samples × sampling period), lock waits (monitor and park events) and I/O (socket and file
 * events). The JDK records waits only above a threshold (10 ms with settings=profile) and samples
 * CPU of a few threads per period, so the split is an estimate; confidence is lowered accordingly.
 * Socket waits whose stack passes through a database driver count as database time.
 */
public final class ThreadTimeBoundSignal implements BoundSignal {

    @Override
    public String id() {
        return "jvm-thread-time";
    }

    @Override
    public List<BoundShare> measure(EvidenceSet evidence, AnalysisContext context) {
        List<BoundShare> out = new ArrayList<>();
        for (Profile p : evidence.profiles()) {
            if (p.column(Metric.WALL_SAMPLES) >= 0 || p.column(Metric.CPU_SAMPLES) < 0) {
                continue; // wall-clock data is the better measurement
            }
            Long period = p.intervalNanos().get(Metric.CPU_SAMPLES);
            if (period == null) {
                continue;
            }
            double cpu = p.totalCount(p.column(Metric.CPU_SAMPLES)) * (double) period;
            int lockColumn = p.column(Metric.LOCK_NANOS);
            double lock = lockColumn < 0 ? 0 : nonIdleLockNanos(p, lockColumn, context);
            // socket waits under a database driver are the database's time, not generic I/O
            double io = 0;
            double database = 0;
            for (JvmTimeline t : evidence.timelines()) {
                if (t.source().equals(p.source())) {
                    for (IoEvent e : t.io()) {
                        if (e.database()) {
                            database += e.durationNanos();
                        } else {
                            io += e.durationNanos();
                        }
                    }
                }
            }
            double total = cpu + lock + io + database;
            if (total <= 0) {
                continue;
            }
            String statement = "Thread time in " + p.source() + " estimated from CPU samples × " + Fmt.duration(period)
                    + ", lock events and I/O events: CPU " + Fmt.duration((long) cpu) + ", lock " + Fmt.duration((long) lock)
                    + ", I/O " + Fmt.duration((long) io) + (database > 0 ? ", waiting on database sockets "
                    + Fmt.duration((long) database) : "") + " (CPU " + Fmt.percent(cpu / total) + ", lock "
                    + Fmt.percent(lock / total) + ", I/O " + Fmt.percent(io / total)
                    + (database > 0 ? ", database " + Fmt.percent(database / total) : "") + ")";
            Evidence fact = new Evidence(null, "bound-thread-time|" + p.source(), "bound-thread-time", statement, List.of(
                    Quantity.of("cpu", cpu / 1e9, "s"), Quantity.of("lock", lock / 1e9, "s"), Quantity.of("io", io / 1e9, "s"),
                    Quantity.of("cpu_share", cpu / total * 100, "%"), Quantity.of("lock_share", lock / total * 100, "%"),
                    Quantity.of("io_share", io / total * 100, "%"), Quantity.of("database", database / 1e9, "s"),
                    Quantity.of("database_share", database / total * 100, "%")), p.source(), "thread-time");
            long ioEvents = evidence.timelines().stream().filter(t -> t.source().equals(p.source()))
                    .mapToLong(t -> t.io().size()).sum();
            long events = p.totalCount(p.column(Metric.CPU_SAMPLES)) + (lockColumn < 0 ? 0 : p.totalCount(lockColumn)) + ioEvents;
            // these are estimates: count half the measurements, so confidence does not reach its top on them alone
            out.add(new BoundShare(Bound.CPU, cpu / total, events / 2, fact));
            out.add(new BoundShare(Bound.LOCK, lock / total, events / 2, fact));
            out.add(new BoundShare(Bound.IO, io / total, events / 2, fact));
            if (database > 0) {
                out.add(new BoundShare(Bound.DATABASE, database / total, events / 2, fact));
            }
        }
        return out;
    }

    private static double nonIdleLockNanos(Profile p, int column, AnalysisContext context) {
        boolean[] idle = dev.evident.core.detect.profile.IdleNodes.of(p, context.classifier(p));
        double sum = 0;
        for (int n = 1; n < p.tree().size(); n++) {
            if (!idle[n]) {
                sum += p.tree().selfWeight(column, n);
            }
        }
        return sum;
    }
}
