package workload.inventory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Known cause: lock contention on one synchronized shared map. Eight worker threads record stock
 * movements into a {@code Collections.synchronizedMap}; {@link #record} calls {@code compute} on it,
 * which holds the map's monitor while the remapping function re-prices the SKU. Every thread
 * queues on that single monitor. The fix is a {@code ConcurrentHashMap} (per-key locking) and
 * moving the pricing work out of the critical section.
 */
public final class StockLedger {

    private final Map<String, Long> stockBySku = Collections.synchronizedMap(new HashMap<>());
    private final LongAdder recorded = new LongAdder();

    void record(String sku, long quantity) {
        stockBySku.compute(sku, (key, current) -> {
            long base = current == null ? 0 : current;
            return base + quantity + repriceChecksum(key, quantity);
        });
        recorded.increment();
    }

    /** Deliberately slow work that runs while the monitor is held. */
    private static long repriceChecksum(String sku, long quantity) {
        long h = quantity;
        for (int i = 0; i < 40_000; i++) {
            h = h * 31 + sku.charAt(i % sku.length());
        }
        return h & 1;
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        StockLedger ledger = new StockLedger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    ledger.record("SKU-" + random.nextInt(500), random.nextInt(1, 20));
                }
                done.countDown();
            }, "ledger-worker-" + t);
            worker.start();
        }
        done.await();
        System.out.println("recorded=" + ledger.recorded.sum() + " skus=" + ledger.stockBySku.size());
    }
}
