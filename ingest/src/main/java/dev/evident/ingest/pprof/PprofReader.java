package dev.evident.ingest.pprof;

import dev.evident.core.model.Profile;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * pprof profiles ({@code profile.proto}, gzip-wrapped as written by Go's runtime/pprof, or raw):
 * CPU, wall, heap (allocated and in use), mutex and block profiles, from Go and from the other
 * runtimes that write pprof (Node.js's {@code @datadog/pprof}, Pyroscope's agents, ...).
 */
public final class PprofReader implements ArtifactReader {

    @Override
    public String format() {
        return "pprof";
    }

    /**
     * A profile starts with top-level fields of profile.proto (field numbers 1 to 15 with their wire
     * types); {@link PprofHead} walks the first 64 KiB. An HTML page that mentions pprof is claimed
     * weakly, so that the user learns it is a page saved from the pprof web UI rather than a profile.
     */
    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        if (PprofHead.looksLikeHtml(head)) {
            String name = input == null ? "" : input.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            boolean profileName = name.endsWith(".pprof") || name.endsWith(".pb.gz") || name.endsWith(".pb")
                    || name.endsWith(".prof");
            return PprofHead.mentionsPprof(head) || profileName ? Probe.WEAK : Probe.NO;
        }
        return PprofHead.probe(head);
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        PprofData data;
        try (InputStream in = input.openStream()) {
            byte[] start = readStart(in);
            ByteBuffer first = ByteBuffer.wrap(start);
            if (PprofHead.looksLikeHtml(first)) {
                throw new ArtifactException(htmlMessage(first));
            }
            InputStream whole = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start), in);
            data = decodeChecked(input, whole, first);
        } catch (ProtoStream.TruncatedInputException e) {
            throw new ArtifactException("pprof: the gzip data ends or breaks after " + e.decompressed
                    + " decompressed bytes (" + e.getMessage() + "): the file is truncated or corrupt; copy or download it again");
        } catch (IOException e) {
            throw new ArtifactException("pprof: cannot read the file: " + e.getMessage(), e);
        }
        List<String[]> types = new ArrayList<>();
        for (long[] t : data.sampleTypes) {
            types.add(new String[] {orEmpty(data.string(t[0])), orEmpty(data.string(t[1]))});
        }
        if (data.tree == null) {
            throw new ArtifactException("pprof: the profile holds no samples (sample types: " + describe(types) + ")");
        }
        SampleTypeMapping.Result mapping = SampleTypeMapping.map(types);
        if (mapping.columns().isEmpty()) {
            throw new ArtifactException("pprof: none of the sample types (" + describe(types)
                    + ") is one evident analyzes (CPU, wall, allocation, in-use heap, contention delay)");
        }
        if (!mapping.ignored().isEmpty()) {
            sink.warning("sample types not analyzed: " + String.join(", ", mapping.ignored()));
        }
        if (data.negativeValues) {
            sink.warning("some samples have negative values (a profile diff made with -diff_base?); shares of such "
                    + "a profile are not meaningful");
        }
        Profile profile;
        try {
            profile = new PprofProfileBuilder(data, sink::warning).build(input.displayPath(), mapping.columns());
        } catch (ProtoFormatException e) {
            throw new ArtifactException("pprof: " + e.getMessage());
        }
        sink.producer(producer(data, profile));
        profile.timeWindow().ifPresent(sink::window);
        sink.profile(profile);
    }

    /** Up to 1 KiB from the start; a stream that breaks that early yields what arrived. */
    private static byte[] readStart(InputStream in) throws IOException {
        byte[] b = new byte[1024];
        int n = 0;
        try {
            for (int r; n < b.length && (r = in.read(b, n, b.length - n)) > 0; ) {
                n += r;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new ProtoStream.TruncatedInputException(n, e);
        }
        return java.util.Arrays.copyOf(b, n);
    }

    private static PprofData decodeChecked(ArtifactInput input, InputStream in, ByteBuffer first)
            throws IOException, ArtifactException {
        try {
            PprofData data = PprofDecoder.decode(in);
            if (data.stringCount > 0 && !data.strings[0].isEmpty()) {
                throw new ArtifactException("pprof: string_table[0] must be the empty string but is \""
                        + abbreviate(data.strings[0]) + "\"; this is not a pprof profile");
            }
            return data;
        } catch (ProtoFormatException e) {
            throw new ArtifactException("pprof: not a valid profile.proto message: " + e.getMessage()
                    + (input.isGzip() ? " (offsets count decompressed bytes)" : "") + "; the data starts "
                    + PprofHead.hex(first, 8));
        }
    }

    /** Called for an HTML page: always an error that says what the file is. */
    static String htmlMessage(ByteBuffer head) {
        return "pprof file is not gzip or protobuf: first bytes " + PprofHead.hex(head, 4)
                + " — is this an HTML page saved from the pprof web UI? Download the profile itself "
                + "(e.g. curl -o cpu.pb.gz 'http://host:port/debug/pprof/profile?seconds=30')";
    }

    private static String producer(PprofData data, Profile profile) {
        String binary = data.mappingCount > 0 ? orEmpty(data.string(data.mapFile[0])) : "";
        String kinds = profile.frames().size() == 0 ? "" : dominantLanguage(profile);
        return "pprof" + (kinds.isEmpty() ? "" : " (" + kinds + ")") + (binary.isEmpty() ? "" : ": " + binary);
    }

    private static String dominantLanguage(Profile profile) {
        int[] counts = new int[dev.evident.core.model.FrameKind.values().length];
        for (int i = 0; i < profile.frames().size(); i++) {
            counts[profile.frames().kind(i).ordinal()]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return switch (dev.evident.core.model.FrameKind.values()[best]) {
            case GO -> "Go";
            case JS -> "JavaScript";
            case PYTHON -> "Python";
            case JAVA -> "Java";
            default -> "";
        };
    }

    private static String describe(List<String[]> types) {
        List<String> parts = new ArrayList<>();
        for (String[] t : types) {
            parts.add(t[0] + "/" + t[1]);
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String abbreviate(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
