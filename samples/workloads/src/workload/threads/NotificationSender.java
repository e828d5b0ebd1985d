package workload.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Known cause: a thread leak. Every notification batch creates its own single-thread executor and
 * never shuts it down, so the number of live threads grows by about twenty per second. The fix is
 * one shared executor, or shutting down the per-batch executor.
 */
public final class NotificationSender {

    static void sendBatch(int batch) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.submit(() -> "sent batch " + batch);
        // missing: executor.shutdown() — the idle worker thread stays alive forever
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int batch = 0;
        while (System.nanoTime() < deadline) {
            sendBatch(batch++);
            Thread.sleep(50);
        }
        System.out.println("batches=" + batch);
        System.exit(0); // the leaked non-daemon threads would keep the JVM alive
    }
}
