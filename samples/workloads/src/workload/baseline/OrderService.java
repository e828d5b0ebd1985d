package workload.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Healthy baseline: a request handler whose work is spread over several steps of similar cost
 * (parse, validate, price, sign, render), with per-thread state, no shared lock, modest allocation
 * and idle time between requests. No single method or lock dominates; a report on it should say so.
 */
public final class OrderService {

    private final MessageDigest digest;

    OrderService() throws NoSuchAlgorithmException {
        this.digest = MessageDigest.getInstance("SHA-256");
    }

    String handle(String request) {
        Map<String, String> fields = parse(request);
        validate(fields);
        long total = price(fields);
        String signature = sign(fields, total);
        return render(fields, total, signature);
    }

    static Map<String, String> parse(String request) {
        Map<String, String> fields = new HashMap<>();
        int start = 0;
        while (start < request.length()) {
            int eq = request.indexOf('=', start);
            int amp = request.indexOf('&', eq);
            if (amp < 0) amp = request.length();
            fields.put(request.substring(start, eq), request.substring(eq + 1, amp));
            start = amp + 1;
        }
        return fields;
    }

    static void validate(Map<String, String> fields) {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String v = e.getValue();
            for (int i = 0; i < v.length(); i++) {
                if (!Character.isLetterOrDigit(v.charAt(i)) && v.charAt(i) != '-') {
                    throw new IllegalArgumentException(e.getKey());
                }
            }
        }
    }

    static long price(Map<String, String> fields) {
        long total = 0;
        for (int round = 0; round < 12; round++) {
            for (String v : fields.values()) {
                total += (v.hashCode() & 0xff) * (round + 1);
            }
        }
        return total;
    }

    String sign(Map<String, String> fields, long total) {
        digest.reset();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        digest.update(Long.toString(total).getBytes(StandardCharsets.UTF_8));
        byte[] hash = digest.digest();
        StringBuilder hex = new StringBuilder();
        for (byte b : hash) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    static String render(Map<String, String> fields, long total, String signature) {
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.sort(null);
        StringBuilder out = new StringBuilder(256);
        for (String k : keys) {
            out.append(k).append(':').append(fields.get(k)).append('\n');
        }
        return out.append("total:").append(total).append("\nsig:").append(signature).toString();
    }

    static String randomRequest(ThreadLocalRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0) sb.append('&');
            sb.append("field").append(i).append('=').append("v-").append(random.nextInt(1_000_000));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int workers = 2;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                OrderService service = new OrderService();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long handled = 0;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < 200; i++) {
                        service.handle(randomRequest(random));
                        handled++;
                    }
                    Thread.sleep(2); // idle time between bursts of requests
                }
                return handled;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        System.out.println("done");
    }
}
