package workload.incident;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's SQL, over plain JDBC. */
final class DashboardRepository {
    record Order(long id, long totalCents) {
    }

    record Line(long orderId, long productId, int quantity) {
    }

    record Activity(long views, String lastView) {
    }

    private final DataSource pool;

    DashboardRepository(DataSource pool) {
        this.pool = pool;
    }

    List<Order> recentOrders(long customerId) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, total_cents FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 100")) {
            ps.setLong(1, customerId);
            List<Order> orders = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(new Order(rs.getLong(1), rs.getLong(2)));
                }
            }
            return orders;
        }
    }

    List<Line> linesOfOrder(long orderId) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT order_id, product_id, quantity FROM order_lines WHERE order_id = ?")) {
            ps.setLong(1, orderId);
            return lines(ps);
        }
    }

    /** The batched form: all orders' lines in one round trip. */
    Map<Long, List<Line>> linesOfOrders(List<Long> orderIds) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT order_id, product_id, quantity FROM order_lines WHERE order_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", orderIds.toArray()));
            Map<Long, List<Line>> byOrder = new HashMap<>();
            for (Line line : lines(ps)) {
                byOrder.computeIfAbsent(line.orderId(), k -> new ArrayList<>()).add(line);
            }
            return byOrder;
        }
    }

    Activity activity(long customerId) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*), max(viewed_at) FROM page_views WHERE customer_id = ? "
                             + "AND viewed_at > now() - interval '30 days'")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Activity(rs.getLong(1), String.valueOf(rs.getTimestamp(2)));
            }
        }
    }

    List<Line> linesOfLastDay() throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT order_id, product_id, quantity FROM order_lines WHERE created_at > now() - interval '1 day'")) {
            // its own loop rather than lines(ps): a profile then tells this fetch from the N+1's
            List<Line> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Line(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                }
            }
            return lines;
        }
    }

    /** The aggregate pushed into the database. */
    List<long[]> topProductsSince(int limit) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT product_id, sum(quantity) AS sold FROM order_lines WHERE created_at > now() - interval '1 day' "
                             + "GROUP BY product_id ORDER BY sold DESC, product_id LIMIT ?")) {
            ps.setInt(1, limit);
            List<long[]> top = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    top.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return top;
        }
    }

    private static List<Line> lines(PreparedStatement ps) throws SQLException {
        List<Line> lines = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(new Line(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
            }
        }
        return lines;
    }
}
