package workload.classes;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Known cause: classes generated per request and never unloaded. Every rule evaluation creates a
 * dynamic proxy in a fresh class loader and keeps the rule in a registry, so each request defines
 * a new proxy class that stays reachable: metaspace grows steadily. The fix is to create the proxy
 * (and its class loader) once and reuse it.
 */
public final class RuleEngine {
    private static final List<IntPredicate> REGISTRY = new ArrayList<>();

    static boolean evaluate(int value) {
        ClassLoader loader = new URLClassLoader(new URL[0], RuleEngine.class.getClassLoader());
        IntPredicate rule = (IntPredicate) Proxy.newProxyInstance(loader, new Class<?>[] {IntPredicate.class},
                (proxy, method, args) -> method.getName().equals("test") ? ((Integer) args[0]) % 7 == 0 : null);
        REGISTRY.add(rule);
        return rule.test(value);
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long matches = 0;
        for (int i = 0; System.nanoTime() < deadline; i++) {
            if (evaluate(i)) {
                matches++;
            }
            byte[] garbage = new byte[256 * 1024]; // request garbage, so young collections (and metaspace reports) happen
            garbage[i % garbage.length] = 1;
            if (i % 10 == 9) {
                Thread.sleep(5);
            }
        }
        System.out.println("matches=" + matches + " rules=" + REGISTRY.size());
    }
}
