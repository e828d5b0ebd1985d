package dev.evident.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns frames to dense {@code int} ids so call trees store ids, never strings. A frame is
 * identified by name, kind and line. Ids depend on
 * insertion order; anything shown to users is sorted by name or weight, never by id.
 */
public final class FrameTable {
    private final List<Frame> frames = new ArrayList<>();
    private final Map<Frame, Integer> ids = new HashMap<>();

    public int intern(String name, FrameKind kind) {
        return intern(name, kind, 0);
    }

    public int intern(String name, FrameKind kind, int line) {
        return intern(name, kind, line, "");
    }

    /** Interns a frame that also records its source file (see {@link Frame#file()}). */
    public int intern(String name, FrameKind kind, int line, String file) {
        Frame frame = new Frame(name, kind, Math.max(0, line), file);
        Integer id = ids.get(frame);
        if (id != null) {
            return id;
        }
        int next = frames.size();
        frames.add(frame);
        ids.put(frame, next);
        return next;
    }

    public Frame frame(int id) {
        return frames.get(id);
    }

    public String name(int id) {
        return frames.get(id).name();
    }

    public FrameKind kind(int id) {
        return frames.get(id).kind();
    }

    /** Source line of a frame, 0 when unknown. */
    public int line(int id) {
        return frames.get(id).line();
    }

    /** Source file of a frame, "" when the format has none. */
    public String file(int id) {
        return frames.get(id).file();
    }

    /** Interns every frame of {@code other} here; the result maps its ids to ours. */
    public int[] absorb(FrameTable other) {
        int[] map = new int[other.size()];
        for (int i = 0; i < map.length; i++) {
            Frame f = other.frame(i);
            map[i] = intern(f.name(), f.kind(), f.line(), f.file());
        }
        return map;
    }

    public int size() {
        return frames.size();
    }
}
