package dev.evident.ingest;

import dev.evident.core.model.Artifact;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.SkippedArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One directory of good and bad inputs: bad ones are skipped with a reason, good ones still read. */
class IngestTest {

    @Test
    void badFilesAreSkippedWithReasonsAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Path jfr = Samples.of("contains-in-loop/jdk17-profile.jfr");
        Files.copy(jfr, dir.resolve("good.jfr"));
        Files.copy(Samples.of("contains-in-loop/cpu.collapsed"), dir.resolve("cpu.collapsed"));
        Files.write(dir.resolve("truncated.jfr"), Arrays.copyOf(Files.readAllBytes(jfr), 4096));
        Files.writeString(dir.resolve("notes.jfr"), "this is a text file, not a recording\n");
        Files.createFile(dir.resolve("empty.collapsed"));
        Files.write(dir.resolve("blob.bin"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        byte[] gz = gzip(Files.readAllBytes(Samples.of("lock-contention/lock.collapsed")));
        Files.write(dir.resolve("lock.collapsed.gz"), gz);
        Files.write(dir.resolve("broken.collapsed.gz"), Arrays.copyOf(gz, 12));
        Files.writeString(dir.resolve(".hidden.jfr"), "ignored");

        EvidenceSet set = new Ingest().read(List.of(dir));

        assertThat(set.artifacts()).extracting(Artifact::path).containsExactly(
                dir.resolve("cpu.collapsed").toString(),
                dir.resolve("good.jfr").toString(),
                dir.resolve("lock.collapsed.gz").toString());
        assertThat(set.artifacts()).filteredOn(a -> a.path().endsWith(".gz"))
                .extracting(Artifact::format).containsExactly("collapsed+gzip");
        assertThat(set.profiles()).hasSize(3);
        assertThat(reason(set, "truncated.jfr")).contains("JFR: no complete chunk")
                .contains("truncated: the chunk at byte 0 declares").contains("only 4096 remain");
        assertThat(reason(set, "notes.jfr")).contains("not a supported artifact format")
                .contains("first bytes 74 68 69 73 20 69 73 20 (\"this is \")");
        assertThat(reason(set, "empty.collapsed")).isEqualTo("empty file (0 bytes)");
        assertThat(reason(set, "blob.bin")).contains("not a supported artifact format").contains("7f 45 4c 46");
        assertThat(reason(set, "broken.collapsed.gz")).contains("gzip");
        assertThat(set.skipped()).extracting(SkippedArtifact::path).noneMatch(p -> p.contains(".hidden"));
    }

    @Test
    void artifactsCarrySizeAndDigest(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(Samples.of("contains-in-loop/cpu.collapsed"), dir.resolve("cpu.collapsed"));
        Artifact a = new Ingest().read(List.of(copy)).artifacts().get(0);
        assertThat(a.sizeBytes()).isEqualTo(Files.size(copy));
        assertThat(a.sha256()).isEqualTo(Ingest.sha256(copy)).hasSize(64);
        assertThat(a.format()).isEqualTo("collapsed");
    }

    @Test
    void missingInputIsReported() {
        EvidenceSet set = new Ingest().read(List.of(Path.of("/no/such/place")));
        assertThat(set.artifacts()).isEmpty();
        assertThat(set.skipped()).singleElement().extracting(SkippedArtifact::reason).isEqualTo("no such file or directory");
    }

    @Test
    void inputDirectoryIsNotWrittenTo(@TempDir Path dir) throws Exception {
        byte[] gz = gzip(Files.readAllBytes(Samples.of("contains-in-loop/jdk17-profile.jfr")));
        Files.write(dir.resolve("rec.jfr.gz"), gz); // gzip JFR needs a decompressed copy for random access
        List<Path> before;
        try (var s = Files.list(dir)) {
            before = s.sorted().toList();
        }
        new Ingest().read(List.of(dir));
        try (var s = Files.list(dir)) {
            assertThat(s.sorted().toList()).isEqualTo(before);
        }
    }

    private static String reason(EvidenceSet set, String fileName) {
        return set.skipped().stream().filter(s -> s.path().endsWith("/" + fileName)).findFirst()
                .orElseThrow(() -> new AssertionError(fileName + " not skipped: " + set.skipped()))
                .reason();
    }

    private static byte[] gzip(byte[] content) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
