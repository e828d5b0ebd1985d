package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.detect.profile.CallSite;
import dev.evident.core.model.Category;
import dev.evident.core.model.CounterSample;
import dev.evident.core.model.Evidence;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many exceptions the application creates per second (JMC's Exceptions rule) and, when the
 * recording captured them with stacks, where.
 */
public final class ExceptionRateDetector implements Detector {

    @Override
    public String id() {
        return "exceptions";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            List<CounterSample> counts = t.exceptionCounts();
            if (counts.size() < 2) {
                continue;
            }
            CounterSample first = counts.get(0);
            CounterSample last = counts.get(counts.size() - 1);
            double seconds = (last.epochNanos() - first.epochNanos()) / 1e9;
            long created = last.value() - first.value();
            if (seconds <= 0 || created <= 0) {
                continue;
            }
            double rate = created / seconds;
            int score = JvmThresholds.EXCEPTION_RATE.scoreInt(rate);
            if (score < 10) {
                continue;
            }
            List<Evidence> facts = new ArrayList<>();
            String statement = Fmt.count(created) + " exceptions and errors were created in " + Fmt.decimal(seconds, 1)
                    + " s (" + Fmt.decimal(rate, 0) + " per second)";
            facts.add(JvmEvidence.fact("exception-rate", t, "rate", statement, List.of(
                    Quantity.of("created", created, "exceptions"), Quantity.of("span", seconds, "s"),
                    Quantity.of("rate", rate, "per s"))));
            Optional<CallSite> site = JvmEvidence.topSite(evidence, t, MetricKind.EXCEPTION, context);
            String where = "";
            if (site.isPresent()) {
                CallSite s = site.get();
                String type = s.topLeaf() != null && s.topLeaf().type() ? s.topLeaf().name() : "?";
                where = " Most are " + JavaFrameNames.simpleTypeName(type) + " created in " + JvmEvidence.siteLabel(s) + ".";
                facts.add(JvmEvidence.fact("exception-site", t, "site", "Top exception site in " + t.source() + ": "
                        + s.anchor() + (s.entry() != null ? " via " + s.entry() : "") + ", type " + type,
                        List.of(Quantity.of("exceptions", s.weight(), "exceptions"))));
            }
            String title = Fmt.decimal(rate, 0) + " exceptions per second" + (site.isPresent()
                    ? " (" + JvmEvidence.siteLabel(site.get()) + ")" : "");
            String explanation = "Each exception records the thread's stack when it is created, which is expensive at "
                    + "this rate; exceptions this frequent are usually control flow (parsing, lookups, validation). "
                    + statement + "." + where;
            String fix = "Stop using exceptions for expected outcomes" + site.map(s -> " in " + JvmEvidence.siteLabel(s)).orElse("")
                    + ": check before calling, return a result instead of throwing, or reuse a preallocated exception "
                    + "without a stack trace." + (site.isEmpty() ? " To see where they are created, record with "
                    + "jdk.JavaExceptionThrow enabled (jfr configure +jdk.JavaExceptionThrow#enabled=true)." : "");
            out.add(new Finding(null, "exceptions", id(), Category.RUNTIME, title, score,
                    JvmEvidence.confidence(created, "exceptions counted by the JVM", counts.size() + " counter readings over "
                            + Fmt.decimal(seconds, 1) + " s"),
                    created, facts, explanation, fix, null).withRemedy("java-exceptions-as-control-flow", null));
        }
        return out;
    }
}
