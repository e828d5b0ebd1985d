package dev.evident.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Large latency files in bounded memory: a JMeter JTL of about TARGET_MB built by repeating the rows
 * of the committed JMeter sample (timestamps shifted so the run gets longer), and a k6 {@code --out json}
 * file of LINES lines whose points carry the same rows' labels and elapsed times in k6's layout (k6
 * itself cannot run here). Each is analyzed by {@code ./evident analyze} under a 256 MB heap limit,
 * in its own JVM under GNU time; the table is printed as Markdown for docs/performance.md.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.LatencyIngestBench \
 *      SOURCE.jtl.gz TARGET_MB K6_LINES RUNS WORK_DIR
 * </pre>
 */
public final class LatencyIngestBench {
    private LatencyIngestBench() {
    }

    record Row(long timeStamp, String rest, String label, long elapsed, boolean success) {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        long targetBytes = Long.parseLong(args[1]) << 20;
        long k6Lines = Long.parseLong(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path work = Files.createDirectories(Path.of(args[4]));
        List<String> header = new ArrayList<>();
        List<Row> rows = readRows(source, header);
        Path jtl = work.resolve("big.jtl");
        long jtlRows = writeJtl(jtl, header.get(0), rows, targetBytes);
        Path k6 = work.resolve("big-k6.json");
        writeK6(k6, rows, k6Lines);

        String launcher = Path.of("evident").toAbsolutePath().toString();
        List<String[]> inputs = List.of(new String[] {"JMeter JTL", jtl.toString(), String.format(Locale.ROOT, "%,d rows", jtlRows)},
                new String[] {"k6 --out json", k6.toString(), String.format(Locale.ROOT, "%,d lines", k6Lines + 2)});
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%d runs each, median wall time, peak RSS the largest of the runs. "
                + "Machine: %d cores, Java %s.%n%n", runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        table.append("| Input | JVM | Size (MB) | Rows | Wall time (s) | Throughput (MB/s) | Peak RSS (MB) | Exit |\n");
        table.append("|-------|-----|----------:|-----:|--------------:|------------------:|--------------:|-----:|\n");
        // the launcher's default (C1 only, chosen for second-long JFR runs) and C2 for these longer runs
        List<String[]> jvms = List.of(new String[] {"launcher default (C1), -Xmx256m", "-Xmx256m"},
                new String[] {"C2 (-XX:TieredStopAtLevel=4), -Xmx256m", "-Xmx256m -XX:TieredStopAtLevel=4"});
        for (String[] in : inputs) {
            double mb = Files.size(Path.of(in[1])) / 1e6;
            List<List<Measured>> results = new ArrayList<>();
            jvms.forEach(j -> results.add(new ArrayList<>()));
            for (int i = 0; i < runs; i++) {
                for (int j = 0; j < jvms.size(); j++) { // interleaved, so background load hits both alike
                    results.get(j).add(Measured.run(List.of("env", "EVIDENT_JAVA_OPTS=" + jvms.get(j)[1], launcher, "analyze",
                            in[1], "--format", "json", "-o", work.resolve("report.json").toString()), work.resolve("log.txt")));
                }
            }
            for (int j = 0; j < jvms.size(); j++) {
                Measured m = Measured.median(results.get(j));
                table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %.2f | %.0f | %.0f | %s |%n", in[0],
                        jvms.get(j)[0], mb, in[2], m.seconds(), m.exitCode() == 0 ? mb / m.seconds() : 0,
                        m.peakRssKb() / 1024.0, m.exitCode() == 0 ? "0" : m.exitCode() + " (failed, see log.txt)"));
            }
        }
        System.out.print(table);
    }

    private static List<Row> readRows(Path source, List<String> header) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(source);
             InputStream in = source.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            header.add(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                if (f.length < 8) {
                    continue;
                }
                rows.add(new Row(Long.parseLong(f[0]), lines[i].substring(f[0].length()), f[2], Long.parseLong(f[1]),
                        f[7].equals("true")));
            }
        }
        return rows;
    }

    private static long writeJtl(Path target, String header, List<Row> rows, long targetBytes) throws IOException {
        long first = rows.get(0).timeStamp();
        long span = rows.get(rows.size() - 1).timeStamp() - first + 1000;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            for (long copy = 0; Files.size(target) < targetBytes || copy == 0; copy++) {
                for (Row r : rows) {
                    w.write(Long.toString(r.timeStamp() + copy * span));
                    w.write(r.rest());
                    w.write('\n');
                    written++;
                }
                w.flush();
            }
        }
        return written;
    }

    private static void writeK6(Path target, List<Row> rows, long lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"Metric\",\"data\":{\"name\":\"http_req_duration\",\"type\":\"trend\",\"contains\":\"time\","
                    + "\"thresholds\":[],\"submetrics\":null},\"metric\":\"http_req_duration\"}\n");
            w.write("{\"type\":\"Metric\",\"data\":{\"name\":\"http_reqs\",\"type\":\"counter\",\"contains\":\"default\","
                    + "\"thresholds\":[],\"submetrics\":null},\"metric\":\"http_reqs\"}\n");
            long start = 1_795_478_205L;
            for (long i = 0; i < lines; i++) {
                Row r = rows.get((int) (i % rows.size()));
                long ms = i / 10;
                String time = java.time.Instant.ofEpochSecond(start + ms / 1000, (ms % 1000) * 1_000_000L + i % 10 * 1000)
                        .toString().replace("Z", "+00:00");
                w.write("{\"type\":\"Point\",\"data\":{\"time\":\"" + time + "\",\"value\":" + r.elapsed() + "."
                        + (i % 1000) + ",\"tags\":{\"expected_response\":\"" + r.success() + "\",\"group\":\"\","
                        + "\"method\":\"GET\",\"name\":\"" + r.label() + "\",\"proto\":\"HTTP/1.1\",\"scenario\":\"default\","
                        + "\"status\":\"" + (r.success() ? "200" : "404") + "\"}},\"metric\":\"http_req_duration\"}\n");
            }
        }
    }
}
