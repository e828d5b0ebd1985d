package dev.evident.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.Metric;
import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.Samples;
import dev.evident.ingest.TestSink;
import dev.evident.ingest.chrome.ChromeCpuProfileReader;
import dev.evident.ingest.collapsed.CollapsedReader;
import dev.evident.ingest.perf.PerfScriptReader;
import dev.evident.ingest.speedscope.SpeedscopeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static dev.evident.ingest.ProfileQueries.hasFrame;
import static dev.evident.ingest.ProfileQueries.selfWeight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chrome .cpuprofile, perf script, speedscope and the collapsed variants, each against an independent count. */
class OtherProfileFormatsTest {

    private static TestSink read(ArtifactReader reader, Path file) throws Exception {
        TestSink sink = new TestSink();
        reader.read(ArtifactInput.of(file), sink);
        return sink;
    }

    @Test
    void chromeCpuProfileSelfCountsMatchAPlainJsonWalk() throws Exception {
        Path file = Samples.of("node-sync-crypto/cpu.cpuprofile");
        Profile p = read(new ChromeCpuProfileReader(), file).onlyProfile();
        // independent: count samples per function name with Jackson's tree model
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        Map<Long, String> names = new HashMap<>();
        json.get("nodes").forEach(n -> names.put(n.get("id").asLong(), n.get("callFrame").get("functionName").asText()));
        Map<String, Long> expected = new HashMap<>();
        long idle = 0;
        for (JsonNode s : json.get("samples")) {
            String name = names.get(s.asLong());
            if (name.equals("(idle)")) {
                idle++;
            } else {
                expected.merge(name, 1L, Long::sum);
            }
        }
        assertThat(p.totalCount(0)).isEqualTo(json.get("samples").size() - idle);
        assertThat(selfCount(p, "pbkdf2Sync")).isEqualTo(expected.get("pbkdf2Sync")).isGreaterThan(p.totalCount(0) / 2);
        assertThat(hasFrame(p, "deriveKey", FrameKind.JS)).isTrue();
        int deriveKey = frame(p, "deriveKey");
        assertThat(p.frames().file(deriveKey)).endsWith("samples/workloads/node/login-service.js");
        assertThat(p.metrics()).containsExactly(Metric.CPU_NANOS);
    }

    @Test
    void chromeCpuProfileThatIsCutOffNamesTheLine(@TempDir Path dir) throws Exception {
        String text = Files.readString(Samples.of("node-sync-crypto/cpu.cpuprofile"));
        Path cut = Files.writeString(dir.resolve("cut.cpuprofile"), text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> read(new ChromeCpuProfileReader(), cut)).isInstanceOf(ArtifactException.class)
                .hasMessageStartingWith("cpuprofile: not valid JSON at line 1, column ");
    }

    @Test
    void perfScriptSamplesAndKindsMatchACountOfItsBlocks() throws Exception {
        Path file = Samples.of("perf-go-regexp/perf-script.txt.gz");
        TestSink sink = read(new PerfScriptReader(), file);
        Profile p = sink.onlyProfile();
        long blocks = 0;
        long leafIsValidSku = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file))))) {
            boolean header = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                    blocks++;
                    header = true;
                } else if (header && !line.isBlank()) {
                    leafIsValidSku += line.contains(" main.isValidSKU+") ? 1 : 0;
                    header = false;
                }
            }
        }
        assertThat(p.totalCount(0)).isEqualTo(blocks);
        assertThat(selfWeight(p, Metric.CPU_SAMPLES, "main.isValidSKU")).isEqualTo(leafIsValidSku);
        assertThat(hasFrame(p, "main.isValidSKU", FrameKind.GO)).isTrue();
        assertThat(hasFrame(p, "regexp.MustCompile", FrameKind.GO)).isTrue();
        assertThat(hasFrame(p, "clear_page_erms", FrameKind.KERNEL)).isTrue();
        assertThat(sink.producer).isEqualTo("perf script (events: cpu-clock)");
    }

    @Test
    void speedscopeSampledAndEventedAgreeWithTheCpuProfileTheyCameFrom() throws Exception {
        Profile chrome = read(new ChromeCpuProfileReader(), Samples.of("node-sync-crypto/cpu.cpuprofile")).onlyProfile();
        Profile sampled = read(new SpeedscopeReader(), Samples.of("speedscope-node/sampled.speedscope.json")).onlyProfile();
        Profile evented = read(new SpeedscopeReader(), Samples.of("speedscope-node/evented.speedscope.json")).onlyProfile();
        long pbkdf2 = selfWeight(chrome, Metric.CPU_NANOS, "pbkdf2Sync");
        assertThat(selfWeight(sampled, Metric.CPU_NANOS, "pbkdf2Sync")).isEqualTo(pbkdf2);
        assertThat(selfWeight(evented, Metric.CPU_NANOS, "pbkdf2Sync")).isEqualTo(pbkdf2);
        assertThat(sampled.totalWeight(0)).isEqualTo(evented.totalWeight(0));
    }

    @Test
    void speedscopeWithUnbalancedEventsIsRejected(@TempDir Path dir) throws Exception {
        // hand-made: a close without an open cannot come from a working exporter
        Path bad = Files.writeString(dir.resolve("bad.speedscope.json"), "{\"$schema\":\"https://www.speedscope.app/"
                + "file-format-schema.json\",\"shared\":{\"frames\":[{\"name\":\"a\"},{\"name\":\"b\"}]},\"profiles\":"
                + "[{\"type\":\"evented\",\"name\":\"t\",\"unit\":\"milliseconds\",\"startValue\":0,\"endValue\":2,"
                + "\"events\":[{\"type\":\"O\",\"at\":0,\"frame\":0},{\"type\":\"C\",\"at\":1,\"frame\":1}]}]}");
        assertThatThrownBy(() -> read(new SpeedscopeReader(), bad)).isInstanceOf(ArtifactException.class)
                .hasMessage("speedscope: evented profile 0, event 1 closes a frame that is not the innermost open one");
    }

    @Test
    void pySpyFramesArePythonFunctionsNamedByModule() throws Exception {
        Path file = Samples.of("python-deepcopy/cpu.pyspy.txt");
        Profile p = read(new CollapsedReader(), file).onlyProfile();
        assertThat(hasFrame(p, "order_snapshots.snapshot", FrameKind.PYTHON)).isTrue();
        assertThat(hasFrame(p, "copy.deepcopy", FrameKind.PYTHON)).isTrue();
        assertThat(p.frames().file(frame(p, "copy.deepcopy"))).endsWith("/lib/python3.11/copy.py");
        long sum = 0;
        for (String line : Files.readAllLines(file)) {
            sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertThat(p.totalWeight(0)).isEqualTo(sum);
    }

    @Test
    void differentialFoldedIsReadAsTheAfterSideWithBothTotals() throws Exception {
        Path file = Samples.of("java-diff-folded/cpu.diff.folded");
        TestSink sink = read(new CollapsedReader(), file);
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            before += Long.parseLong(parts[parts.length - 2]);
            after += Long.parseLong(parts[parts.length - 1]);
        }
        assertThat(sink.onlyProfile().totalWeight(0)).isEqualTo(after);
        String expected = "analyzed the second (after) count: " + after + " samples after, " + before + " before";
        assertThat(sink.warnings).anySatisfy(w -> assertThat(w).contains(expected));
        assertThat(hasFrame(sink.onlyProfile(), "workload.dedupe.OrderDeduplicator.distinctCustomerIds", FrameKind.JAVA)).isTrue();
    }

    private static long selfCount(Profile p, String name) {
        long sum = 0;
        for (int n = 1; n < p.tree().size(); n++) {
            if (p.frames().name(p.tree().frame(n)).equals(name)) {
                sum += p.tree().selfCount(0, n);
            }
        }
        return sum;
    }

    private static int frame(Profile p, String name) {
        for (int i = 0; i < p.frames().size(); i++) {
            if (p.frames().name(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no frame " + name);
    }
}
