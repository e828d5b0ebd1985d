package dev.evident.core.detect.catalog;

import dev.evident.core.detect.profile.CallSite;
import dev.evident.core.model.MetricKind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PatternCatalogTest {

    /**
     * async-profiler's exceptions-control-flow recording has Throwable.&lt;init&gt; and fillInStackTrace
     * on the same stacks, with the same weight. The marker named in the report used to depend on the
     * iteration order of an immutable map, which the JVM varies from run to run, so the same file
     * gave two different reports. Whatever order the frames are given in, the first name wins a tie.
     */
    @Test
    void equallyHeavyMarkersAreBrokenByName() {
        for (List<String> order : List.of(
                List.of("java.lang.Throwable.fillInStackTrace", "java.lang.Throwable.<init>"),
                List.of("java.lang.Throwable.<init>", "java.lang.Throwable.fillInStackTrace"))) {
            Map<String, Long> chain = new LinkedHashMap<>();
            order.forEach(frame -> chain.put(frame, 20L));
            CallSite site = new CallSite("workload.exceptions.QuantityParser.quantity", null, null, 15, 20, 20,
                    List.of(), false, chain);
            PatternCatalog.Match match = PatternCatalog.load().match(site, MetricKind.CPU);
            assertThat(match.pattern().id()).isEqualTo("java-exceptions-as-control-flow");
            assertThat(match.marker()).isEqualTo("java.lang.Throwable.<init>");
        }
    }

    @Test
    void theHeavierMarkerWinsOverTheFirstName() {
        Map<String, Long> chain = Map.of("java.lang.Throwable.<init>", 5L, "java.lang.Throwable.fillInStackTrace", 20L);
        CallSite site = new CallSite("workload.exceptions.QuantityParser.quantity", null, null, 15, 20, 20,
                List.of(), false, chain);
        assertThat(PatternCatalog.load().match(site, MetricKind.CPU).marker())
                .isEqualTo("java.lang.Throwable.fillInStackTrace");
    }
}
