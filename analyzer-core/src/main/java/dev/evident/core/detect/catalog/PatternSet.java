package dev.evident.core.detect.catalog;

import java.util.List;

/**
 * A group of anti-patterns, usually one language's. Implementations are registered in
 * {@code META-INF/services/dev.evident.core.detect.catalog.PatternSet}.
 */
public interface PatternSet {

    List<AntiPattern> patterns();
}
