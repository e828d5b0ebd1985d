package workload.dashboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user dashboard endpoint written the way ORMs and hand-written DAOs often end up: it works, and
 * it is slow for reasons that only show in the database log.
 *
 * <p>Each request runs in one transaction on a pooled connection:
 * <ol>
 *   <li>load the user (primary-key lookup: the "parent" query);</li>
 *   <li>count and sum the user's orders since a date ({@code orders} has no index on
 *       {@code user_id}, so PostgreSQL scans the whole table);</li>
 *   <li>load the 8 most recent orders (same missing index);</li>
 *   <li>for each of those orders, load its items with the product names: one query per order,
 *       the N+1 pattern ({@code order_items.order_id} has no index either);</li>
 *   <li>load the "featured" products, the same statement with the same parameter on every request
 *       (a cache candidate);</li>
 *   <li>compute the "top products" of the page in Java from the items.</li>
 * </ol>
 * Every sixth request is an admin export that sorts half of {@code orders} by total, which spills
 * to disk with the default {@code work_mem}.
 *
 * <p>Usage: {@code java -cp classes:postgresql.jar workload.dashboard.DashboardWorkload JDBC_URL USER REQUESTS THREADS}
 */
public final class DashboardWorkload {
    static final int RECENT_ORDERS = 8;
    static final Instant MONTH_START = Instant.parse("2025-12-01T00:00:00Z");
    static final Instant EXPORT_SINCE = Instant.parse("2025-07-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int requests = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        Random random = new Random(42);
        List<Long> userIds = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            userIds.add(1L + random.nextInt(20000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = DriverManager.getConnection(url, user, "");
            c.setAutoCommit(false);
            connections.add(c);
        }
        // one connection per worker thread, as a pool would hand out
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<Connection> own = ThreadLocal.withInitial(() -> connections.get(next.getAndIncrement()));
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            final int request = i;
            results.add(pool.submit(() -> request % 6 == 5 ? export(own.get()) : dashboard(own.get(), userIds.get(request))));
        }
        for (Future<String> f : results) {
            System.out.println(f.get());
        }
        pool.shutdown();
        for (Connection c : connections) {
            c.close();
        }
    }

    static String dashboard(Connection c, long userId) throws SQLException {
        try {
            String name;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM users WHERE id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    name = rs.next() ? rs.getString("name") : "?";
                }
            }
            long monthOrders;
            String monthRevenue;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) AS orders, coalesce(sum(total), 0) AS revenue FROM orders "
                            + "WHERE user_id = ? AND created_at >= ?")) {
                ps.setLong(1, userId);
                ps.setTimestamp(2, Timestamp.from(MONTH_START));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    monthOrders = rs.getLong(1);
                    monthRevenue = rs.getString(2);
                }
            }
            List<Long> recent = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, status, created_at, total FROM orders WHERE user_id = ? ORDER BY created_at DESC LIMIT "
                            + RECENT_ORDERS)) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recent.add(rs.getLong("id"));
                    }
                }
            }
            // The N+1: one round trip per order instead of one query for all of them.
            Map<String, Integer> quantityByProduct = new HashMap<>();
            for (long orderId : recent) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT oi.product_id, oi.quantity, oi.unit_price, p.name FROM order_items oi "
                                + "JOIN products p ON p.id = oi.product_id WHERE oi.order_id = ?")) {
                    ps.setLong(1, orderId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            quantityByProduct.merge(rs.getString("name"), rs.getInt("quantity"), Integer::sum);
                        }
                    }
                }
            }
            int featured = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, price FROM products WHERE category = ? ORDER BY price DESC LIMIT 5")) {
                ps.setString(1, "featured");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        featured++;
                    }
                }
            }
            String top = quantityByProduct.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(3).map(Map.Entry::getKey).toList().toString();
            c.commit();
            return "dashboard user=" + userId + " (" + name + ") monthOrders=" + monthOrders + " revenue=" + monthRevenue
                    + " recent=" + recent.size() + " featured=" + featured + " top=" + top;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    static String export(Connection c) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, user_id, status, total, created_at FROM orders WHERE created_at >= ? ORDER BY total DESC")) {
            ps.setTimestamp(1, Timestamp.from(EXPORT_SINCE));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        c.commit();
        return "export rows=" + rows;
    }
}
