package dev.evident.ingest.lang;

import dev.evident.core.model.FrameKind;

import java.util.Locale;

/**
 * The language of a frame from its source file, for formats that record files (pprof, speedscope,
 * Chrome profiles), and the names evident gives such frames: Python functions are qualified by
 * their module ({@code json.decoder.raw_decode}), JavaScript functions without a name become
 * {@code (anonymous) file.js:line}.
 */
public final class SourceLanguage {
    private SourceLanguage() {
    }

    /** The kind a file's extension or URL scheme implies, or {@link FrameKind#UNKNOWN}. */
    public static FrameKind kindOfFile(String file) {
        if (file == null || file.isEmpty()) {
            return FrameKind.UNKNOWN;
        }
        if (file.startsWith("node:")) {
            return FrameKind.JS;
        }
        String f = stripQuery(file).toLowerCase(Locale.ROOT);
        if (f.endsWith(".go") || f.endsWith(".s") && f.contains("/runtime/")) {
            return FrameKind.GO;
        }
        if (f.endsWith(".py") || f.endsWith(".pyx") || f.endsWith(".pyw") || f.startsWith("<frozen")) {
            return FrameKind.PYTHON;
        }
        if (f.endsWith(".js") || f.endsWith(".mjs") || f.endsWith(".cjs") || f.endsWith(".ts") || f.endsWith(".tsx")
                || f.endsWith(".jsx") || f.endsWith(".mts") || f.endsWith(".cts")) {
            return FrameKind.JS;
        }
        if (f.endsWith(".java") || f.endsWith(".kt") || f.endsWith(".scala") || f.endsWith(".groovy")) {
            return FrameKind.JAVA;
        }
        if (f.endsWith(".c") || f.endsWith(".cc") || f.endsWith(".cpp") || f.endsWith(".cxx") || f.endsWith(".h")
                || f.endsWith(".hpp") || f.endsWith(".rs") || f.endsWith(".s") || f.contains(".so")) {
            return FrameKind.NATIVE;
        }
        return FrameKind.UNKNOWN;
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /**
     * A Python function named after its module, derived from the file path the way {@code sys.path}
     * would import it: the part after {@code site-packages/}, {@code dist-packages/} or
     * {@code lib/pythonX.Y/}, else the file's own name. {@code compile} in
     * {@code /usr/lib/python3.11/re/__init__.py} becomes {@code re.compile}.
     */
    public static String pythonName(String function, String file) {
        String module = pythonModule(file);
        return module.isEmpty() ? function : module + "." + function;
    }

    static String pythonModule(String file) {
        if (file == null || file.isEmpty() || file.startsWith("<")) {
            return "";
        }
        String f = file.replace('\\', '/');
        int cut = -1;
        for (String root : new String[] {"/site-packages/", "/dist-packages/"}) {
            int i = f.lastIndexOf(root);
            if (i >= 0) {
                cut = Math.max(cut, i + root.length());
            }
        }
        if (cut < 0) {
            java.util.regex.Matcher m = STDLIB.matcher(f);
            if (m.find()) {
                cut = m.end();
            }
        }
        String rel = cut >= 0 ? f.substring(cut) : f.substring(f.lastIndexOf('/') + 1);
        if (rel.endsWith(".py")) {
            rel = rel.substring(0, rel.length() - 3);
        } else if (rel.endsWith(".pyx") || rel.endsWith(".pyw")) {
            rel = rel.substring(0, rel.length() - 4);
        }
        if (rel.endsWith("/__init__")) {
            rel = rel.substring(0, rel.length() - "/__init__".length());
        }
        return rel.replace('/', '.');
    }

    private static final java.util.regex.Pattern STDLIB = java.util.regex.Pattern.compile("/lib(64)?/python\\d(\\.\\d+)?/");

    /** A JavaScript frame's name: the function's, or {@code (anonymous) app.js:12} without one. */
    public static String javaScriptName(String function, String url, int line) {
        if (function != null && !function.isEmpty()) {
            return function;
        }
        String file = url == null ? "" : url.substring(url.lastIndexOf('/') + 1);
        return file.isEmpty() ? "(anonymous)" : "(anonymous) " + file + (line > 0 ? ":" + line : "");
    }
}
