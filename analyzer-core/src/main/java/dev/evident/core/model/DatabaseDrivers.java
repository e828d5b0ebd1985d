package dev.evident.core.model;

import java.util.List;

/**
 * Package prefixes of database client drivers. A stack that passes through one of them is talking
 * to a database: its socket waits are database time, not generic I/O.
 */
public final class DatabaseDrivers {
    private static final List<String> PREFIXES = List.of(
            "org.postgresql.", "com.mysql.", "org.mariadb.jdbc.", "oracle.jdbc.", "com.microsoft.sqlserver.",
            "org.h2.", "org.hsqldb.", "com.ibm.db2.", "io.r2dbc.");

    private DatabaseDrivers() {
    }

    /** Whether a fully qualified frame name belongs to a database driver. */
    public static boolean isDriverFrame(String frame) {
        for (String p : PREFIXES) {
            if (frame.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
