package dev.evident.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report in a real headless Chromium (Debian's package; .ci/run installs it): the page
 * loads from a file with no network, the flame graph zooms on a click, search highlights and
 * measures, Reset restores the view, and the copy buttons work. Screenshots go to
 * cli/target/html-report/ for review. Without a browser the test is skipped with the reason,
 * unless EVIDENT_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of("target", "html-report");
    private Chromium browser;
    private Path page;

    @BeforeAll
    void openReport() throws Exception {
        Path binary = Chromium.binary();
        if (binary == null) {
            String reason = "no Chromium found (set EVIDENT_CHROMIUM or install Debian's chromium package)";
            if ("1".equals(System.getenv("EVIDENT_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(reason + ", and EVIDENT_REQUIRE_BROWSER=1");
            }
            System.out.println("SKIPPED: HtmlReportBrowserTest: " + reason);
            assumeTrue(false, reason);
        }
        Files.createDirectories(OUT);
        page = OUT.resolve("contains-in-loop.html").toAbsolutePath();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "analyze",
                Samples.of("contains-in-loop").toString(), "--format", "html", "-o", page.toString());
        assertThat(code).as(err.toString()).isZero();
        browser = new Chromium(binary, 1400, 1000);
        browser.open(page.toUri());
    }

    @AfterAll
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void pageShowsTheDiagnosisAndThePlanWithoutLoadingAnything() throws Exception {
        assertThat(browser.eval("document.querySelector('.headline').textContent").asText())
                .contains("OrderDeduplicator.distinctCustomerIds");
        assertThat(browser.eval("document.querySelector('#plan tbody tr').textContent").asText())
                .contains("P1").contains("Replace the list lookup with a hash lookup");
        // everything is inline: no element refers to another file or host
        assertThat(browser.eval("document.querySelectorAll('script[src], link[href], img[src], iframe').length").asInt())
                .isZero();
        assertThat(browser.eval("performance.getEntriesByType('resource').length").asInt()).isZero();
        browser.screenshot(OUT.resolve("report.png"));
        browser.screenshot(OUT.resolve("report-plan.png"), "#plan");
    }

    @Test
    void clickingAFrameZoomsIntoItAndResetRestoresTheView() throws Exception {
        browser.click("#flame-reset");
        assertThat(browser.eval("document.getElementById('flame-view').dataset.zoom").asText()).isEqualTo("all");
        String frame = "#flame-view .frame";
        String target = frameSelector("workload.dedupe.OrderDeduplicator.distinctCustomerIds");
        double before = browser.eval("document.querySelector(" + quote(target) + ").getBoundingClientRect().width").asDouble();

        browser.click(target);

        assertThat(browser.eval("document.getElementById('flame-view').dataset.zoom").asText())
                .isEqualTo("workload.dedupe.OrderDeduplicator.distinctCustomerIds");
        double viewWidth = browser.eval("document.getElementById('flame-view').clientWidth").asDouble();
        double after = browser.eval("document.querySelector(" + quote(target + ":not(.ancestor)")
                + ").getBoundingClientRect().width").asDouble();
        assertThat(before).isLessThan(viewWidth * 0.99);
        assertThat(after).isGreaterThan(viewWidth * 0.98);
        assertThat(browser.eval("document.getElementById('flame-zoom').textContent").asText())
                .startsWith("Zoomed into workload.dedupe.OrderDeduplicator.distinctCustomerIds: ").contains("% of all CPU samples");
        // the callers above the zoomed frame stay visible, dimmed
        assertThat(browser.eval("document.querySelectorAll('#flame-view .frame.ancestor').length").asInt()).isPositive();
        browser.screenshot(OUT.resolve("flame-zoomed.png"), "#flames");

        browser.click("#flame-reset");
        assertThat(browser.eval("document.getElementById('flame-view').dataset.zoom").asText()).isEqualTo("all");
        assertThat(browser.eval("document.getElementById('flame-zoom').textContent").asText()).startsWith("Showing all frames");
        assertThat(browser.eval("document.querySelectorAll(" + quote(frame + ".ancestor") + ").length").asInt()).isZero();
    }

    @Test
    void searchHighlightsMatchingFramesAndStatesTheirShare() throws Exception {
        browser.click("#flame-reset");
        browser.click("#flame-search");
        browser.type("ArrayList");

        JsonNode matches = browser.eval("Array.from(document.querySelectorAll('#flame-view .frame.match'))"
                + ".map(e => e.textContent)");
        assertThat(matches.size()).isPositive();
        matches.forEach(m -> assertThat(m.asText()).contains("ArrayList"));
        String status = browser.eval("document.getElementById('flame-status').textContent").asText();
        assertThat(status).startsWith("Search \"ArrayList\": ").contains("% of ");
        browser.screenshot(OUT.resolve("flame-search.png"), "#flames");
        browser.click("#flame-reset");
        assertThat(browser.eval("document.querySelectorAll('#flame-view .frame.match').length").asInt()).isZero();
    }

    @Test
    void copyButtonCopiesTheCodeBlock() throws Exception {
        String button = "#plan .code button.copy";
        browser.click(button);

        // the clipboard answers asynchronously
        browser.waitFor("document.querySelector(" + quote(button) + ").textContent === 'Copied'", java.time.Duration.ofSeconds(3));
        assertThat(browser.eval("document.querySelector(" + quote(button) + ").textContent").asText()).isEqualTo("Copied");
        String copied = browser.eval("document.querySelector(" + quote(button) + ").dataset.copied").asText();
        assertThat(copied).isEqualTo(browser.eval("document.querySelector('#plan .code code').textContent").asText())
                .contains("LinkedHashSet");
    }

    /** The first drawn, non-dimmed frame box whose text is exactly this name. */
    private String frameSelector(String name) throws Exception {
        int index = browser.eval("Array.from(document.querySelectorAll('#flame-view .frame'))"
                + ".findIndex(e => e.textContent === " + quote(name) + ")").asInt();
        assertThat(index).as("a frame named " + name + " is drawn").isGreaterThanOrEqualTo(0);
        String node = browser.eval("document.querySelectorAll('#flame-view .frame')[" + index + "].dataset.node").asText();
        return "#flame-view .frame[data-node=\"" + node + "\"]";
    }

    @Test
    void flagshipReportAndComparisonShowLatencyChartsWithTheObjective() throws Exception {
        Path report = OUT.resolve("dashboard-incident.html").toAbsolutePath();
        Path comparison = OUT.resolve("dashboard-incident-compare.html").toAbsolutePath();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "analyze",
                Samples.of("dashboard-incident").toString(), "--format", "html", "-o", report.toString()))
                .as(err.toString()).isZero();
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "compare",
                Samples.of("dashboard-incident").toString(), Samples.of("dashboard-incident-after").toString(),
                "--format", "html", "-o", comparison.toString())).as(err.toString()).isZero();

        browser.open(report.toUri());
        assertThat(browser.eval("document.querySelector('#latency p.breach').textContent").asText())
                .contains("p95 < 200ms");
        // one line for the wrk series, and the objectives drawn as limits
        assertThat(browser.eval("document.querySelectorAll('#latency svg polyline.curve').length").asInt()).isEqualTo(1);
        assertThat(browser.eval("[...document.querySelectorAll('#latency svg .objective-label')].map(e => e.textContent).join('|')")
                .asText()).contains("p95 < 200ms").contains("p99 < 400ms");
        browser.screenshot(OUT.resolve("dashboard-latency.png"), "#latency");

        browser.open(comparison.toUri());
        assertThat(browser.eval("document.querySelector('h2 .verdict-improved').textContent").asText()).isEqualTo("improved");
        assertThat(browser.eval("[...document.querySelectorAll('svg polyline.curve')].map(e => e.dataset.series).join('|')")
                .asText()).contains("before (179 requests)").contains("after (671 requests)");
        // the after line lies below the before line at every percentile: it was drawn from the right series
        assertThat(browser.eval("(() => { const [b, a] = [...document.querySelectorAll('svg polyline.curve')]"
                + ".map(p => p.getAttribute('points').split(' ').map(xy => +xy.split(',')[1]));"
                + " return b.every((y, i) => a[i] > y); })()").asBoolean()).isTrue();
        browser.screenshot(OUT.resolve("dashboard-compare.png"));
        browser.open(page.toUri()); // the other tests work on the first page
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
