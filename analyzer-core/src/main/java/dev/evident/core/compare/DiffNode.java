package dev.evident.core.compare;

import java.util.List;

/**
 * One frame of the differential flame graph: its inclusive and self share of all weight before and
 * after (each side normalized to its own total), and its children, heaviest first.
 */
public record DiffNode(String name, double before, double after, double selfBefore, double selfAfter,
                       List<DiffNode> children) {

    public DiffNode {
        children = List.copyOf(children);
    }
}
