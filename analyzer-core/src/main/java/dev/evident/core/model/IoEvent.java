package dev.evident.core.model;

/**
 * One socket or file operation that the recorder captured (the JDK records those above a duration
 * threshold, 10 ms with settings=profile).
 *
 * @param target "host:port" for sockets, the path for files
 * @param bytes  bytes read or written
 */
public record IoEvent(long epochNanos, long durationNanos, Kind kind, String target, long bytes) {

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
