package dev.evident.core.render;

import dev.evident.core.report.Report;

import java.io.IOException;

/**
 * Writes a report in one output format. Implementations are registered in
 * {@code META-INF/services/dev.evident.core.render.Renderer}.
 */
public interface Renderer {

    /** The {@code --format} value, e.g. {@code md} or {@code json}. */
    String format();

    void render(Report report, Appendable out) throws IOException;
}
