package dev.evident.ingest;

import dev.evident.core.model.Artifact;
import dev.evident.core.model.EvidenceSet;
import dev.evident.core.model.IncidentContext;
import dev.evident.core.model.JvmTimeline;
import dev.evident.core.model.LatencySeries;
import dev.evident.core.model.Profile;
import dev.evident.core.model.QueryPlan;
import dev.evident.core.model.SqlEvent;
import dev.evident.core.model.SkippedArtifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.Stream;

/**
 * Turns files and directories into an {@link EvidenceSet}: walks directories, detects each file's
 * format by content, reads the files in parallel, and isolates failures so that one bad file is
 * a skipped artifact with a reason and never costs the others.
 */
public final class Ingest {
    /**
     * Which files get a SHA-256 digest. Hashing costs a full extra pass over the bytes (about
     * 0.3 s of CPU per 200 MB here), so by default only files up to {@link #DIGEST_DEFAULT_LIMIT}.
     */
    public enum Digest { ALL, NONE, DEFAULT }

    public static final long DIGEST_DEFAULT_LIMIT = 64L << 20;

    private final List<ArtifactReader> readers;
    private final int parallelism;
    private final Digest digest;

    public Ingest() {
        this(loadReaders(), Runtime.getRuntime().availableProcessors(), Digest.DEFAULT);
    }

    public Ingest(List<ArtifactReader> readers, int parallelism) {
        this(readers, parallelism, Digest.DEFAULT);
    }

    public Ingest(List<ArtifactReader> readers, int parallelism, Digest digest) {
        this.readers = readers.stream().sorted(Comparator.comparing(ArtifactReader::format)).toList();
        this.parallelism = Math.max(1, parallelism);
        this.digest = digest;
    }

    public static List<ArtifactReader> loadReaders() {
        List<ArtifactReader> list = new ArrayList<>();
        ServiceLoader.load(ArtifactReader.class, Ingest.class.getClassLoader()).forEach(list::add);
        return list;
    }

    public List<ArtifactReader> readers() {
        return readers;
    }

    /** Reads every file under the given paths. A missing path is reported as skipped. */
    public EvidenceSet read(List<Path> inputs) {
        List<Candidate> candidates = new ArrayList<>();
        List<SkippedArtifact> skipped = new ArrayList<>();
        for (Path input : inputs) {
            expand(input, candidates, skipped);
        }
        List<Outcome> outcomes;
        try (ArtifactInput.TempFiles temp = new ArtifactInput.TempFiles()) {
            ForkJoinPool pool = new ForkJoinPool(parallelism);
            try {
                outcomes = pool.submit(() -> ForkJoinTask.invokeAll(candidates.stream()
                                .map(c -> ForkJoinTask.adapt(() -> readOne(c, temp)))
                                .toList())
                        .stream().map(ForkJoinTask::join).toList()).join();
            } finally {
                pool.shutdown();
            }
        }
        List<Artifact> artifacts = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        List<JvmTimeline> timelines = new ArrayList<>();
        List<QueryPlan> plans = new ArrayList<>();
        List<SqlEvent> sqlEvents = new ArrayList<>();
        List<LatencySeries> latencies = new ArrayList<>();
        List<IncidentContext> incidents = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.artifact() != null) {
                artifacts.add(o.artifact());
                profiles.addAll(o.collector().profiles());
                timelines.addAll(o.collector().timelines());
                plans.addAll(o.collector().plans());
                sqlEvents.addAll(o.collector().sqlEvents());
                latencies.addAll(o.collector().latencies());
                incidents.addAll(o.collector().incidents());
            } else {
                skipped.add(o.skipped());
            }
        }
        artifacts.sort(Comparator.comparing(Artifact::path));
        skipped.sort(Comparator.comparing(SkippedArtifact::path));
        profiles.sort(Comparator.comparing(Profile::source));
        timelines.sort(Comparator.comparing(JvmTimeline::source));
        // outcomes are in path order and each reader emits in file order; stable sorts keep that order
        plans.sort(Comparator.comparing(QueryPlan::source));
        sqlEvents.sort(Comparator.comparing(SqlEvent::source));
        latencies.sort(Comparator.comparing(LatencySeries::source));
        incidents.sort(Comparator.comparing(IncidentContext::source));
        return new EvidenceSet(artifacts, skipped, profiles, timelines, plans, sqlEvents, latencies, incidents);
    }

    private record Candidate(Path path, String displayPath) {
    }

    private record Outcome(Artifact artifact, Collector collector, SkippedArtifact skipped) {
    }

    private static void expand(Path input, List<Candidate> out, List<SkippedArtifact> skipped) {
        if (!Files.exists(input)) {
            skipped.add(new SkippedArtifact(input.toString(), 0, "no such file or directory"));
            return;
        }
        if (!Files.isDirectory(input)) {
            out.add(new Candidate(input, input.toString()));
            return;
        }
        try (Stream<Path> walk = Files.walk(input)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(input.relativize(p)) && !isNotes(p))
                    .sorted()
                    .forEach(p -> out.add(new Candidate(p, input.resolve(input.relativize(p)).toString())));
        } catch (IOException e) {
            skipped.add(new SkippedArtifact(input.toString(), 0, "cannot list directory: " + e.getMessage()));
        }
    }

    /**
     * Markdown notes in a recording directory (a README saying how it was made) are for people, not
     * artifacts: a directory walk passes over them, while a file named on the command line is still read.
     */
    private static boolean isNotes(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** Dot files and dot directories (.git, .DS_Store) are never artifacts. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Outcome readOne(Candidate c, ArtifactInput.TempFiles temp) {
        long size = 0;
        try {
            size = Files.size(c.path());
            if (size == 0) {
                return skip(c, size, "empty file (0 bytes)");
            }
            ArtifactInput input = new ArtifactInput(c.path(), c.displayPath(), size, ArtifactInput.isGzip(c.path()), temp);
            ByteBuffer head = input.head();
            if (input.isGzip() && head.remaining() == 0) {
                return skip(c, size, "gzip data is corrupt or truncated before any content could be read");
            }
            ArtifactReader reader = choose(input, head);
            if (reader == null) {
                return skip(c, size, "not a supported artifact format" + describeHead(head, input.isGzip()));
            }
            Collector collector = new Collector();
            boolean hash = digest == Digest.ALL || (digest == Digest.DEFAULT && size <= DIGEST_DEFAULT_LIMIT);
            ForkJoinTask<String> sha = hash ? ForkJoinTask.adapt(() -> sha256(c.path())).fork() : null;
            reader.read(input, collector);
            if (collector.isEmpty()) {
                return skip(c, size, reader.format() + ": the file holds no usable data"
                        + (collector.warnings().isEmpty() ? "" : " (" + String.join("; ", collector.warnings()) + ")"));
            }
            Artifact artifact = new Artifact(c.displayPath(), reader.format() + (input.isGzip() ? "+gzip" : ""), size,
                    sha == null ? null : sha.join(), collector.producer(), collector.window(), collector.warnings());
            return new Outcome(artifact, collector, null);
        } catch (ArtifactException e) {
            return skip(c, size, e.getMessage());
        } catch (NoSuchFileException e) {
            return skip(c, size, "file disappeared while reading");
        } catch (IOException e) {
            return skip(c, size, "I/O error: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return skip(c, size, "reader failed unexpectedly (" + e + "); please report this with the file");
        }
    }

    private static Outcome skip(Candidate c, long size, String reason) {
        return new Outcome(null, null, new SkippedArtifact(c.displayPath(), size, reason));
    }

    /** The reader with the strongest probe; ties go to the first by format id. */
    private ArtifactReader choose(ArtifactInput input, ByteBuffer head) {
        ArtifactReader best = null;
        Probe bestProbe = Probe.NO;
        for (ArtifactReader reader : readers) {
            Probe p;
            try {
                p = reader.probe(input, head.duplicate());
            } catch (RuntimeException e) {
                p = Probe.NO;
            }
            if (p.compareTo(bestProbe) > 0) {
                best = reader;
                bestProbe = p;
            }
        }
        return best;
    }

    /** A short, safe description of the first bytes, so the user can see what the file is. */
    static String describeHead(ByteBuffer head, boolean gzip) {
        ByteBuffer b = head.duplicate();
        int n = Math.min(8, b.remaining());
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int v = b.get(b.position() + i) & 0xff;
            hex.append(i > 0 ? " " : "").append(String.format("%02x", v));
            text.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
        }
        return "; " + (gzip ? "gzip content starts" : "first bytes") + " " + hex + " (\"" + text + "\")";
    }

    static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
