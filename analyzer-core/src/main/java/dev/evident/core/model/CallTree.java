package dev.evident.core.model;

import dev.evident.core.util.LongIntHashMap;

import java.util.Arrays;

/**
 * A prefix tree over frame ids: every distinct root-to-leaf stack is one path, so memory grows
 * with unique stacks rather than with samples. Node 0 is the synthetic root. A child always has
 * a larger id than its parent, which lets {@link #finish()} compute inclusive weights in one
 * backwards pass.
 *
 * <p>Weights live in columns, one per metric of the owning {@link Profile}: each column keeps the
 * summed weight (samples, bytes, nanoseconds) and the number of events behind it, since shares
 * of a weighted metric need the event count for their confidence interval.
 */
public final class CallTree {
    public static final int ROOT = 0;

    private final int columns;
    private final LongIntHashMap childIndex;
    private int[] parent = new int[1024];
    private int[] frame = new int[1024];
    private final long[][] selfWeight;
    private final long[][] selfCount;
    private long[][] totalWeight;
    private long[][] totalCount;
    private int size = 1;

    public CallTree(int columns) {
        this.columns = columns;
        this.childIndex = new LongIntHashMap(1024);
        this.selfWeight = new long[columns][1024];
        this.selfCount = new long[columns][1024];
        parent[ROOT] = -1;
        frame[ROOT] = -1;
    }

    /**
     * A tree with the same paths but only the given columns, in the given order. Readers that fill
     * a fixed set of columns use this to drop the metrics an artifact turned out not to have.
     */
    public CallTree retainColumns(int[] kept) {
        CallTree out = new CallTree(kept.length, this);
        for (int i = 0; i < kept.length; i++) {
            out.selfWeight[i] = Arrays.copyOf(selfWeight[kept[i]], size);
            out.selfCount[i] = Arrays.copyOf(selfCount[kept[i]], size);
        }
        return out;
    }

    private CallTree(int columns, CallTree structure) {
        this.columns = columns;
        this.selfWeight = new long[columns][];
        this.selfCount = new long[columns][];
        this.childIndex = structure.childIndex.copy();
        this.parent = Arrays.copyOf(structure.parent, structure.size);
        this.frame = Arrays.copyOf(structure.frame, structure.size);
        this.size = structure.size;
    }

    /** Returns the child of {@code parentNode} for {@code frameId}, creating it if needed. */
    public int child(int parentNode, int frameId) {
        long key = ((long) parentNode << 32) | (frameId & 0xffffffffL);
        int node = childIndex.get(key, -1);
        if (node >= 0) {
            return node;
        }
        if (size == parent.length) {
            grow();
        }
        node = size++;
        parent[node] = parentNode;
        frame[node] = frameId;
        childIndex.put(key, node);
        totalWeight = null;
        return node;
    }

    /** Adds {@code weight} carried by {@code count} events to the node's own (self) weight. */
    public void addSelf(int node, int column, long weight, long count) {
        selfWeight[column][node] += weight;
        selfCount[column][node] += count;
        totalWeight = null;
    }

    /** Computes inclusive (total) weights. Call after the last sample and before reading totals. */
    public void finish() {
        long[][] tw = new long[columns][];
        long[][] tc = new long[columns][];
        for (int c = 0; c < columns; c++) {
            tw[c] = Arrays.copyOf(selfWeight[c], size);
            tc[c] = Arrays.copyOf(selfCount[c], size);
            for (int n = size - 1; n > 0; n--) {
                tw[c][parent[n]] += tw[c][n];
                tc[c][parent[n]] += tc[c][n];
            }
        }
        totalWeight = tw;
        totalCount = tc;
    }

    /**
     * Adds every path and weight of {@code other} into this tree. {@code frameMap} translates the
     * other tree's frame ids into this tree's ids; {@code columnMap} its columns into ours.
     */
    public void merge(CallTree other, int[] frameMap, int[] columnMap) {
        int[] nodeMap = new int[other.size];
        nodeMap[ROOT] = ROOT;
        for (int n = 1; n < other.size; n++) {
            int mine = child(nodeMap[other.parent[n]], frameMap[other.frame[n]]);
            nodeMap[n] = mine;
            for (int c = 0; c < other.columns; c++) {
                long w = other.selfWeight[c][n];
                long k = other.selfCount[c][n];
                if (w != 0 || k != 0) {
                    addSelf(mine, columnMap[c], w, k);
                }
            }
        }
    }

    public int size() {
        return size;
    }

    public int columns() {
        return columns;
    }

    public int parent(int node) {
        return parent[node];
    }

    public int frame(int node) {
        return frame[node];
    }

    public long selfWeight(int column, int node) {
        return selfWeight[column][node];
    }

    public long selfCount(int column, int node) {
        return selfCount[column][node];
    }

    /** Number of events in a column, summed over all nodes; works before {@link #finish()}. */
    public long eventCount(int column) {
        long sum = 0;
        long[] counts = selfCount[column];
        for (int n = 0; n < size; n++) {
            sum += counts[n];
        }
        return sum;
    }

    public long totalWeight(int column, int node) {
        requireFinished();
        return totalWeight[column][node];
    }

    public long totalCount(int column, int node) {
        requireFinished();
        return totalCount[column][node];
    }

    /** Depth of a node: 0 for the root, 1 for the outermost frames. */
    public int depth(int node) {
        int d = 0;
        for (int n = node; n > 0; n = parent[n]) {
            d++;
        }
        return d;
    }

    /** Frame ids from the outermost frame down to {@code node}. */
    public int[] path(int node) {
        int[] out = new int[depth(node)];
        for (int n = node, i = out.length - 1; n > 0; n = parent[n], i--) {
            out[i] = frame[n];
        }
        return out;
    }

    private void requireFinished() {
        if (totalWeight == null) {
            throw new IllegalStateException("call finish() before reading inclusive weights");
        }
    }

    private void grow() {
        int capacity = parent.length * 2;
        parent = Arrays.copyOf(parent, capacity);
        frame = Arrays.copyOf(frame, capacity);
        for (int c = 0; c < columns; c++) {
            selfWeight[c] = Arrays.copyOf(selfWeight[c], capacity);
            selfCount[c] = Arrays.copyOf(selfCount[c], capacity);
        }
    }
}
