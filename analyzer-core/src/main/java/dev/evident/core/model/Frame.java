package dev.evident.core.model;

/**
 * One interned frame: a method (or type, for synthetic leaves), the kind of code it is, and the
 * source line when the format records one. The same method at two lines is two frames, so call
 * sites stay apart; detectors that think in methods compare {@link #name()} only.
 *
 * @param line source line, or 0 when unknown
 * @param file source file or script URL when the format records one and the name alone cannot
 *             tell whose code it is (Python modules, JavaScript files, Go sources), else ""
 */
public record Frame(String name, FrameKind kind, int line, String file) {

    public Frame {
        file = file == null ? "" : file;
    }

    /** A frame without a source file (JVM formats name the class, which is enough). */
    public Frame(String name, FrameKind kind, int line) {
        this(name, kind, line, "");
    }

    // Written out because frames are hash keys on the readers' hot path, and the generated
    // record methods are slow until the JIT has compiled them.
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && line == f.line && kind == f.kind && name.equals(f.name) && file.equals(f.file);
    }

    @Override
    public int hashCode() {
        return ((name.hashCode() * 31 + kind.ordinal()) * 31 + line) * 31 + file.hashCode();
    }

    /** "OrderDeduplicator.distinctCustomerIds:17", or the short name alone without a line. */
    public String shortLabel() {
        String s = JavaFrameNames.shortName(name);
        return line > 0 ? s + ":" + line : s;
    }
}
