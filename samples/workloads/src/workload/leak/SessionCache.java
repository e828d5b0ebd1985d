package workload.leak;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Known cause: a slowly leaking cache. Every request stores its session attributes in a static
 * map keyed by a new session id and nothing ever removes them, so the heap that survives each
 * collection grows steadily (about 1 MB per second here). The fix is a bounded, expiring cache.
 */
public final class SessionCache {

    private static final Map<String, byte[]> SESSIONS = new HashMap<>();

    static void handle(Random random, long requestId) {
        byte[] attributes = new byte[1024];
        random.nextBytes(attributes);
        SESSIONS.put("session-" + requestId, attributes);
        // per-request garbage on top of the leak, so young collections run regularly
        byte[] scratch = new byte[16 * 1024];
        scratch[random.nextInt(scratch.length)] = 1;
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Random random = new Random(5);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long requests = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                handle(random, requests++);
            }
            Thread.sleep(100); // about 1,000 requests per second: ~1 MB of sessions and ~16 MB of garbage per second
        }
        System.out.println("requests=" + requests + " sessions=" + SESSIONS.size());
    }
}
