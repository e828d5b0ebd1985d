package dev.evident.core.model;

import java.util.regex.Pattern;

/**
 * Normalizes JVM frame names so that the same method gets the same name whichever tool wrote it
 * and whichever run it came from: dots instead of slashes, and no per-run addresses in the names
 * of hidden classes ({@code Foo$$Lambda$14.0x0000000800c0b248.run} and
 * {@code Foo$$Lambda+0x00007f89e80969c0.488044861.run} both become {@code Foo$$Lambda.run}).
 */
public final class JavaFrameNames {
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x[0-9a-fA-F]+");
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("\\$\\$Lambda\\$\\d+");
    /** JDK 21+ names lambdas {@code Foo$$Lambda+0x00007f89e80969c0.488044861} (address, then a per-run number). */
    private static final Pattern LAMBDA_PLUS_ADDRESS = Pattern.compile("\\$\\$Lambda\\+0x[0-9a-fA-F]+(?:[./]\\d+)?");

    private JavaFrameNames() {
    }

    /** Normalizes a fully qualified {@code class.method} name. */
    public static String normalize(String name) {
        String out = name;
        if (out.indexOf('/') >= 0) {
            out = out.replace('/', '.');
        }
        if (out.contains("$$Lambda+0x")) {
            out = LAMBDA_PLUS_ADDRESS.matcher(out).replaceAll("\\$\\$Lambda");
        }
        if (out.contains("0x")) {
            out = HIDDEN_CLASS_ADDRESS.matcher(out).replaceAll("");
        }
        if (out.contains("$$Lambda$")) {
            out = LAMBDA_NUMBER.matcher(out).replaceAll("\\$\\$Lambda");
        }
        return out;
    }

    /**
     * Short form for titles: the simple class name and the method,
     * {@code java.util.ArrayList.indexOfRange} becomes {@code ArrayList.indexOfRange}; a Go name
     * keeps its last package element, {@code encoding/json.Marshal} becomes {@code json.Marshal}.
     */
    public static String shortName(String name) {
        int paren = name.indexOf('(');
        int slash = name.lastIndexOf('/', paren < 0 ? name.length() : paren);
        if (slash >= 0) {
            // a Go import path (normalized JVM names never contain '/'): keep the last package
            // element and the function, "github.com/acme/store.(*Cache).Get" -> "store.(*Cache).Get"
            return name.substring(slash + 1);
        }
        String head = paren >= 0 ? name.substring(0, paren) : name;
        int methodDot = head.lastIndexOf('.');
        if (methodDot <= 0) {
            return name;
        }
        int classDot = head.lastIndexOf('.', methodDot - 1);
        return classDot < 0 ? name : name.substring(classDot + 1);
    }

    /** A type's simple name: {@code java.util.Collections$SynchronizedMap} becomes {@code Collections$SynchronizedMap}. */
    public static String simpleTypeName(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    /** Invocation glue (method handles, lambdas, reflection) that says nothing about what the code does. */
    public static boolean isGlue(String name) {
        return name.startsWith("java.lang.invoke.") || name.startsWith("jdk.internal.reflect.")
                || name.contains("$$Lambda") || name.startsWith("jdk.proxy");
    }

    /** The class part of {@code package.Class.method}, or the whole name when there is no dot. */
    public static String className(String name) {
        int methodDot = name.lastIndexOf('.');
        return methodDot <= 0 ? name : name.substring(0, methodDot);
    }
}
