package dev.evident.core.model;

/**
 * A label attached to samples rather than to frames, such as a pprof label
 * ({@code endpoint=/orders/import}, or {@code bytes=16} on Go heap samples). Numeric labels keep
 * their unit in the value ("16 bytes").
 */
public record Tag(String key, String value) implements Comparable<Tag> {

    @Override
    public int compareTo(Tag o) {
        int c = key.compareTo(o.key);
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
