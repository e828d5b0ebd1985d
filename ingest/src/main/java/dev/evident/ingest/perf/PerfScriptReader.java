package dev.evident.ingest.perf;

import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Metric;
import dev.evident.core.model.MetricKind;
import dev.evident.core.model.Profile;
import dev.evident.core.model.ThreadBreakdown;
import dev.evident.core.model.Unit;
import dev.evident.ingest.ArtifactException;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.ArtifactReader;
import dev.evident.ingest.EvidenceSink;
import dev.evident.ingest.Probe;
import dev.evident.ingest.lang.GoSymbols;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code perf script} output of {@code perf record -g}: one block per sample, an event line
 * ({@code comm pid/tid [cpu] time: period event:}) followed by tab-indented frames, leaf first
 * ({@code addr symbol+offset (dso)}), ended by a blank line. Kernel frames ({@code [kernel.kallsyms]})
 * are kernel code; symbols of Go binaries are Go; the rest is native. Each sample weighs one.
 */
public final class PerfScriptReader implements ArtifactReader {
    /** {@code comm pid[/tid] [cpu] time: [period] event:} — comm may contain spaces. */
    private static final Pattern EVENT = Pattern.compile(
            "^(\\S.*?)\\s+(\\d+)(?:/(\\d+))?\\s+(?:\\[\\d+\\]\\s+)?(\\d+\\.\\d+):\\s+(?:(\\d+)\\s+)?(\\S+):(?:\\s.*)?$");
    /** {@code <addr> <symbol>[+0xoff] (<dso>)}. */
    private static final Pattern FRAME = Pattern.compile("^\\s+([0-9a-fA-F]+)\\s+(.*?)(?:\\+0x[0-9a-fA-F]+)?\\s+\\((.*)\\)\\s*$");

    @Override
    public String format() {
        return "perf-script";
    }

    @Override
    public Probe probe(ArtifactInput input, ByteBuffer head) {
        String text = StandardCharsets.UTF_8.decode(head.duplicate()).toString();
        String[] lines = text.split("\n", 200);
        int events = 0;
        int frames = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (!EVENT.matcher(line).matches()) {
                    return Probe.NO;
                }
                events++;
            } else if (FRAME.matcher(line).matches()) {
                frames++;
            }
        }
        return events > 0 && frames > 0 ? Probe.CERTAIN : Probe.NO;
    }

    @Override
    public void read(ArtifactInput input, EvidenceSink sink) throws ArtifactException {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        ThreadBreakdown threads = new ThreadBreakdown(1);
        Map<String, Long> events = new TreeMap<>();
        List<Integer> stack = new ArrayList<>();
        String comm = null;
        long lineNo = 0;
        long samples = 0;
        long badLines = 0;
        String firstBad = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(input.openStream(), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; ; ) {
                line = r.readLine();
                lineNo++;
                boolean end = line == null || line.isBlank();
                if (end) {
                    if (comm != null && !stack.isEmpty()) {
                        int node = CallTree.ROOT;
                        for (int i = stack.size() - 1; i >= 0; i--) { // perf prints the leaf first
                            node = tree.child(node, stack.get(i));
                        }
                        tree.addSelf(node, 0, 1, 1);
                        threads.add(threads.thread(comm), 0, 1, 1);
                        samples++;
                    }
                    comm = null;
                    stack.clear();
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0))) {
                    Matcher m = EVENT.matcher(line);
                    if (m.matches()) {
                        comm = m.group(1).trim();
                        events.merge(m.group(6), 1L, Long::sum);
                    } else {
                        badLines++;
                        firstBad = firstBad == null ? "line " + lineNo + ": \"" + abbreviate(line) + "\"" : firstBad;
                    }
                    continue;
                }
                Matcher f = FRAME.matcher(line);
                if (f.matches() && comm != null) {
                    stack.add(frame(frames, f.group(2), f.group(3)));
                } else if (comm != null) {
                    badLines++;
                    firstBad = firstBad == null ? "line " + lineNo + ": \"" + abbreviate(line) + "\"" : firstBad;
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("perf script: cannot read the file: " + e.getMessage(), e);
        }
        if (samples == 0) {
            throw new ArtifactException("perf script: no sample with a call stack (record with 'perf record -g')"
                    + (firstBad == null ? "" : "; first unreadable " + firstBad));
        }
        if (badLines > 0) {
            sink.warning(badLines + " lines were neither sample headers nor stack frames and were skipped (first at "
                    + firstBad + ")");
        }
        tree.finish();
        Metric metric = events.keySet().stream().anyMatch(e -> e.contains("cpu-clock") || e.contains("cycles")
                || e.contains("task-clock")) || events.isEmpty() ? Metric.CPU_SAMPLES : new Metric(MetricKind.CPU, Unit.SAMPLES);
        if (events.keySet().stream().noneMatch(e -> e.contains("clock") || e.contains("cycles") || e.contains("instructions"))) {
            sink.warning("perf events " + events.keySet() + " are read as CPU samples");
        }
        sink.producer("perf script (events: " + String.join(", ", events.keySet()) + ")");
        sink.profile(new Profile(input.displayPath(), frames, tree, List.of(metric), threads, null, Map.of()));
    }

    private static int frame(FrameTable frames, String symbol, String dso) {
        String sym = symbol.trim();
        if (dso.equals("[kernel.kallsyms]") || dso.startsWith("[kernel") || dso.equals("[vdso]") && sym.startsWith("__vdso")) {
            return frames.intern(sym, FrameKind.KERNEL, 0, dso);
        }
        if (sym.isEmpty() || sym.equals("[unknown]")) {
            String lib = dso.substring(dso.lastIndexOf('/') + 1);
            return frames.intern("[unknown] " + lib, FrameKind.NATIVE, 0, dso);
        }
        FrameKind kind = GoSymbols.looksLikeGo(sym) ? FrameKind.GO : FrameKind.NATIVE;
        return frames.intern(sym, kind, 0, dso);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
