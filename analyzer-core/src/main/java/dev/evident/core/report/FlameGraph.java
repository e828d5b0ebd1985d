package dev.evident.core.report;

/**
 * One profile metric's call tree, ready to draw: frames with the same name under the same parent
 * are merged (lines folded into methods), and nodes below a small fraction of the total are left
 * out so the drawing stays fast. Node 0 is the root; every node's parent has a smaller index.
 *
 * @param source      the profile's artifact
 * @param metric      what the weights measure, e.g. "CPU samples"
 * @param unit        unit of the weights: "samples", "bytes", "ns", "events"
 * @param names       frame name per node ("all" for the root)
 * @param kinds       frame kind per node ("java", "native", "kernel", ...), for colouring
 * @param parents     parent node per node (-1 for the root)
 * @param totals      inclusive weight per node
 * @param selfs       own weight per node
 * @param hiddenNodes how many merged nodes were left out for being too small
 * @param minShare    the share of the total under which nodes were left out
 */
public record FlameGraph(String source, String metric, String unit, String[] names, String[] kinds, int[] parents,
                         long[] totals, long[] selfs, int hiddenNodes, double minShare) {

    public int size() {
        return names.length;
    }
}
