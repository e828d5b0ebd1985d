package workload.incident;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds one customer's dashboard page (as JSON) from the repository. */
final class Dashboard {
    private final DashboardRepository repository;
    private final boolean batchQueries;
    private final boolean aggregateInDatabase;
    private final TopProductsCache cache;

    Dashboard(DashboardRepository repository, Set<String> fixes) {
        this.repository = repository;
        this.batchQueries = fixes.contains("batch-queries");
        this.aggregateInDatabase = fixes.contains("push-aggregation-to-database");
        this.cache = fixes.contains("cache-results") ? new TopProductsCache(30_000) : null;
    }

    String render(long customerId) throws SQLException {
        List<DashboardRepository.Order> orders = repository.recentOrders(customerId);
        Map<Long, List<DashboardRepository.Line>> lines = batchQueries
                ? repository.linesOfOrders(orders.stream().map(DashboardRepository.Order::id).toList())
                : linesOneByOne(orders);
        DashboardRepository.Activity activity = repository.activity(customerId);
        List<long[]> top = cache != null ? cache.get(this::topProducts) : topProducts();

        StringBuilder json = new StringBuilder(4096);
        json.append("{\"customer\":").append(customerId).append(",\"orders\":[");
        for (int i = 0; i < orders.size(); i++) {
            DashboardRepository.Order o = orders.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(o.id()).append(",\"total\":").append(o.totalCents())
                    .append(",\"lines\":").append(lines.getOrDefault(o.id(), List.of()).size()).append('}');
        }
        json.append("],\"views30d\":").append(activity.views()).append(",\"lastView\":\"").append(activity.lastView())
                .append("\",\"topProducts\":[");
        for (int i = 0; i < top.size(); i++) {
            json.append(i == 0 ? "" : ",").append("[").append(top.get(i)[0]).append(',').append(top.get(i)[1]).append(']');
        }
        return json.append("]}\n").toString();
    }

    /** The N+1: one query per order. */
    private Map<Long, List<DashboardRepository.Line>> linesOneByOne(List<DashboardRepository.Order> orders)
            throws SQLException {
        Map<Long, List<DashboardRepository.Line>> lines = new HashMap<>();
        for (DashboardRepository.Order o : orders) {
            lines.put(o.id(), repository.linesOfOrder(o.id()));
        }
        return lines;
    }

    /** The ten best-selling products of the last day, by quantity. */
    List<long[]> topProducts() throws SQLException {
        if (aggregateInDatabase) {
            return repository.topProductsSince(10);
        }
        // every line of the last day crosses the wire and is summed here
        Map<Long, Long> quantityByProduct = new HashMap<>();
        for (DashboardRepository.Line line : repository.linesOfLastDay()) {
            quantityByProduct.merge(line.productId(), (long) line.quantity(), Long::sum);
        }
        List<long[]> ranked = new ArrayList<>();
        quantityByProduct.forEach((product, quantity) -> ranked.add(new long[] {product, quantity}));
        ranked.sort(Comparator.comparingLong((long[] r) -> r[1]).reversed().thenComparingLong(r -> r[0]));
        return ranked.subList(0, Math.min(10, ranked.size()));
    }
}
