package dev.evident.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ingest speed and memory on a large multi-chunk JFR: evident against async-profiler's
 * jfr-converter ({@code -o collapsed}), JDK Mission Control's {@code JfrRulesReport} and a pass
 * with the JDK's own parser doing evident's aggregation. Every tool runs in its own JVM under
 * GNU time; the table is printed as Markdown for docs/performance.md.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.evident.bench.JfrIngestBench \
 *      SOURCE.jfr TARGET_MB RUNS WORK_DIR
 * </pre>
 */
public final class JfrIngestBench {
    private JfrIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        long targetBytes = Long.parseLong(args[1]) << 20;
        int runs = Integer.parseInt(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        Path big = work.resolve("big-" + (targetBytes >> 20) + "mb-" + source.getFileName());
        int copies = buildConcatenation(source, big, targetBytes);
        double mb = Files.size(big) / 1e6;

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String launcher = Path.of("evident").toAbsolutePath().toString();
        List<Tool> tools = List.of(
                new Tool("./evident analyze (all cores, -Xmx512m)", List.of("env", "EVIDENT_JAVA_OPTS=-Xmx512m", launcher,
                        "analyze", big.toString(), "--format", "json", "-o", work.resolve("evident.json").toString())),
                new Tool("./evident analyze --threads 1 (-Xmx512m)", List.of("env", "EVIDENT_JAVA_OPTS=-Xmx512m", launcher,
                        "analyze", big.toString(), "--threads", "1", "--format", "json", "-o",
                        work.resolve("evident-1.json").toString())),
                new Tool("./evident analyze --digest all (-Xmx512m)", List.of("env", "EVIDENT_JAVA_OPTS=-Xmx512m", launcher,
                        "analyze", big.toString(), "--digest", "all", "--format", "json", "-o",
                        work.resolve("evident-digest.json").toString())),
                new Tool("evident with the JVM's default flags (java -Xmx512m -cp ...)", List.of(java, "-Xmx512m", "-cp", cp,
                        "dev.evident.cli.Main", "analyze", big.toString(), "--format", "json", "-o",
                        work.resolve("evident-default-jvm.json").toString())),
                new Tool("java -jar jfr-converter-4.5.jar -o collapsed (as shipped)", List.of(java, "-cp", cp,
                        "one.convert.Main", "-o", "collapsed", big.toString(), work.resolve("converter.collapsed").toString())),
                new Tool("jfr-converter 4.5 -o collapsed, -Xmx512m", List.of(java, "-Xmx512m", "-cp", cp,
                        "one.convert.Main", "-o", "collapsed", big.toString(), work.resolve("converter.collapsed").toString())),
                new Tool("JDK parser (jdk.jfr.consumer) + same aggregation (-Xmx512m)", List.of(java, "-Xmx512m", "-cp", cp,
                        "dev.evident.bench.JdkParserPass", big.toString())),
                new Tool("JMC 9.1.1 JfrRulesReport (as shipped)", List.of(java, "-cp", cp,
                        "org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport", big.toString())),
                new Tool("JMC 9.1.1 JfrRulesReport, -Xmx512m", List.of(java, "-Xmx512m", "-cp", cp,
                        "org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport", big.toString())));

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Input: %s, %d concatenated copies of %s (%.1f MB), %d runs each, median wall time; "
                        + "peak RSS is the largest of the runs. Machine: %d cores, Java %s.%n%n", big.getFileName(), copies,
                source.getFileName(), mb, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        table.append("| Tool | Wall time (s) | Throughput (MB/s) | Peak RSS (MB) | Exit |\n");
        table.append("|------|--------------:|------------------:|--------------:|-----:|\n");
        // Runs are interleaved (tool 1, tool 2, ..., tool 1, ...) so that background load on a shared
        // machine spreads over all tools instead of hitting one.
        List<List<Measured>> results = new ArrayList<>();
        tools.forEach(t -> results.add(new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (int t = 0; t < tools.size(); t++) {
                results.get(t).add(Measured.run(tools.get(t).command(), work.resolve("log-" + t + ".txt")));
            }
        }
        for (Tool tool : tools) {
            Measured m = Measured.median(results.get(tools.indexOf(tool)));
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.0f | %s |%n", tool.name(), m.seconds(),
                    m.exitCode() == 0 ? mb / m.seconds() : 0, m.peakRssKb() / 1024.0,
                    m.exitCode() == 0 ? "0" : m.exitCode() + " (failed, see log-" + tools.indexOf(tool) + ".txt)"));
            System.err.println("done: " + tool.name() + " " + m);
        }
        System.out.print(table);
    }

    private record Tool(String name, List<String> command) {
    }

    /** JFR chunks are self-contained, so concatenated recordings form one valid multi-chunk file. */
    static int buildConcatenation(Path source, Path target, long targetBytes) throws IOException {
        long size = Files.size(source);
        int copies = (int) Math.max(1, (targetBytes + size - 1) / size);
        if (Files.exists(target) && Files.size(target) == copies * size) {
            return copies;
        }
        byte[] bytes = Files.readAllBytes(source);
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < copies; i++) {
                out.write(bytes);
            }
        }
        return copies;
    }
}
