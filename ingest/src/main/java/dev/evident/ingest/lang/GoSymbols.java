package dev.evident.ingest.lang;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises Go function symbols in formats that carry only a name (collapsed stacks, perf
 * script): {@code main.handle}, {@code sync.(*Mutex).Lock},
 * {@code github.com/acme/shop/store.(*Cache).Get}.
 */
public final class GoSymbols {
    private static final Pattern GO_FUNCTION = Pattern.compile(
            "([a-z0-9][\\w.-]*\\.[a-z]+(/[\\w.-]+)+|[a-z][\\w]*(/[\\w.-]+)*)\\.(\\(\\*?[\\w\\[\\]., ]+\\)\\.)?[\\w$]+(\\.[\\w$]+)*(\\[\\.\\.\\.\\])?");
    private static final Set<String> CORE_PACKAGES = Set.of(
            "main", "runtime", "sync", "fmt", "strings", "strconv", "bytes", "regexp", "sort", "time", "os", "io",
            "bufio", "reflect", "syscall", "math", "errors", "context", "net", "unicode", "internal", "encoding", "crypto");

    private GoSymbols() {
    }

    /**
     * Java names have no receiver in parentheses and no slash, and a single-dot name counts only
     * for Go's own core packages and {@code main}, so JVM frames are not mistaken for Go.
     */
    public static boolean looksLikeGo(String name) {
        if (!GO_FUNCTION.matcher(name).matches() || name.contains(".so")) {
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
        return parts.length <= 4 && CORE_PACKAGES.contains(parts[0]);
    }
}
