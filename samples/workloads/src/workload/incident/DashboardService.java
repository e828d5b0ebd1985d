package workload.incident;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The flagship incident's service: a customer dashboard over PostgreSQL, served by the JDK's HTTP
 * server through a HikariCP pool. As recorded it has four problems, each a common one:
 * <ol>
 *   <li>the order lines are loaded with one query per order (N+1);</li>
 *   <li>the activity summary filters page_views by customer_id, which has no index;</li>
 *   <li>"top products" fetches every order line of the last day and sums them in Java;</li>
 *   <li>nothing is cached, although top products is the same for every customer.</li>
 * </ol>
 * Each fix can be switched on with {@code -Ddashboard.fixes=batch-queries,push-aggregation-to-database,cache-results}
 * (the planner's remedy ids); the missing index is fixed in the database.
 *
 * <p>Usage: {@code DashboardService JDBC_URL USER PORT}
 */
public final class DashboardService {

    public static void main(String[] args) throws IOException {
        Set<String> fixes = new HashSet<>(Arrays.asList(System.getProperty("dashboard.fixes", "").split(",")));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setMaximumPoolSize(8);
        config.setPoolName("dashboard");
        HikariDataSource pool = new HikariDataSource(config);
        Dashboard dashboard = new Dashboard(new DashboardRepository(pool), fixes);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2])), 128);
        server.createContext("/dashboard", exchange -> respond(exchange, dashboard));
        server.createContext("/health", exchange -> send(exchange, 200, "ok\n"));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("dashboard service on port " + args[2] + ", fixes " + fixes);
    }

    private static void respond(HttpExchange exchange, Dashboard dashboard) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        long customer = query != null && query.startsWith("customer=") ? Long.parseLong(query.substring(9)) : 1;
        try {
            send(exchange, 200, dashboard.render(customer));
        } catch (SQLException e) {
            send(exchange, 500, e.getMessage() + "\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
