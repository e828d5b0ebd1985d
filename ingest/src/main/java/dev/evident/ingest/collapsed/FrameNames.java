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
        if (dev.evident.ingest.lang.GoSymbols.looksLikeGo(name)) {
            return new Parsed(name, FrameKind.GO);
        }
        if (name.indexOf('.') > 0 && DOTTED_JAVA.matcher(name).matches() && !looksLikeLibrary(name)) {
            return new Parsed(JavaFrameNames.normalize(name), FrameKind.JAVA);
        }
        return new Parsed(name, FrameKind.NATIVE);
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
