package dev.evident.core.detect.jvm;

import dev.evident.core.detect.AnalysisContext;
import dev.evident.core.detect.Detector;
import dev.evident.core.model.Category;
import dev.evident.core.model.CodeCacheFull;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.Finding;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.Quantity;
import dev.evident.core.util.Fmt;

import java.util.ArrayList;
import java.util.List;

/** The code cache ran full: the JIT stops compiling and new hot code stays interpreted (JMC CodeCache rule). */
public final class CodeCacheFullDetector implements Detector {

    @Override
    public String id() {
        return "code-cache-full";
    }

    @Override
    public List<Finding> detect(EvidenceSet evidence, AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (JvmTimeline t : evidence.timelines()) {
            if (t.codeCacheFull().isEmpty()) {
                continue;
            }
            CodeCacheFull last = t.codeCacheFull().get(t.codeCacheFull().size() - 1);
            String statement = "The code cache segment " + last.segment() + " ran full " + t.codeCacheFull().size()
                    + " time(s) during the recording (capacity " + Fmt.bytes(last.capacityBytes()) + ")";
            var fact = JvmEvidence.fact("code-cache-full", t, last.segment(), statement, List.of(
                    Quantity.of("events", t.codeCacheFull().size(), "events"),
                    Quantity.of("capacity", last.capacityBytes() / (double) (1 << 20), "MiB")));
            out.add(new Finding(null, "code-cache-full", id(), Category.RUNTIME, "Code cache ran full "
                    + t.codeCacheFull().size() + " time(s)", (int) JvmThresholds.CODE_CACHE_FULL_SCORE.value(),
                    JvmEvidence.confidence(t.codeCacheFull().size(), "events", "the recorder reports it directly"),
                    t.codeCacheFull().size(), List.of(fact),
                    "When the code cache is full the JIT stops compiling, so methods that become hot later run "
                            + "interpreted, many times slower. " + statement + ".",
                    "Raise the code cache (-XX:ReservedCodeCacheSize=512m) and check for code generated per request "
                            + "(dynamic proxies, scripting engines, lambdas created in loops).",
                    "```sh\njava -XX:ReservedCodeCacheSize=512m ...\n```"));
        }
        return out;
    }
}
