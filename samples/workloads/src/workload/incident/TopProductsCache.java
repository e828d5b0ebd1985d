package workload.incident;

import java.sql.SQLException;
import java.util.List;

/** The cache fix: one shared value, recomputed when older than the time to live. */
final class TopProductsCache {
    interface Loader {
        List<long[]> load() throws SQLException;
    }

    private final long ttlMillis;
    private volatile List<long[]> value;
    private volatile long loadedAt;

    TopProductsCache(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    List<long[]> get(Loader loader) throws SQLException {
        long now = System.currentTimeMillis();
        List<long[]> v = value;
        if (v == null || now - loadedAt > ttlMillis) {
            synchronized (this) {
                if (value == null || now - loadedAt > ttlMillis) {
                    value = loader.load();
                    loadedAt = now;
                }
                v = value;
            }
        }
        return v;
    }
}
