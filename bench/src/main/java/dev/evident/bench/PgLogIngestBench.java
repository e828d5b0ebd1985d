package dev.evident.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL log parsing speed: builds a log of at least TARGET_MB from the committed sample by
 * replaying it as later sessions (each copy shifted in time, with its own process ids and bind
 * values), then runs, interleaved and each in its own JVM under GNU time: the log reader alone
 * ({@link PgLogReadPass}, which also prints its own time) and the whole {@code ./evident analyze}.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.PgLogIngestBench \
 *      SAMPLE.log TARGET_MB RUNS WORK_DIR
 * </pre>
 */
public final class PgLogIngestBench {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern PID = Pattern.compile("\\[(\\d+)\\]");
    private static final Pattern PARAM = Pattern.compile("(\\$\\d+ = ')(\\d+)(')");

    private PgLogIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        int runs = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        Path big = work.resolve("big-" + (target >> 20) + "mb-" + source.getFileName());
        int copies = build(source, big, target);
        double mb = Files.size(big) / 1e6;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String launcher = Path.of("evident").toAbsolutePath().toString();
        List<List<String>> commands = List.of(
                List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx512m", "-cp", cp,
                        "dev.evident.bench.PgLogReadPass", big.toString()),
                List.of(java, "-Xmx512m", "-cp", cp, "dev.evident.bench.PgLogReadPass", big.toString()),
                List.of("env", "EVIDENT_JAVA_OPTS=-Xmx512m", launcher, "analyze", big.toString(), "--format", "json", "-o",
                        work.resolve("evident.json").toString()));
        List<String> names = List.of("PgLogReader alone, launcher's flags (C1, ParallelGC, -Xmx512m)",
                "PgLogReader alone, JVM defaults (C2, G1, -Xmx512m)", "./evident analyze (-Xmx512m), JSON report");
        List<List<Measured>> results = new ArrayList<>();
        List<List<Double>> readerSeconds = new ArrayList<>();
        commands.forEach(c -> {
            results.add(new ArrayList<>());
            readerSeconds.add(new ArrayList<>());
        });
        Pattern own = Pattern.compile("reader=([\\d.]+) s");
        for (int i = 0; i < runs; i++) {
            for (int t = 0; t < commands.size(); t++) { // interleaved: background load spreads over all variants
                Path log = work.resolve("log-" + t + ".txt");
                results.get(t).add(Measured.run(commands.get(t), log));
                Matcher m = own.matcher(Files.readString(log));
                if (m.find()) {
                    readerSeconds.get(t).add(Double.parseDouble(m.group(1)));
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Input: %s, %d replayed copies of %s (%.1f MB), %d runs each, interleaved, median; machine: %d cores, Java %s.%n%n",
                big.getFileName(), copies, source.getFileName(), mb, runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        out.append("| Variant | Process wall time (s) | MB/s (process) | Reader time (s) | MB/s (reader) | Peak RSS (MB) |\n");
        out.append("|---------|----------------------:|---------------:|----------------:|--------------:|--------------:|\n");
        for (int t = 0; t < commands.size(); t++) {
            Measured m = Measured.median(results.get(t));
            List<Double> own2 = new ArrayList<>(readerSeconds.get(t));
            own2.sort(Double::compare);
            String reader = own2.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", own2.get(own2.size() / 2));
            String readerRate = own2.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", mb / own2.get(own2.size() / 2));
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %s | %s | %.0f |%n", names.get(t), m.seconds(),
                    m.exitCode() == 0 ? mb / m.seconds() : 0, reader, readerRate, m.peakRssKb() / 1024.0));
        }
        System.out.print(out);
    }

    /**
     * Copies the sample until the target size, each copy as a later replay: timestamps moved past the
     * previous copy, process ids offset (new sessions) and numeric bind values changed, so fingerprint
     * caches see the literal variety of a real log rather than one repeated text.
     */
    static int build(Path source, Path target, long targetBytes) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        long size = Files.size(source);
        int copies = (int) Math.max(1, (targetBytes + size - 1) / size);
        if (Files.exists(target) && Files.size(target) >= targetBytes) {
            return copies;
        }
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (int k = 0; k < copies; k++) {
                for (String line : lines) {
                    out.write(vary(line, k));
                    out.write('\n');
                }
            }
        }
        return copies;
    }

    private static String vary(String line, int k) {
        if (k == 0) {
            return line;
        }
        String l = line;
        if (l.length() > 19 && l.charAt(4) == '-' && l.charAt(13) == ':') {
            LocalDateTime t = LocalDateTime.parse(l.substring(0, 19).replace(' ', 'T')).plusMinutes(5L * k);
            l = STAMP.format(t) + l.substring(19);
        }
        Matcher p = PID.matcher(l);
        if (p.find()) {
            l = l.substring(0, p.start()) + "[" + (Long.parseLong(p.group(1)) + 10L * k) + "]" + l.substring(p.end());
        }
        Matcher v = PARAM.matcher(l);
        StringBuilder sb = new StringBuilder();
        while (v.find()) {
            v.appendReplacement(sb, Matcher.quoteReplacement(v.group(1) + (Long.parseLong(v.group(2)) + k) + v.group(3)));
        }
        v.appendTail(sb);
        return sb.toString();
    }
}
