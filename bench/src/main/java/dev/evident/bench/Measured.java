package dev.evident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command in its own process under GNU time and reads back wall time and peak resident
 * memory, so every tool is measured the same way, JVM start-up included.
 */
record Measured(double seconds, long peakRssKb, int exitCode) {

    static Measured run(List<String> command, Path log) throws IOException, InterruptedException {
        Path times = Files.createTempFile("evident-bench-", ".time");
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString()));
        wrapped.addAll(command);
        Process p = new ProcessBuilder(wrapped).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        String[] parts = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        String[] last = parts.length >= 2 ? new String[] {parts[parts.length - 2], parts[parts.length - 1]} : new String[] {"0", "0"};
        return new Measured(Double.parseDouble(last[0]), Long.parseLong(last[1]), code);
    }

    static Measured median(List<Measured> runs) {
        List<Measured> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Measured::seconds));
        Measured mid = sorted.get(sorted.size() / 2);
        long peak = runs.stream().mapToLong(Measured::peakRssKb).max().orElse(0);
        int code = runs.stream().mapToInt(Measured::exitCode).filter(c -> c != 0).findFirst().orElse(0);
        return new Measured(mid.seconds(), peak, code);
    }
}
