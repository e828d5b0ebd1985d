package workload.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small order service on the loopback interface, for load tests. {@code GET /orders/distinct?n=N}
 * builds a batch of N orders and returns how many distinct customers it holds.
 *
 * <p>Known cause: with {@code --impl list} (the build before the fix) every order is checked
 * against an {@code ArrayList} with {@code contains}, O(n²) per request. {@code --impl set} is the
 * fix: a {@code LinkedHashSet}, O(n). {@code GET /health} answers without work.
 *
 * <p>Usage: {@code DedupeServer PORT list|set MAX_SECONDS}. The server stops by itself after
 * MAX_SECONDS so that a forgotten load test cannot keep it running.
 */
public final class DedupeServer {

    static int distinctWithList(List<Integer> customerIds) {
        List<Integer> seen = new ArrayList<>();
        for (Integer id : customerIds) {
            if (!seen.contains(id)) {
                seen.add(id);
            }
        }
        return seen.size();
    }

    static int distinctWithSet(List<Integer> customerIds) {
        Set<Integer> seen = new LinkedHashSet<>();
        seen.addAll(customerIds);
        return seen.size();
    }

    static List<Integer> loadBatch(int n) {
        Random random = ThreadLocalRandom.current();
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(random.nextInt(n));
        }
        return ids;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        boolean useSet = "set".equals(args[1]);
        long maxSeconds = args.length > 2 ? Long.parseLong(args[2]) : 300;
        // without TCP_NODELAY, keep-alive clients (wrk, JMeter, Gatling) wait ~40 ms per response for
        // the delayed ACK of the header packet, which would hide the cost being measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", exchange -> reply(exchange, 200, "ok\n"));
        server.createContext("/orders/distinct", exchange -> {
            int n = parameter(exchange, "n", 1000);
            List<Integer> batch = loadBatch(n);
            int distinct = useSet ? distinctWithSet(batch) : distinctWithList(batch);
            reply(exchange, 200, "{\"orders\":" + n + ",\"distinctCustomers\":" + distinct + "}\n");
        });
        server.start();
        System.out.println("listening on 127.0.0.1:" + port + " impl=" + (useSet ? "set" : "list"));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(maxSeconds * 1000);
            } catch (InterruptedException ignored) {
                // stop now
            }
            server.stop(0);
            System.exit(0);
        });
        stopper.setDaemon(true);
        stopper.start();
    }

    private static int parameter(HttpExchange exchange, String name, int fallback) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith(name + "=")) {
                    return Integer.parseInt(part.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
