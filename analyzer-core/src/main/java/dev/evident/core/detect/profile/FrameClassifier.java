package dev.evident.core.detect.profile;

import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;

import java.util.List;

/**
 * Decides which frames are the user's own code. A hot JDK method is rarely where the fix goes: the
 * fix goes into the application frame that calls it, so detectors attribute weight to the nearest
 * application frame.
 *
 * <p>Without configured application packages, every JVM frame outside the JDK and a list of
 * widely used libraries counts as application code. With {@code --app-package}, only frames under
 * those prefixes do. Go, Python and JavaScript frames follow the same three-way split by their own
 * rules ({@link #RUNTIME_PREFIXES} is the JDK's list; see {@link GoPackages}, {@link #pythonFile}
 * and {@link #javaScriptFile} for the others).
 */
public final class FrameClassifier {

    /** The JDK and JVM-language runtimes: never application code. */
    static final List<String> RUNTIME_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.openjdk.", "kotlin.", "kotlinx.",
            "scala.", "groovy.", "clojure.");

    /** Libraries that sit between application code and the JDK. */
    static final List<String> LIBRARY_PREFIXES = List.of(
            "org.springframework.", "org.apache.", "com.fasterxml.", "io.netty.", "org.hibernate.",
            "com.zaxxer.hikari.", "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.",
            "ch.qos.logback.", "org.slf4j.", "com.google.", "io.micrometer.", "reactor.",
            "io.undertow.", "org.eclipse.", "okhttp3.", "okio.", "org.jboss.", "io.grpc.",
            "io.vertx.", "io.quarkus.", "io.micronaut.", "org.glassfish.", "jakarta.", "org.junit.",
            "net.bytebuddy.", "org.aspectj.", "com.github.benmanes.caffeine.", "io.opentelemetry.",
            "io.reactivex.", "org.jooq.", "org.mybatis.", "org.yaml.", "org.json.", "com.jayway.",
            "one.profiler.", "org.HdrHistogram.", "org.openjdk.jmh.", "org.xml.", "org.w3c.");

    /** V8's pseudo-frames: the engine's own work, not any script's. */
    static final List<String> V8_PSEUDO_FRAMES = List.of("(root)", "(program)", "(idle)", "(garbage collector)");

    private final FrameTable frames;
    private final List<String> applicationPackages;
    private byte[] cache = new byte[0];

    public FrameClassifier(FrameTable frames, List<String> applicationPackages) {
        this.frames = frames;
        this.applicationPackages = applicationPackages;
    }

    static final byte UNKNOWN = 0;
    static final byte APPLICATION = 1;
    static final byte LIBRARY = 2;
    static final byte RUNTIME = 3;

    /** True for the user's own code: where a fix would be made. */
    public boolean isApplication(int frameId) {
        return classify(frameId) == APPLICATION;
    }

    /** True for third-party library code (not the runtime, not application). */
    public boolean isLibrary(int frameId) {
        return classify(frameId) == LIBRARY;
    }

    private byte classify(int frameId) {
        if (frameId >= cache.length) {
            cache = java.util.Arrays.copyOf(cache, Math.max(frames.size(), frameId + 1));
        }
        byte c = cache[frameId];
        if (c == UNKNOWN) {
            c = compute(frames.name(frameId), frames.kind(frameId), frames.file(frameId));
            cache[frameId] = c;
        }
        return c;
    }

    private byte compute(String name, FrameKind kind, String file) {
        return switch (kind) {
            case JAVA -> java(name);
            case GO -> configured(name, GoPackages.classify(name));
            case PYTHON -> configured(name, pythonFile(file));
            case JS -> V8_PSEUDO_FRAMES.contains(name) ? RUNTIME : configured(name, javaScriptFile(file));
            default -> RUNTIME;
        };
    }

    private byte java(String name) {
        if (name.contains("$$Lambda") || name.startsWith("$Proxy") || name.contains(".$Proxy")) {
            return RUNTIME; // generated glue; the lambda body or caller is the real code
        }
        if (!applicationPackages.isEmpty()) {
            for (String prefix : applicationPackages) {
                if (name.startsWith(prefix)) {
                    return APPLICATION;
                }
            }
            return startsWithAny(name, RUNTIME_PREFIXES) ? RUNTIME : LIBRARY;
        }
        if (startsWithAny(name, RUNTIME_PREFIXES)) {
            return RUNTIME;
        }
        return startsWithAny(name, LIBRARY_PREFIXES) ? LIBRARY : APPLICATION;
    }

    /**
     * With {@code --app-package}, a Go, Python or JavaScript frame is application code when its name
     * starts with one of the prefixes, and otherwise keeps the runtime/library split of its language.
     */
    private byte configured(String name, byte guess) {
        if (applicationPackages.isEmpty()) {
            return guess;
        }
        if (startsWithAny(name, applicationPackages)) {
            return APPLICATION;
        }
        return guess == RUNTIME ? RUNTIME : LIBRARY;
    }

    /**
     * Python: the standard library lives under {@code lib/pythonX.Y/} (or is frozen or built in),
     * installed packages under {@code site-packages} or {@code dist-packages}; anything else was
     * written by the user.
     */
    static byte pythonFile(String file) {
        String f = file.replace('\\', '/');
        if (f.contains("/site-packages/") || f.contains("/dist-packages/")) {
            return LIBRARY;
        }
        if (f.startsWith("<frozen") || f.startsWith("<built-in") || f.isEmpty()
                || f.matches(".*/lib(64)?/python\\d(\\.\\d+)?/.*") || f.matches(".*/Lib/.*")) {
            return RUNTIME;
        }
        return APPLICATION;
    }

    /**
     * JavaScript: Node.js's own modules have {@code node:} URLs, V8 builtins and natives no URL at
     * all, dependencies sit under {@code node_modules}.
     */
    static byte javaScriptFile(String url) {
        if (url.isEmpty() || url.startsWith("node:") || url.startsWith("internal/")) {
            return RUNTIME;
        }
        return url.contains("/node_modules/") ? LIBRARY : APPLICATION;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
