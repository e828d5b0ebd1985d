package dev.evident.ingest.jfr;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.Frame;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.util.LongIntHashMap;
import one.jfr.ClassRef;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * Turns one chunk's constant-pool ids (methods, classes, stack traces) into evident frame ids and
 * call-tree nodes. Constant-pool ids are only valid inside their chunk, so there is one resolver
 * per chunk; each stack trace is walked once and its leaf node cached, so an event costs one hash
 * lookup.
 */
final class FrameResolver {
    // Frame types as JFR writes them (jdk.types.FrameType); async-profiler adds 4..6.
    private static final int INTERPRETED = 0;
    private static final int JIT = 1;
    private static final int INLINED = 2;
    private static final int NATIVE = 3;
    private static final int CPP = 4;
    private static final int KERNEL = 5;
    private static final int C1 = 6;

    /** The JDK recorder keeps 64 frames per stack by default and cuts the rest off at the root. */
    static final int JDK_DEFAULT_STACK_DEPTH = 64;

    private final JfrReader reader;
    private final FrameTable frames;
    private final CallTree tree;
    private final boolean asyncProfiler;
    private final HashMap<Long, Frame> methods = new HashMap<>();
    private final LongIntHashMap typeFrames = new LongIntHashMap(256);
    private final LongIntHashMap stackNodes = new LongIntHashMap(4096);
    private final LongIntHashMap typedStackNodes = new LongIntHashMap(1024);
    int distinctStacks;
    int stacksAtJdkDepthLimit;

    FrameResolver(JfrReader reader, FrameTable frames, CallTree tree, boolean asyncProfiler) {
        this.reader = reader;
        this.frames = frames;
        this.tree = tree;
        this.asyncProfiler = asyncProfiler;
    }

    /** The call-tree node of a stack trace. */
    int node(long stackTraceId) {
        int node = stackNodes.get(stackTraceId, -1);
        if (node < 0) {
            node = walk(stackTraceId);
            stackNodes.put(stackTraceId, node);
        }
        return node;
    }

    /** The node of a stack trace extended by a synthetic leaf naming a class (allocated or locked). */
    int node(long stackTraceId, long classId) {
        boolean cacheable = stackTraceId >= 0 && stackTraceId < Integer.MAX_VALUE && classId >= 0 && classId < Integer.MAX_VALUE;
        long key = (stackTraceId << 32) | classId;
        if (cacheable) {
            int cached = typedStackNodes.get(key, -1);
            if (cached >= 0) {
                return cached;
            }
        }
        int node = tree.child(node(stackTraceId), typeFrame(classId));
        if (cacheable) {
            typedStackNodes.put(key, node);
        }
        return node;
    }

    private int walk(long stackTraceId) {
        StackTrace stack = reader.stackTraces.get(stackTraceId);
        if (stack == null) {
            return tree.child(CallTree.ROOT, frames.intern("[no stack trace]", FrameKind.UNKNOWN));
        }
        distinctStacks++;
        if (!asyncProfiler && stack.methods.length >= JDK_DEFAULT_STACK_DEPTH) {
            stacksAtJdkDepthLimit++;
        }
        int node = CallTree.ROOT;
        for (int i = stack.methods.length - 1; i >= 0; i--) { // index 0 is the leaf
            Frame method = method(stack.methods[i], stack.types[i]);
            int line = method.kind() == FrameKind.JAVA ? stack.locations[i] >>> 16 : 0;
            node = tree.child(node, frames.intern(method.name(), method.kind(), line));
        }
        return node;
    }

    /** Name and kind of a method id of this chunk (the line comes from each stack frame). */
    private Frame method(long methodId, byte type) {
        long key = (methodId << 3) | (type & 7);
        Frame m = methods.get(key);
        if (m == null) {
            m = resolveMethod(methodId, type);
            methods.put(key, m);
        }
        return m;
    }

    private Frame resolveMethod(long methodId, byte type) {
        MethodRef method = reader.methods.get(methodId);
        if (method == null) {
            return new Frame("[unknown method]", FrameKind.UNKNOWN, 0);
        }
        String methodName = symbol(method.name);
        ClassRef cls = reader.classes.get(method.cls);
        String className = cls == null ? "" : symbol(cls.name);
        FrameKind kind = switch (type) {
            case INTERPRETED, JIT, INLINED, C1 -> FrameKind.JAVA;
            case NATIVE -> asyncProfiler ? FrameKind.NATIVE : FrameKind.JAVA;
            case CPP -> FrameKind.JVM;
            case KERNEL -> FrameKind.KERNEL;
            default -> FrameKind.UNKNOWN;
        };
        if (kind != FrameKind.JAVA || className.isEmpty()) {
            return new Frame(methodName, kind == FrameKind.JAVA ? FrameKind.NATIVE : kind, 0);
        }
        return new Frame(JavaFrameNames.normalize(className + "." + methodName), FrameKind.JAVA, 0);
    }

    int typeFrame(long classId) {
        int id = typeFrames.get(classId, -1);
        if (id < 0) {
            id = frames.intern(className(classId), FrameKind.TYPE);
            typeFrames.put(classId, id);
        }
        return id;
    }

    /** Java source form of a class: {@code java.lang.String}, {@code byte[]}, {@code java.lang.Object[][]}. */
    String className(long classId) {
        ClassRef cls = reader.classes.get(classId);
        if (cls == null) {
            return "[unknown class]";
        }
        return sourceName(symbol(cls.name));
    }

    static String sourceName(String internal) {
        int dims = 0;
        while (dims < internal.length() && internal.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return JavaFrameNames.normalize(internal);
        }
        String element = internal.substring(dims);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            default -> JavaFrameNames.normalize(element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element);
        };
        return base + "[]".repeat(dims);
    }

    private String symbol(long id) {
        byte[] bytes = reader.symbols.get(id);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
