package workload.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Known cause: O(n²) de-duplication. {@link #distinctCustomerIds} checks every id against an
 * {@code ArrayList} with {@code contains}, so each batch costs n²/2 comparisons inside
 * {@code ArrayList.indexOfRange}. The fix is a {@code HashSet} (or {@code LinkedHashSet} to keep order).
 */
public final class OrderDeduplicator {

    static List<String> distinctCustomerIds(List<Order> orders) {
        List<String> seen = new ArrayList<>();
        for (Order order : orders) {
            if (!seen.contains(order.customerId())) {
                seen.add(order.customerId());
            }
        }
        return seen;
    }

    record Order(long id, String customerId, long cents) {}

    static List<Order> loadBatch(Random random, int size) {
        List<Order> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(new Order(i, "C" + random.nextInt(size), random.nextInt(100_000)));
        }
        return batch;
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        Random random = new Random(42);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long batches = 0, distinct = 0;
        while (System.nanoTime() < deadline) {
            List<Order> batch = loadBatch(random, batchSize);
            distinct += distinctCustomerIds(batch).size();
            batches++;
        }
        System.out.println("batches=" + batches + " distinct=" + distinct);
    }
}
