package dev.evident.ingest.jfr;

import dev.evident.core.model.JavaFrameNames;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Class and method names decoded once per reader thread rather than once per chunk. Every chunk
 * of a recording repeats its symbols under new ids; keyed by content, their strings (and the
 * joined, normalized method names) are built only the first time.
 */
final class SymbolCache {
    private final Map<Bytes, String> texts = new HashMap<>();
    private final Map<String, Map<String, String>> methods = new HashMap<>();

    /** Symbol bytes as text; {@code ""} for a missing symbol. */
    String text(byte[] symbol) {
        if (symbol == null) {
            return "";
        }
        return texts.computeIfAbsent(new Bytes(symbol), b -> new String(b.bytes, StandardCharsets.UTF_8));
    }

    /** The normalized {@code package.Class.method} name for an internal class name and a method name. */
    String javaMethod(String internalClassName, String methodName) {
        return methods.computeIfAbsent(internalClassName, c -> new HashMap<>())
                .computeIfAbsent(methodName, m -> JavaFrameNames.normalize(internalClassName + "." + m));
    }

    private record Bytes(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
