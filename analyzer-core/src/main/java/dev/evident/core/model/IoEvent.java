package dev.evident.core.model;

/**
 * One socket or file operation that the recorder captured (the JDK records those above a duration
 * threshold, 10 ms with settings=profile).
 *
 * @param target "host:port" for sockets, the path for files
 * @param bytes    bytes read or written
 * @param database whether the operation's stack passes through a database driver
 *                 ({@link DatabaseDrivers}): the thread waits for the database, not for generic I/O
 */
public record IoEvent(long epochNanos, long durationNanos, Kind kind, String target, long bytes, boolean database) {

    public enum Kind {
        SOCKET_READ("socket read"), SOCKET_WRITE("socket write"), FILE_READ("file read"), FILE_WRITE("file write");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean socket() {
            return this == SOCKET_READ || this == SOCKET_WRITE;
        }
    }
}
