package workload.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay that holds every chunk of bytes for a fixed time before passing it on, in both
 * directions. On loopback a database round trip takes some 20 µs; between an application server and
 * its database in a data centre it takes 0.2–1 ms, and that round trip is what makes an N+1 loop
 * expensive. The flagship incident puts this relay between the service and PostgreSQL so that the
 * recording shows the cost a real deployment would see. Order is kept: each direction has one
 * queue, and a chunk leaves no earlier than its arrival plus the delay.
 *
 * <p>Usage: {@code NetworkDelayProxy LISTEN_PORT TARGET_PORT DELAY_MICROS}
 */
public final class NetworkDelayProxy {

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    public static void main(String[] args) throws IOException {
        int listenPort = Integer.parseInt(args[0]);
        int targetPort = Integer.parseInt(args[1]);
        long delayNanos = Long.parseLong(args[2]) * 1_000;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(listenPort, 64, loopback)) {
            System.out.println("relaying port " + listenPort + " to " + targetPort + " with " + args[2] + " µs each way");
            while (true) {
                Socket client = server.accept();
                Socket target = new Socket(loopback, targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                relay(client, target, delayNanos);
                relay(target, client, delayNanos);
            }
        }
    }

    /** One direction: a reader that stamps each chunk and a writer that sends it when it is due. */
    private static void relay(Socket from, Socket to, long delayNanos) {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException | InterruptedException e) {
                // the connection closed: the writer sees the end marker below
            }
            queue.add(new Chunk(0, null));
        }, "relay-in");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) {
                        break;
                    }
                    for (long wait; (wait = c.dueNanos() - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "relay-out");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }
}
