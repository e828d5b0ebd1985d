package dev.evident.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a rendered result to a file or to standard output. */
final class Outputs {
    interface Render {
        void to(Appendable out) throws IOException;
    }

    private Outputs() {
    }

    static void write(Path output, PrintWriter stdout, Render render) throws IOException {
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                render.to(w);
            }
        } else {
            render.to(stdout);
            stdout.flush();
        }
    }

    /** "5%" -> 0.05, "0.05" -> 0.05; NaN for text that is neither. */
    static double fraction(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("%")) {
                return Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
            }
            double v = Double.parseDouble(t);
            return v > 1 ? v / 100 : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
