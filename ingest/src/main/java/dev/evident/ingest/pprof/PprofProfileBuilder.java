package dev.evident.ingest.pprof;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.SampleTags;
import dev.evident.core.model.Tag;
import dev.evident.core.model.TimeWindow;
import dev.evident.core.util.LongIntHashMap;
import dev.evident.ingest.lang.SourceLanguage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds evident's profile from what {@link PprofDecoder} read: resolves location ids to frames
 * (several lines in one location are inlined calls, the last line is the outermost caller), applies
 * {@code drop_frames}/{@code keep_frames} the way pprof does, maps sample types to metrics and
 * labels to tags.
 */
final class PprofProfileBuilder {
    private final PprofData data;
    private final Consumer<String> warnings;
    private final FrameTable frames = new FrameTable();
    private FrameKind fallbackKind = FrameKind.NATIVE;

    PprofProfileBuilder(PprofData data, Consumer<String> warnings) {
        this.data = data;
        this.warnings = warnings;
    }

    /** The profile, or {@code null} when no sample type is one evident analyzes. */
    Profile build(String source, List<SampleTypeMapping.Column> columns) throws ProtoFormatException {
        int[][] locationFrames = new int[data.locationCount][];
        int[][] trimmedFrames = new int[data.locationCount][];
        boolean[] prune = new boolean[data.locationCount];
        boolean[] pruneBeneath = new boolean[data.locationCount];
        resolveLocations(locationFrames, trimmedFrames, prune, pruneBeneath);

        CallTree raw = data.tree;
        CallTree tree = new CallTree(columns.size());
        int[] mapped = new int[raw.size()];
        boolean[] cut = new boolean[raw.size()];
        boolean[] foundUser = new boolean[raw.size()];
        for (int n = 1; n < raw.size(); n++) {
            int p = raw.parent(n);
            int loc = raw.frame(n);
            int parentNode = mapped[p];
            if (cut[p]) {
                mapped[n] = parentNode;
                cut[n] = true;
                continue;
            }
            boolean pruned = prune[loc] || pruneBeneath[loc];
            if (pruned && foundUser[p]) {
                // pprof's Prune: the matching frame and everything it called go; the weight stays above
                mapped[n] = prune[loc] ? parentNode : descend(tree, parentNode, trimmedFrames[loc]);
                cut[n] = true;
                continue;
            }
            mapped[n] = descend(tree, parentNode, pruneBeneath[loc] ? trimmedFrames[loc] : locationFrames[loc]);
            foundUser[n] = foundUser[p] || !pruned;
        }
        long bytesPerSample = bytesPerSample();
        for (int n = 1; n < raw.size(); n++) {
            for (int c = 0; c < columns.size(); c++) {
                SampleTypeMapping.Column col = columns.get(c);
                long w = raw.selfWeight(col.weightIndex(), n) * col.scale();
                long k = events(col, w, bytesPerSample, col.countIndex() >= 0
                        ? raw.selfWeight(col.countIndex(), n) : raw.selfCount(col.weightIndex(), n));
                if (w != 0 || k != 0) {
                    tree.addSelf(mapped[n], c, w, k);
                }
            }
        }
        SampleTags tags = tags(columns, mapped);
        tree.finish();

        List<Metric> metrics = columns.stream().map(SampleTypeMapping.Column::metric).toList();
        boolean timeSampled = metrics.stream().anyMatch(m -> m.kind() == MetricKind.CPU || m.kind() == MetricKind.WALL);
        // Go writes duration_nanos for heap, mutex and block profiles as the time it took to write
        // them: those profiles are cumulative since the program started, so only sampled profiles
        // get a time window.
        TimeWindow window = timeSampled && data.durationNanos > 0 ? new TimeWindow(data.timeNanos, data.durationNanos) : null;
        Map<Metric, Long> intervals = new HashMap<>();
        if (data.periodType != null && data.period > 0) {
            long nanos = SampleTypeMapping.nanosPer(string(data.periodType[1]));
            if (nanos > 0) {
                for (Metric m : metrics) {
                    if (m.kind() == MetricKind.CPU || m.kind() == MetricKind.WALL) {
                        intervals.put(m, data.period * nanos);
                    }
                }
            }
        }
        return new Profile(source, frames, tree, metrics, null, window, intervals, tags);
    }

    /**
     * Heap profiles sample one allocation per {@code period} bytes on average and then scale the
     * values up to estimates of everything allocated; the object counts they hold are estimates
     * too. The number of actual samples, which the confidence intervals need, is about the bytes
     * divided by the sampling period.
     */
    private long bytesPerSample() {
        return data.periodType != null && "bytes".equals(string(data.periodType[1])) && data.period > 0 ? data.period : 0;
    }

    private static long events(SampleTypeMapping.Column col, long weight, long bytesPerSample, long counted) {
        if (bytesPerSample > 0 && col.metric().unit() == dev.evident.core.model.Unit.BYTES && weight > 0) {
            return Math.max(1, Math.round((double) weight / bytesPerSample));
        }
        return counted;
    }

    private int descend(CallTree tree, int node, int[] path) {
        int n = node;
        for (int f : path) {
            n = tree.child(n, f);
        }
        return n;
    }

    /** Label rows, moved to the final tree's nodes and merged where pruning joined stacks. */
    private SampleTags tags(List<SampleTypeMapping.Column> columns, int[] mapped) {
        if (data.rows == 0) {
            return SampleTags.none();
        }
        SampleTags tags = new SampleTags(columns.size());
        int[] setIds = new int[data.labelSets.sets.size()];
        for (int s = 1; s < setIds.length; s++) {
            setIds[s] = tags.addTagSet(tagSet(data.labelSets.sets.get(s)));
        }
        LongIntHashMap rows = new LongIntHashMap(data.rows * 2);
        for (int r = 0; r < data.rows; r++) {
            int node = mapped[data.rowNode[r]];
            int set = setIds[data.rowSet[r]];
            long key = ((long) node << 32) | set;
            int row = rows.get(key, -1);
            if (row < 0) {
                row = tags.addRow(node, set);
                rows.put(key, row);
            }
            for (int c = 0; c < columns.size(); c++) {
                SampleTypeMapping.Column col = columns.get(c);
                long w = data.rowWeight[col.weightIndex()][r] * col.scale();
                long k = events(col, w, bytesPerSample(), col.countIndex() >= 0
                        ? data.rowWeight[col.countIndex()][r] : data.rowMessages[r]);
                tags.add(row, c, w, k);
            }
        }
        if (data.labelSets.overflowSamples > 0) {
            warnings.accept(data.labelSets.overflowSamples + " samples carry label sets beyond the first "
                    + LabelSets.MAX_SETS + " distinct ones; their labels were not kept (the samples were)");
        }
        return tags;
    }

    private List<Tag> tagSet(long[] tuples) {
        List<Tag> out = new ArrayList<>(tuples.length / 4);
        for (int i = 0; i < tuples.length; i += 4) {
            String key = orEmpty(string(tuples[i]));
            String str = string(tuples[i + 1]);
            String value;
            if (tuples[i + 1] != 0 && str != null) {
                value = str;
            } else {
                String unit = string(tuples[i + 3]);
                value = tuples[i + 2] + (unit == null || unit.isEmpty() ? "" : " " + unit);
            }
            out.add(new Tag(key, value));
        }
        out.sort(null);
        return out;
    }

    private void resolveLocations(int[][] locationFrames, int[][] trimmedFrames, boolean[] prune, boolean[] pruneBeneath)
            throws ProtoFormatException {
        fallbackKind = dominantKind();
        Pattern drop = regex(data.dropFrames, "drop_frames");
        Pattern keep = drop == null ? null : regex(data.keepFrames, "keep_frames");
        for (int l = 0; l < data.locationCount; l++) {
            if (!data.locDefined[l]) {
                throw new ProtoFormatException("a sample refers to location id " + data.locId[l]
                        + ", which the profile never defines");
            }
            int start = data.locLineStart[l];
            int count = data.locLineCount[l];
            if (count == 0) {
                String mapFile = mappingFile(data.locMapping[l]);
                String name = "0x" + Long.toHexString(data.locAddress[l]);
                locationFrames[l] = new int[] {frames.intern(name, FrameKind.NATIVE, 0, mapFile)};
                trimmedFrames[l] = locationFrames[l];
                continue;
            }
            int[] path = new int[count];
            int matched = -1;
            for (int i = count - 1; i >= 0; i--) { // the last line is the outermost caller
                int fn = data.functionIndex.get(data.lineFunction[start + i], -1);
                path[count - 1 - i] = frame(fn, data.lineNumber[start + i]);
                if (drop != null && matched < 0 && fn >= 0) {
                    String pruneName = pruneName(rawName(fn));
                    if (drop.matcher(pruneName).matches() && (keep == null || !keep.matcher(pruneName).matches())) {
                        matched = i;
                    }
                }
            }
            locationFrames[l] = path;
            if (matched >= 0) {
                pruneBeneath[l] = true;
                prune[l] = matched == count - 1;
                // lines[matched+1..] stay: the callers above the matching line
                trimmedFrames[l] = java.util.Arrays.copyOf(path, count - 1 - matched);
            } else {
                trimmedFrames[l] = path;
            }
        }
    }

    private Pattern regex(long index, String field) {
        String text = string(index);
        if (index == 0 || text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile("^(" + text + ")$");
        } catch (PatternSyntaxException e) {
            warnings.accept(field + " '" + text + "' is not a regular expression Java can compile (" + e.getDescription()
                    + "); no frames were dropped");
            return null;
        }
    }

    /** pprof matches drop_frames against the name up to its first '(' (C++ signatures). */
    private static String pruneName(String name) {
        String n = name.startsWith(".") ? name.substring(1) : name;
        int paren = n.indexOf('(');
        if (paren > 0 && !n.startsWith("(anonymous namespace)", paren)) {
            n = n.substring(0, paren);
        }
        return n;
    }

    private String rawName(int fn) {
        String name = string(data.fnName[fn]);
        if (name == null || name.isEmpty()) {
            name = string(data.fnSystemName[fn]);
        }
        return name == null ? "" : name;
    }

    private int frame(int fn, long line) {
        if (fn < 0) {
            return frames.intern("unknown function", FrameKind.UNKNOWN, (int) line);
        }
        String file = orEmpty(string(data.fnFile[fn]));
        FrameKind kind = SourceLanguage.kindOfFile(file);
        String raw = rawName(fn);
        if (kind == FrameKind.UNKNOWN || kind == FrameKind.NATIVE && file.endsWith(".s") && fallbackKind == FrameKind.GO) {
            // Go's assembly (internal/bytealg, runtime) and pseudo-frames (runtime._GC) are Go code too
            kind = fallbackKind == FrameKind.GO && !raw.contains(".") ? FrameKind.NATIVE : fallbackKind;
        }
        String name = switch (kind) {
            case PYTHON -> SourceLanguage.pythonName(raw, file);
            case JS -> SourceLanguage.javaScriptName(raw, file, (int) data.fnStartLine[fn]);
            default -> raw.isEmpty() ? "unknown function" : raw;
        };
        return frames.intern(name, kind, (int) Math.max(0, Math.min(line, Integer.MAX_VALUE)), file);
    }

    /** The language most functions' files are in: the kind of functions that have no file. */
    private FrameKind dominantKind() {
        Map<FrameKind, Integer> counts = new HashMap<>();
        for (int f = 0; f < data.functionCount; f++) {
            FrameKind k = SourceLanguage.kindOfFile(orEmpty(string(data.fnFile[f])));
            if (k != FrameKind.UNKNOWN) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<FrameKind, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().ordinal()))
                .map(Map.Entry::getKey).orElse(FrameKind.NATIVE);
    }

    private String mappingFile(long mappingId) {
        int m = data.mappingIndex.get(mappingId, -1);
        return m < 0 ? "" : orEmpty(string(data.mapFile[m]));
    }

    private String string(long index) {
        return data.string(index);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
