package workload.logging;

import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Known cause: log messages formatted although their level is off. The logger runs at INFO, yet
 * {@link #priceOrder} builds a detailed FINE message with {@code String.format} and string
 * concatenation for every line item before calling {@code log.fine}, which then discards it. The
 * fix is to pass parameters (or a supplier) so formatting happens only when the level is on.
 */
public final class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    record Item(String sku, int quantity, double unitPrice) {
    }

    static double priceOrder(long orderId, Item[] items) {
        double total = 0;
        for (Item item : items) {
            double line = item.quantity() * item.unitPrice();
            total += line;
            LOG.fine("order " + orderId + " item " + item + " line total " + String.format("%.2f", line));
        }
        LOG.fine(String.format("order %d priced at %.2f for %d items", orderId, total, items.length));
        return total;
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        LOG.setLevel(Level.INFO);
        Random random = new Random(9);
        Item[] items = new Item[8];
        for (int i = 0; i < items.length; i++) {
            items[i] = new Item("SKU-" + random.nextInt(1000), 1 + random.nextInt(5), random.nextInt(10_000) / 100.0);
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        double sum = 0;
        for (long order = 0; System.nanoTime() < deadline; order++) {
            sum += priceOrder(order, items);
        }
        System.out.println("sum=" + (long) sum);
    }
}
