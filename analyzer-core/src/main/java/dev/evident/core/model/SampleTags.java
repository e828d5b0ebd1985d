package dev.evident.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Sample labels kept beside the call tree, independent of frames: self weight per (tree node, tag
 * set), per column. The tree alone holds the totals; these rows say which labels they came with,
 * so a profile can be split by a label ({@code endpoint}) or filtered to some values of it.
 *
 * <p>Rows grow with the distinct (stack, label set) pairs, never with samples. Tag set 0 is the
 * empty set. Readers cap the number of distinct sets, since a label such as a request id can make
 * every sample unique.
 */
public final class SampleTags {
    private static final SampleTags NONE = new SampleTags(0);

    private final int columns;
    private final List<List<Tag>> tagSets = new ArrayList<>();
    private int rows;
    private int[] node = new int[16];
    private int[] tagSet = new int[16];
    private long[][] weight;
    private long[][] count;

    public SampleTags(int columns) {
        this.columns = columns;
        this.weight = new long[columns][16];
        this.count = new long[columns][16];
        tagSets.add(List.of());
    }

    /** Tags of a format that has none. */
    public static SampleTags none() {
        return NONE;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** Registers a distinct tag set (sorted by the caller) and returns its id. */
    public int addTagSet(List<Tag> tags) {
        tagSets.add(List.copyOf(tags));
        return tagSets.size() - 1;
    }

    public int tagSetCount() {
        return tagSets.size();
    }

    public List<Tag> tagSet(int id) {
        return tagSets.get(id);
    }

    /** Adds one row; callers merge equal (node, tag set) pairs themselves. */
    public int addRow(int treeNode, int tagSetId) {
        if (rows == node.length) {
            int n = rows * 2;
            node = Arrays.copyOf(node, n);
            tagSet = Arrays.copyOf(tagSet, n);
            for (int c = 0; c < columns; c++) {
                weight[c] = Arrays.copyOf(weight[c], n);
                count[c] = Arrays.copyOf(count[c], n);
            }
        }
        node[rows] = treeNode;
        tagSet[rows] = tagSetId;
        return rows++;
    }

    public void add(int row, int column, long w, long c) {
        weight[column][row] += w;
        count[column][row] += c;
    }

    public int rows() {
        return rows;
    }

    public int node(int row) {
        return node[row];
    }

    public int tagSetOf(int row) {
        return tagSet[row];
    }

    public long weight(int column, int row) {
        return weight[column][row];
    }

    public long count(int column, int row) {
        return count[column][row];
    }

    /** Distinct tag keys, sorted. */
    public List<String> keys() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (List<Tag> set : tagSets) {
            for (Tag t : set) {
                keys.add(t.key());
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The part of {@code profile} whose samples carry a tag set accepted by {@code filter}, as a
     * profile of its own (same frames and metrics, no thread split). Untagged weight counts as the
     * empty set.
     */
    public static Profile filter(Profile profile, Predicate<List<Tag>> filter) {
        SampleTags tags = profile.tags();
        CallTree source = profile.tree();
        CallTree out = new CallTree(source.columns());
        int[] mapped = new int[source.size()];
        Arrays.fill(mapped, -1);
        mapped[CallTree.ROOT] = CallTree.ROOT;
        boolean[] accepted = new boolean[tags.tagSets.size()];
        for (int s = 0; s < accepted.length; s++) {
            accepted[s] = filter.test(tags.tagSets.get(s));
        }
        long[][] tagged = new long[source.columns()][source.size()];
        long[][] taggedCount = new long[source.columns()][source.size()];
        for (int r = 0; r < tags.rows; r++) {
            for (int c = 0; c < source.columns(); c++) {
                tagged[c][tags.node[r]] += tags.weight[c][r];
                taggedCount[c][tags.node[r]] += tags.count[c][r];
                if (accepted[tags.tagSet[r]]) {
                    out.addSelf(map(source, out, mapped, tags.node[r]), c, tags.weight[c][r], tags.count[c][r]);
                }
            }
        }
        if (accepted[0]) { // weight without any row is untagged
            for (int n = 1; n < source.size(); n++) {
                for (int c = 0; c < source.columns(); c++) {
                    long w = source.selfWeight(c, n) - tagged[c][n];
                    long k = source.selfCount(c, n) - taggedCount[c][n];
                    if (w != 0 || k != 0) {
                        out.addSelf(map(source, out, mapped, n), c, w, k);
                    }
                }
            }
        }
        out.finish();
        return new Profile(profile.source(), profile.frames(), out, profile.metrics(), null, profile.window(),
                profile.intervalNanos(), SampleTags.none());
    }

    private static int map(CallTree source, CallTree out, int[] mapped, int node) {
        if (mapped[node] < 0) {
            mapped[node] = out.child(map(source, out, mapped, source.parent(node)), source.frame(node));
        }
        return mapped[node];
    }
}
