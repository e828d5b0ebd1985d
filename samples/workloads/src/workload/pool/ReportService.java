package workload.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Known cause: a starved connection pool. Eight request threads share a HikariCP pool of two
 * connections, and each holds its connection for the whole of a slow report (40 ms of "query"
 * work against a slow fake database), so most threads wait inside HikariPool.getConnection. The
 * fix is to hold connections only around the query itself and to size the pool for the
 * concurrency.
 */
public final class ReportService {

    private final DataSource pool;

    ReportService(DataSource pool) {
        this.pool = pool;
    }

    long renderReport(int customer) throws SQLException, InterruptedException {
        try (Connection connection = pool.getConnection()) {
            Thread.sleep(40); // the slow query; the connection stays checked out meanwhile
            return customer * 31L + connection.hashCode() % 7;
        }
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        HikariConfig config = new HikariConfig();
        config.setDataSource(new SlowDatabase());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(30_000);
        config.setPoolName("reports");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ReportService service = new ReportService(pool);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            int threads = 8;
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                int id = t;
                new Thread(() -> {
                    long sum = 0;
                    try {
                        while (System.nanoTime() < deadline) {
                            sum += service.renderReport(id);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        done.countDown();
                    }
                    if (sum == 42) {
                        System.out.println("unlikely");
                    }
                }, "report-" + t).start();
            }
            done.await();
        }
        System.out.println("done");
    }

    /** A database that answers every call instantly with harmless defaults; slowness is in the caller. */
    static final class SlowDatabase implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, methodArgs) -> switch (method.getName()) {
                        case "isValid", "getAutoCommit" -> true;
                        case "isClosed", "isReadOnly" -> false;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "getNetworkTimeout" -> 0;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == methodArgs[0];
                        case "toString" -> "SlowDatabaseConnection";
                        default -> null;
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
