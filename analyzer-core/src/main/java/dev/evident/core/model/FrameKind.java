package dev.evident.core.model;

/**
 * What kind of code a frame stands for. Readers map their format's frame types onto these, so
 * detectors can tell application code from runtime internals in any language.
 */
public enum FrameKind {
    /** Java (or other JVM language) method, whether interpreted, JIT-compiled or inlined. */
    JAVA,
    /** Native code in a shared library (libc, JNI libraries). */
    NATIVE,
    /** C++ code inside the JVM itself (GC, JIT compiler, runtime). */
    JVM,
    /** Operating-system kernel code. */
    KERNEL,
    /**
     * A synthetic leaf that names a type rather than code: the class an allocation sample
     * allocated, or the class of the monitor or lock a thread waited for.
     */
    TYPE,
    /** Go function (including the Go runtime). */
    GO,
    /** Python function. */
    PYTHON,
    /** JavaScript function. */
    JS,
    /** A frame whose kind the format does not say. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
