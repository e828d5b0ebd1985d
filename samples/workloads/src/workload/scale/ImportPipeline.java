package workload.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * An order import that gets slower than its input grows, for {@code evident scale}. Each repetition
 * loads N orders (O(n)), sorts them by amount (O(n log n)) and de-duplicates the customer ids with
 * {@code ArrayList.contains} (O(n²), the known cause).
 *
 * <p>Usage: {@code ImportPipeline N SECONDS}: repeats the import at size N until SECONDS have passed
 * (at least once) and prints how many repetitions ran. Every size gets the same time, so every run
 * collects enough profile samples and the JIT warms up alike; cost per repetition is what compares.
 */
public final class ImportPipeline {

    record Order(int id, int customerId, long cents) {}

    static List<Order> loadOrders(Random random, int n) {
        List<Order> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(new Order(i, random.nextInt(n), random.nextInt(100_000)));
        }
        return orders;
    }

    static void sortByAmount(List<Order> orders) {
        orders.sort(Comparator.comparingLong(Order::cents).thenComparingInt(Order::id));
    }

    static List<Integer> distinctCustomers(List<Order> orders) {
        List<Integer> seen = new ArrayList<>();
        for (Order order : orders) {
            if (!seen.contains(order.customerId())) {
                seen.add(order.customerId());
            }
        }
        return seen;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        Random random = new Random(n);
        long checksum = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int repetitions = 0;
        do {
            List<Order> orders = loadOrders(random, n);
            sortByAmount(orders);
            checksum += distinctCustomers(orders).size() + orders.get(0).cents();
            repetitions++;
        } while (System.nanoTime() < deadline);
        System.out.println(repetitions + " repetitions, checksum " + checksum);
    }
}
