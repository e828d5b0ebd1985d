package dev.evident.ingest.jfr;

import dev.evident.core.model.JavaFrameNames;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Class and method names decoded once per reader thread rather than once per chunk. Every chunk
 * of a recording repeats its symbols under new ids; keyed by content, their strings (and the
 * joined, normalized method names) are built only the first time.
 */
final class SymbolCache {
    private final Map<ByteRange, String> texts = new HashMap<>();
    private final Map<String, Map<String, String>> methods = new HashMap<>();

    /** UTF-8 symbol bytes {@code from} to {@code to} of a chunk's array as text. */
    String text(byte[] data, int from, int to) {
        ByteRange key = ByteRange.of(data, from, to);
        String text = texts.get(key);
        if (text == null) {
            text = new String(data, from, to - from, StandardCharsets.UTF_8);
            texts.put(key.copy(), text); // the kept key owns its bytes: the chunk buffer is reused
        }
        return text;
    }

    /** The normalized {@code package.Class.method} name for an internal class name and a method name. */
    String javaMethod(String internalClassName, String methodName) {
        return methods.computeIfAbsent(internalClassName, c -> new HashMap<>())
                .computeIfAbsent(methodName, m -> JavaFrameNames.normalize(internalClassName + "." + m));
    }
}
