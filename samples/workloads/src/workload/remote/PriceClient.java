package workload.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Known cause: waiting on a slow remote service. A local pricing server (in the same process,
 * on a loopback port) answers each request after 80 ms; four client threads ask it for prices one
 * request at a time over plain sockets and block in socket reads most of the time. The fix is
 * to batch or parallelise the calls, cache prices, and bound the wait with a timeout.
 */
public final class PriceClient {

    static long price(int port, String sku) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println(sku);
            return Long.parseLong(in.readLine());
        }
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        ExecutorService server = Executors.newCachedThreadPool();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.submit(() -> {
                while (!listener.isClosed()) {
                    Socket s = listener.accept();
                    server.submit(() -> {
                        try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                             var out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                            String sku = in.readLine();
                            Thread.sleep(80); // the remote service's own latency
                            out.println(Math.abs(sku.hashCode() % 10_000));
                        }
                        return null;
                    });
                }
                return null;
            });
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            int clients = 4;
            CountDownLatch done = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                int id = c;
                new Thread(() -> {
                    long total = 0;
                    try {
                        for (int i = 0; System.nanoTime() < deadline; i++) {
                            total += price(listener.getLocalPort(), "SKU-" + id + "-" + i);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                    System.out.println("client " + id + " total " + total);
                }, "pricing-client-" + c).start();
            }
            done.await();
        } finally {
            server.shutdownNow();
        }
    }
}
