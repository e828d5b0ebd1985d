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
 * those prefixes do.
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

    private final FrameTable frames;
    private final List<String> applicationPackages;
    private byte[] cache = new byte[0];

    public FrameClassifier(FrameTable frames, List<String> applicationPackages) {
        this.frames = frames;
        this.applicationPackages = applicationPackages;
    }

    private static final byte UNKNOWN = 0;
    private static final byte APPLICATION = 1;
    private static final byte LIBRARY = 2;
    private static final byte RUNTIME = 3;

    /** True for the user's own code: where a fix would be made. */
    public boolean isApplication(int frameId) {
        return classify(frameId) == APPLICATION;
    }

    /** True for third-party library code (not JDK, not application). */
    public boolean isLibrary(int frameId) {
        return classify(frameId) == LIBRARY;
    }

    private byte classify(int frameId) {
        if (frameId >= cache.length) {
            cache = java.util.Arrays.copyOf(cache, Math.max(frames.size(), frameId + 1));
        }
        byte c = cache[frameId];
        if (c == UNKNOWN) {
            c = compute(frames.name(frameId), frames.kind(frameId));
            cache[frameId] = c;
        }
        return c;
    }

    private byte compute(String name, FrameKind kind) {
        if (kind != FrameKind.JAVA) {
            return RUNTIME;
        }
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

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
