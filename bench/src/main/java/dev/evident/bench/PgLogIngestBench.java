package dev.evident.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
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
 * RUNS 0 only writes the log. With BASELINE_JAR (an evident-ingest jar of an earlier commit) that commit's reader runs too, in
 * the same rounds, so before and after see the same machine load.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.PgLogIngestBench \
 *      SAMPLE.log TARGET_MB RUNS WORK_DIR [BASELINE_JAR BASELINE_NAME]
 * </pre>
 */
public final class PgLogIngestBench {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern PID = Pattern.compile("\\[(\\d+)\\]");
    // the number to change is group 1; what surrounds it is matched by look-behind and look-ahead
    private static final Pattern PARAM = Pattern.compile("(?<=\\$\\d{1,4} = ')(\\d+)(?=')");
    private static final Pattern CAST_LITERAL = Pattern.compile("(?<=')(\\d+)(?='::bigint)");
    /** Figures of an auto_explain plan and of the duration line that change from one execution to the next. */
    private static final Pattern TIMES = Pattern.compile("(?<=duration: |actual time=|\\.\\.)(\\d+\\.\\d{3})(?= ms|\\.\\.| rows=)");
    private static final Pattern COUNTS = Pattern.compile("(?<=hit=|read=|Rows Removed by Filter: )(\\d+)");

    private PgLogIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        int runs = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        String baselineJar = args.length > 4 && !args[4].isEmpty() ? args[4] : null;
        String baselineName = args.length > 5 ? args[5] : "baseline";
        Path big = work.resolve("replay-" + (target >> 20) + "mb-" + source.getFileName());
        int copies = build(source, big, target);
        double mb = Files.size(big) / 1e6;
        if (runs == 0) { // only the input, e.g. for a profiler run
            System.out.printf(Locale.ROOT, "%s: %d replayed copies, %.1f MB%n", big, copies, mb);
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String launcher = Path.of("evident").toAbsolutePath().toString();
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx512m");
        List<List<String>> commands = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (baselineJar != null) {
            // the reader of an earlier commit first on the class path: same pass, same JVM flags, interleaved
            commands.add(javaCommand(java, c1, baselineJar + File.pathSeparator + cp, big));
            names.add("PgLogReader at " + baselineName + " alone, launcher's flags (C1, ParallelGC, -Xmx512m)");
            commands.add(javaCommand(java, List.of("-Xmx512m"), baselineJar + File.pathSeparator + cp, big));
            names.add("PgLogReader at " + baselineName + " alone, JVM defaults (C2, G1, -Xmx512m)");
        }
        commands.add(javaCommand(java, c1, cp, big));
        names.add("PgLogReader alone, launcher's flags (C1, ParallelGC, -Xmx512m)");
        commands.add(javaCommand(java, List.of("-Xmx512m"), cp, big));
        names.add("PgLogReader alone, JVM defaults (C2, G1, -Xmx512m)");
        commands.add(List.of("env", "EVIDENT_JAVA_OPTS=-Xmx512m", launcher, "analyze", big.toString(), "--format", "json", "-o",
                work.resolve("evident.json").toString()));
        names.add("./evident analyze (-Xmx512m), JSON report");
        List<List<Measured>> results = new ArrayList<>();
        List<List<Double>> readerSeconds = new ArrayList<>();
        commands.forEach(c -> {
            results.add(new ArrayList<>());
            readerSeconds.add(new ArrayList<>());
        });
        String loadBefore = load();
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
        String loadAfter = load();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Input: %s, %d replayed copies of %s (%.1f MB), %d runs each, interleaved; machine: %d cores, Java %s;"
                        + " load average (1, 5, 15 min) before: %s, after: %s.%n%n",
                big.getFileName(), copies, source.getFileName(), mb, runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadBefore, loadAfter));
        out.append("| Variant | Wall, median (s) | Wall, best (s) | MB/s (median wall) | CPU, median (s) | Reader, median (s)"
                + " | Reader, best (s) | MB/s (reader, median) | Peak RSS (MB) |\n");
        out.append("|---------|---------------:|---------------:|-------------------:|----------------:|-------------------:"
                + "|-----------------:|----------------------:|--------------:|\n");
        for (int t = 0; t < commands.size(); t++) {
            Measured m = Measured.median(results.get(t));
            double best = results.get(t).stream().mapToDouble(Measured::seconds).min().orElse(0);
            List<Double> own2 = new ArrayList<>(readerSeconds.get(t));
            own2.sort(Double::compare);
            String reader = own2.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", own2.get(own2.size() / 2));
            String readerBest = own2.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", own2.get(0));
            String readerRate = own2.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", mb / own2.get(own2.size() / 2));
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %.2f | %s | %s | %s | %.0f |%n", names.get(t),
                    m.seconds(), best, m.exitCode() == 0 ? mb / m.seconds() : 0, m.cpuSeconds(), reader, readerBest, readerRate,
                    m.peakRssKb() / 1024.0));
        }
        System.out.print(out);
    }

    private static List<String> javaCommand(String java, List<String> flags, String classPath, Path file) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(flags);
        c.addAll(List.of("-cp", classPath, "dev.evident.bench.PgLogReadPass", file.toString()));
        return c;
    }

    /** The machine's load average, to report how shared the cores were. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Copies the sample until the target size, each copy as a later replay: timestamps moved past the
     * previous copy, process ids offset (new sessions), numeric bind values changed (and the same
     * values where plans print them), and durations, plan timings, buffer counts and removed rows
     * scaled by a factor per copy, so caches see the variety of a real log rather than one repeated
     * text.
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
        l = replaceNumbers(PARAM.matcher(l), n -> Long.toString(Long.parseLong(n) + k));
        l = replaceNumbers(CAST_LITERAL.matcher(l), n -> Long.toString(Long.parseLong(n) + k));
        double factor = 1 + ((k * 37) % 199 - 99) / 1000.0; // 0.901 to 1.099, a different one for each of 199 copies
        l = replaceNumbers(TIMES.matcher(l), n -> String.format(Locale.ROOT, "%.3f", Double.parseDouble(n) * factor));
        l = replaceNumbers(COUNTS.matcher(l), n -> Long.toString(Math.round(Long.parseLong(n) * factor)));
        return l;
    }

    /** Replaces every match (a number) by what {@code change} makes of it. */
    private static String replaceNumbers(Matcher m, java.util.function.UnaryOperator<String> change) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(change.apply(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
