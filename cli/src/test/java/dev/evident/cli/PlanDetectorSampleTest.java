package dev.evident.cli;

import dev.evident.core.model.Evidence;
import dev.evident.core.model.Finding;
import dev.evident.core.report.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan detectors on real PostgreSQL 15 plans (samples/postgres-plans, recorded by
 * record-postgres-plan-samples.sh): each fires on the plan that shows its problem, in TEXT and JSON,
 * and stays silent on the plan of the same query without it.
 */
class PlanDetectorSampleTest {

    private static List<Finding> findings(String detector, String... samples) {
        java.nio.file.Path[] paths = java.util.Arrays.stream(samples).map(s -> Samples.of("postgres-plans/" + s))
                .toArray(java.nio.file.Path[]::new);
        Report report = Diagnose.report(paths);
        return report.findings().stream().filter(f -> f.detector().contains(detector)).toList();
    }

    private static Finding one(String detector, String... samples) {
        List<Finding> found = findings(detector, samples);
        assertThat(found).as(detector + " on " + List.of(samples)).hasSize(1);
        return found.get(0);
    }

    private static String evidence(Finding f) {
        return String.join(" ", f.evidence().stream().map(Evidence::statement).toList());
    }

    @Test
    void heapFetchesOnAStaleVisibilityMapSuggestVacuum() {
        for (String file : List.of("heap-fetches.txt", "heap-fetches.json")) {
            Finding f = one("heap-fetches", file);
            assertThat(f.title()).isEqualTo("Index Only Scan on events makes 60,029 heap fetches for 48,016 rows: VACUUM events");
            assertThat(f.example()).contains("VACUUM (ANALYZE) events;");
            assertThat(evidence(f)).contains("Index Only Scan using events_account_id_idx on events: 60,029 heap fetches for 48,016 rows (1.25 per row)");
        }
        assertThat(findings("heap-fetches", "heap-fetches-vacuumed.txt", "heap-fetches-vacuumed.json")).isEmpty();
    }

    @Test
    void lossyBitmapSuggestsAWorkMemFromThePageCount() {
        Finding f = one("lossy-bitmap", "lossy-bitmap.txt");
        assertThat(evidence(f)).contains("Heap Blocks: exact=527 lossy=2,505").contains("the recheck removed 264,039 rows to keep 7,206")
                .contains("an exact bitmap over about 9,096 pages needs about 569 kB (64 bytes per page), so work_mem = 2MB");
        assertThat(f.example()).contains("SET LOCAL work_mem = '2MB';");
        assertThat(findings("lossy-bitmap", "exact-bitmap.txt", "exact-bitmap.json", "jit.txt")).isEmpty();
    }

    @Test
    void jitTakingMostOfAShortQueryIsReported() {
        Finding f = one("jit-share", "jit.txt");
        assertThat(f.title()).startsWith("JIT compilation takes ").endsWith("restore jit_above_cost");
        assertThat(evidence(f)).contains("for a plan of cost 448, below the default jit_above_cost of 100,000");
        assertThat(f.score()).isGreaterThanOrEqualTo(75);
        // the dashboard export was also run with JIT, which there costs 2.3% of a 734 ms execution
        assertThat(Diagnose.report(Samples.of("postgres-dashboard/explain-orders-export-jit.txt")).findings())
                .noneMatch(x -> x.detector().contains("jit-share"));
        assertThat(findings("jit-share", "workers.txt", "warm-cache.txt")).isEmpty();
    }

    @Test
    void workersPlannedButNotLaunched() {
        Finding f = one("parallel-workers", "workers.txt", "workers.json");
        assertThat(f.title()).isEqualTo("Gather launched 0 of 2 planned workers: check max_parallel_workers");
        assertThat(evidence(f)).contains("Workers Planned: 2, Workers Launched: 0").contains("split over 3 processes instead of 1");
        assertThat(findings("parallel-workers", "warm-cache.txt", "warm-cache.json", "lossy-bitmap.txt")).isEmpty();
    }

    @Test
    void coldCacheReadsAreReportedWithTheirIoTime() {
        Finding f = one("cache-reads", "cold-cache.txt");
        assertThat(f.title()).startsWith("Cold cache: 100.0% of the blocks (72.1 MB) came from outside shared buffers, ");
        assertThat(evidence(f)).contains("the plan read 9,231 of 9,231 shared blocks").contains("of I/O time over 3 processes");
        assertThat(f.example()).contains("SELECT pg_prewarm('events');");
        assertThat(findings("cache-reads", "warm-cache.txt", "warm-cache.json")).isEmpty();
    }

    @Test
    void nestedLoopRescanningItsInnerSideNamesTheMisestimateAndTheInnerColumns() {
        Finding f = one("nested-loop-rescan", "nested-loop.txt", "nested-loop.json");
        assertThat(f.title()).isEqualTo("Nested Loop rescans weight_bands 200 times (8,000,000 rows read to keep 8,000): "
                + "the planner expected 1 outer row");
        assertThat(f.example()).contains("CREATE STATISTICS shipments_city_zip_stats (dependencies) ON city, zip FROM shipments;")
                .contains("ON weight_bands (min_kg);");
        assertThat(evidence(f)).contains("join filter ((s.weight >= b.min_kg) AND (s.weight < b.max_kg))");
        // the dashboard's only nested loop joins products by primary key: one row per loop, nothing to report
        assertThat(Diagnose.report(Samples.of("postgres-dashboard")).findings())
                .noneMatch(x -> x.detector().contains("nested-loop-rescan"));
    }

    @Test
    void everyNumberInAPlanFindingTitleAppearsInItsEvidence() {
        Report report = Diagnose.report(Samples.of("postgres-plans"));
        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(6);
        for (Finding f : report.findings()) {
            String cited = evidence(f);
            for (String number : f.title().replaceAll("\"[^\"]*\"", "").split("[^0-9.,]+")) {
                String n = number.replaceAll("^[.,]+|[.,]+$", "");
                if (!n.isEmpty()) {
                    assertThat(cited).as(f.title()).contains(n);
                }
            }
        }
    }
}
