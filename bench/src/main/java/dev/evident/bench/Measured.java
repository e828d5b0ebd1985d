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
record Measured(double seconds, long peakRssKb, int exitCode, double cpuSeconds) {

    Measured(double seconds, long peakRssKb, int exitCode) {
        this(seconds, peakRssKb, exitCode, Double.NaN);
    }

    static Measured run(List<String> command, Path log) throws IOException, InterruptedException {
        Path times = Files.createTempFile("evident-bench-", ".time");
        // wall seconds, peak RSS, and CPU seconds (user + system): on a shared machine the CPU time
        // stays meaningful when other processes stretch the wall time
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", times.toString()));
        wrapped.addAll(command);
        Process p = new ProcessBuilder(wrapped).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        String[] parts = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        if (parts.length < 4) {
            return new Measured(0, 0, code);
        }
        int n = parts.length;
        return new Measured(Double.parseDouble(parts[n - 4]), Long.parseLong(parts[n - 3]), code,
                Double.parseDouble(parts[n - 2]) + Double.parseDouble(parts[n - 1]));
    }

    static Measured median(List<Measured> runs) {
        List<Measured> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Measured::seconds));
        Measured mid = sorted.get(sorted.size() / 2);
        long peak = runs.stream().mapToLong(Measured::peakRssKb).max().orElse(0);
        int code = runs.stream().mapToInt(Measured::exitCode).filter(c -> c != 0).findFirst().orElse(0);
        List<Measured> byCpu = new ArrayList<>(runs);
        byCpu.sort(java.util.Comparator.comparingDouble(Measured::cpuSeconds));
        return new Measured(mid.seconds(), peak, code, byCpu.get(byCpu.size() / 2).cpuSeconds());
    }
}
