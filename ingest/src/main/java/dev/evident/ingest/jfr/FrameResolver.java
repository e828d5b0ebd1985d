package dev.evident.ingest.jfr;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.DatabaseDrivers;
import dev.evident.core.model.Frame;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.JavaFrameNames;
import dev.evident.core.util.LongIntHashMap;

import java.util.ArrayList;


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

    private final ConstantPools pools;
    private final FrameTable frames;
    private final CallTree tree;
    private final boolean asyncProfiler;
    private final SymbolCache symbols;
    private final LongIntHashMap methodIndex = new LongIntHashMap(1024);
    private final ArrayList<Frame> methods = new ArrayList<>();
    /** (method, frame type, line) of this chunk to frame id: most stacks share their frames. */
    private final LongIntHashMap frameIds = new LongIntHashMap(1024);
    private final LongIntHashMap typeFrames = new LongIntHashMap(64);
    private final LongIntHashMap stackNodes = new LongIntHashMap(1024);
    /** Per call-tree node: 1 when its stack passes through a database driver, 0 when not; made on first use. */
    private LongIntHashMap databaseNodes;
    private final LongIntHashMap typedStackNodes = new LongIntHashMap(256);
    int distinctStacks;
    int stacksAtJdkDepthLimit;

    FrameResolver(ConstantPools pools, FrameTable frames, CallTree tree, SymbolCache symbols, boolean asyncProfiler) {
        this.pools = pools;
        this.symbols = symbols;
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

    /**
     * Whether a stack passes through a database driver: a socket wait under one is the thread
     * waiting for the database. Only I/O events ask, so the walk is cached per node, not precomputed.
     */
    boolean throughDatabaseDriver(long stackTraceId) {
        int leaf = node(stackTraceId);
        if (databaseNodes == null) {
            databaseNodes = new LongIntHashMap(64);
        }
        int known = databaseNodes.get(leaf, -1);
        if (known < 0) {
            known = 0;
            for (int n = leaf; n > 0; n = tree.parent(n)) {
                if (DatabaseDrivers.isDriverFrame(frames.name(tree.frame(n)))) {
                    known = 1;
                    break;
                }
            }
            databaseNodes.put(leaf, known);
        }
        return known == 1;
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
        StackTraceTable stacks = pools.stacks;
        int stack = stacks.row(stackTraceId);
        if (stack < 0) {
            return tree.child(CallTree.ROOT, frames.intern("[no stack trace]", FrameKind.UNKNOWN));
        }
        distinctStacks++;
        int first = stacks.first(stack);
        int depth = stacks.count(stack);
        if (!asyncProfiler && depth >= JDK_DEFAULT_STACK_DEPTH) {
            stacksAtJdkDepthLimit++;
        }
        int node = CallTree.ROOT;
        for (int f = first + depth - 1; f >= first; f--) { // the first frame is the leaf
            node = tree.child(node, frameId(stacks.method(f), stacks.type(f), sixteenBitLine(stacks.line(f))));
        }
        return node;
    }

    /**
     * Line numbers as async-profiler's reader reported them, packed into 16 bits: an unknown line
     * (-1, e.g. in generated lambda forms) becomes 65535. Kept so that evident's output did not
     * change when it stopped using that reader.
     */
    private static int sixteenBitLine(int line) {
        return line & 0xffff;
    }

    private int frameId(long methodId, byte type, int line) {
        boolean cacheable = methodId >= 0 && methodId < (1L << 40);
        long key = (methodId << 23) | ((long) (line & 0xfffff) << 3) | (type & 7);
        int id = cacheable ? frameIds.get(key, -1) : -1;
        if (id < 0) {
            Frame method = method(methodId, type);
            id = frames.intern(method.name(), method.kind(), method.kind() == FrameKind.JAVA ? line : 0);
            if (cacheable) {
                frameIds.put(key, id);
            }
        }
        return id;
    }

    /** Name and kind of a method id of this chunk (the line comes from each stack frame). */
    private Frame method(long methodId, byte type) {
        long key = (methodId << 3) | (type & 7);
        int i = methodIndex.get(key, -1);
        if (i < 0) {
            i = methods.size();
            methods.add(resolveMethod(methodId, type));
            methodIndex.put(key, i);
        }
        return methods.get(i);
    }

    private Frame resolveMethod(long methodId, byte type) {
        int method = pools.methods.row(methodId);
        if (method < 0) {
            return new Frame("[unknown method]", FrameKind.UNKNOWN, 0);
        }
        String methodName = pools.symbol(pools.methods.get(method, ConstantPools.METHOD_NAME), symbols);
        String className = pools.className(pools.methods.get(method, ConstantPools.METHOD_CLASS), symbols);
        if (className == null) {
            className = "";
        }
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
        return new Frame(symbols.javaMethod(className, methodName), FrameKind.JAVA, 0);
    }

    /** The fully qualified name of a method id of this chunk ("?" when unknown). */
    String methodName(long methodId) {
        return methodId < 0 ? "?" : method(methodId, (byte) 1).name();
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
        String internal = pools.className(classId, symbols);
        return internal == null ? "[unknown class]" : sourceName(internal);
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

}
