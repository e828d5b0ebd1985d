package dev.evident.ingest.collapsed;

import dev.evident.core.model.FrameKind;
import dev.evident.core.model.JavaFrameNames;

import java.util.regex.Pattern;

/**
 * Reads the kind of a collapsed-stack frame from its name and its annotation suffix.
 * async-profiler and FlameGraph mark frames with {@code _[j]} (JIT), {@code _[i]} (inlined),
 * {@code _[0]} (interpreted), {@code _[1]} (C1) and {@code _[k]} (kernel). In allocation and lock
 * profiles the leaf is a class name marked {@code _[i]} or {@code _[k]} (inside or outside a TLAB):
 * that is a type, not code.
 */
final class FrameNames {
    private static final Pattern SLASHED_JAVA = Pattern.compile("[\\w$]+(/[\\w$]+)+\\.[\\w$<>]+.*");
    private static final Pattern DOTTED_JAVA = Pattern.compile("[a-z_][\\w$]*(\\.[\\w$]+)+\\.[\\w$<>]+");
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_][\\w$]*\\.)*[A-Z_$][\\w$]*");

    private FrameNames() {
    }

    /** py-spy's {@code function (file:line)} or {@code function (file)}. */
    private static final Pattern PY_SPY = Pattern.compile("(.+) \\(([^()]+?\\.pyx?|<[^()>]+>)(?::(\\d+))?\\)");
    /** A Go function: an import path with a dot, a method with a receiver, or one of the core packages. */
    private static final Pattern GO_FUNCTION = Pattern.compile(
            "([a-z0-9][\\w.-]*\\.[a-z]+(/[\\w.-]+)+|[a-z][\\w]*(/[\\w.-]+)*)\\.(\\(\\*?[\\w\\[\\]., ]+\\)\\.)?[\\w$]+(\\.[\\w$]+)*(\\[\\.\\.\\.\\])?");
    private static final java.util.Set<String> GO_CORE_PACKAGES = java.util.Set.of(
            "main", "runtime", "sync", "fmt", "strings", "strconv", "bytes", "regexp", "sort", "time", "os", "io",
            "bufio", "reflect", "syscall", "math", "errors", "context", "net", "unicode", "internal", "encoding", "crypto");

    record Parsed(String name, FrameKind kind, int line, String file) {
        Parsed(String name, FrameKind kind) {
            this(name, kind, 0, "");
        }
    }

    static Parsed parse(String raw) {
        if (raw.endsWith(")") && raw.indexOf(" (") > 0) {
            java.util.regex.Matcher py = PY_SPY.matcher(raw);
            if (py.matches()) {
                String file = py.group(2);
                return new Parsed(dev.evident.ingest.lang.SourceLanguage.pythonName(py.group(1), file), FrameKind.PYTHON,
                        py.group(3) == null ? 0 : Integer.parseInt(py.group(3)), file);
            }
        }
        char annotation = 0;
        String name = raw;
        if (raw.length() > 4 && raw.endsWith("]") && raw.charAt(raw.length() - 4) == '_' && raw.charAt(raw.length() - 3) == '[') {
            annotation = raw.charAt(raw.length() - 2);
            name = raw.substring(0, raw.length() - 4);
        }
        switch (annotation) {
            case 'k':
                return typeLike(name) ? new Parsed(typeName(name), FrameKind.TYPE) : new Parsed(name, FrameKind.KERNEL);
            case 'i':
                if (typeLike(name) && name.indexOf('/') < 0) {
                    return new Parsed(typeName(name), FrameKind.TYPE);
                }
                return new Parsed(JavaFrameNames.normalize(name), FrameKind.JAVA);
            case 'j':
            case '0':
            case '1':
                return new Parsed(JavaFrameNames.normalize(name), FrameKind.JAVA);
            case 'w':
                return new Parsed(name, FrameKind.KERNEL);
            default:
                return unannotated(raw);
        }
    }

    private static Parsed unannotated(String name) {
        if (name.contains("::")) {
            return new Parsed(name, FrameKind.JVM);
        }
        if (name.indexOf('/') > 0 && SLASHED_JAVA.matcher(name).matches()) {
            return new Parsed(JavaFrameNames.normalize(name), FrameKind.JAVA);
        }
        if (looksLikeGo(name)) {
            return new Parsed(name, FrameKind.GO);
        }
        if (name.indexOf('.') > 0 && DOTTED_JAVA.matcher(name).matches() && !looksLikeLibrary(name)) {
            return new Parsed(JavaFrameNames.normalize(name), FrameKind.JAVA);
        }
        return new Parsed(name, FrameKind.NATIVE);
    }

    /**
     * Go symbols as stackcollapse-go, perf or inferno write them: {@code main.handle},
     * {@code sync.(*Mutex).Lock}, {@code github.com/acme/shop/store.(*Cache).Get}. Java names have
     * no receiver in parentheses and no slash, and a single-dot name counts only for Go's own core
     * packages and {@code main}, so JVM frames are not mistaken for Go.
     */
    static boolean looksLikeGo(String name) {
        if (!GO_FUNCTION.matcher(name).matches() || looksLikeLibrary(name)) {
            return false;
        }
        if (name.contains(".(") || name.indexOf('/') > 0) {
            return true;
        }
        String[] parts = name.split("\\.");
        for (int i = 1; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return false; // a class in the middle: io.netty.channel.Foo.run is Java
            }
        }
        return parts.length <= 4 && GO_CORE_PACKAGES.contains(parts[0]);
    }

    /** "libc.so.6", "ld-linux-x86-64.so.2": shared objects, not Java. */
    private static boolean looksLikeLibrary(String name) {
        return name.contains(".so");
    }

    /** A class or array type: {@code int[]}, {@code java.lang.String}, {@code byte[][]}. */
    private static boolean typeLike(String name) {
        if (name.endsWith("[]")) {
            return true;
        }
        return CLASS_NAME.matcher(name).matches() && name.indexOf('.') > 0;
    }

    private static String typeName(String name) {
        return name.replace('/', '.');
    }
}
