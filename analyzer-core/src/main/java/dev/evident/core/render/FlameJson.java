package dev.evident.core.render;

import dev.evident.core.report.FlameGraph;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flame graphs as one compact JSON array for the HTML report's script: per graph a string
 * table and parallel arrays (name index, kind, parent, total, self), so a big tree stays small.
 */
final class FlameJson {
    private FlameJson() {
    }

    static void write(List<FlameGraph> graphs, Appendable out) throws IOException {
        out.append('[');
        for (int g = 0; g < graphs.size(); g++) {
            FlameGraph f = graphs.get(g);
            out.append(g == 0 ? "" : ",").append("{\"source\":");
            JsonWriter.quote(f.source(), out);
            out.append(",\"metric\":");
            JsonWriter.quote(f.metric(), out);
            out.append(",\"unit\":");
            JsonWriter.quote(f.unit(), out);
            Map<String, Integer> index = new HashMap<>();
            StringBuilder names = new StringBuilder();
            out.append(",\"strings\":[");
            for (int n = 0; n < f.size(); n++) {
                Integer i = index.get(f.names()[n]);
                if (i == null) {
                    i = index.size();
                    index.put(f.names()[n], i);
                    out.append(i == 0 ? "" : ",");
                    JsonWriter.quote(f.names()[n], out);
                }
                names.append(n == 0 ? "" : ",").append(i);
            }
            out.append("],\"names\":[").append(names).append("],\"kinds\":[");
            for (int n = 0; n < f.size(); n++) {
                out.append(n == 0 ? "" : ",");
                JsonWriter.quote(f.kinds()[n], out);
            }
            out.append("],\"parents\":[");
            join(f.parents(), out);
            out.append("],\"totals\":[");
            join(f.totals(), out);
            out.append("],\"selfs\":[");
            join(f.selfs(), out);
            out.append("],\"hidden\":").append(Integer.toString(f.hiddenNodes())).append('}');
        }
        out.append(']');
    }

    private static void join(int[] values, Appendable out) throws IOException {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(Integer.toString(values[i]));
        }
    }

    private static void join(long[] values, Appendable out) throws IOException {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(Long.toString(values[i]));
        }
    }
}
