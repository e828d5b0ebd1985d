package workload.hdr;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop load client that records every request's latency (nanoseconds) in an HdrHistogram
 * {@link Recorder} and writes one interval histogram per second with the library's own
 * {@link HistogramLogWriter}, tagged with the endpoint path.
 *
 * <p>Usage: {@code HdrLoadRecorder URL THREADS SECONDS OUT.hlog}. Only loopback URLs are used by the
 * sample scripts; the run stops by itself after SECONDS.
 */
public final class HdrLoadRecorder {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String tag = uri.getPath();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        Recorder recorder = new Recorder(3);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        client.send(request, HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        continue; // a failed request is not a latency
                    }
                    recorder.recordValue(System.nanoTime() - start); // nanoseconds, the log format's convention
                }
            });
            worker.start();
            workers.add(worker);
        }
        try (PrintStream out = new PrintStream(args[3], "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            long startMs = System.currentTimeMillis();
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputComment("latency in nanoseconds, endpoint " + tag + ", " + threads + " threads");
            writer.outputLegend();
            Histogram interval = null;
            while (System.nanoTime() < deadline) {
                Thread.sleep(1000);
                interval = recorder.getIntervalHistogram(interval);
                interval.setTag(tag);
                writer.outputIntervalHistogram(interval);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            interval = recorder.getIntervalHistogram(interval);
            interval.setTag(tag);
            writer.outputIntervalHistogram(interval);
        }
    }
}
