package dev.evident.bench;

import dev.evident.bench.pprof.PprofProto;
import dev.evident.core.model.CallTree;
import dev.evident.core.model.FrameKind;
import dev.evident.core.model.FrameTable;
import dev.evident.core.model.Profile;
import dev.evident.core.util.LongIntHashMap;
import dev.evident.ingest.ArtifactInput;
import dev.evident.ingest.pprof.PprofReader;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One decode of a pprof file into a call tree, by evident's hand-written decoder ({@code hand}) or
 * by protobuf-java classes generated with protoc from the same schema ({@code generated}), to
 * choose the decoder by measurement. The generated path does only the minimum the same tree needs
 * (parse, fold samples by location, intern function names), so the comparison favours it.
 *
 * <pre>java -cp ... dev.evident.bench.PprofDecodePass hand|generated FILE.pb.gz</pre>
 */
public final class PprofDecodePass {
    private PprofDecodePass() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        long total;
        int nodes;
        if (args[0].equals("hand")) {
            Profile p = BenchSink.readOne(new PprofReader(), ArtifactInput.of(file));
            total = p.totalWeight(0);
            nodes = p.tree().size();
        } else {
            PprofProto.Profile profile;
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16)) {
                profile = PprofProto.Profile.parseFrom(com.google.protobuf.CodedInputStream.newInstance(in));
            }
            FrameTable frames = new FrameTable();
            LongIntHashMap locationFrame = new LongIntHashMap(profile.getLocationCount() * 2);
            LongIntHashMap functionName = new LongIntHashMap(profile.getFunctionCount() * 2);
            for (PprofProto.Function f : profile.getFunctionList()) {
                functionName.put(f.getId(), (int) f.getName());
            }
            for (PprofProto.Location l : profile.getLocationList()) {
                int name = functionName.get(l.getLine(l.getLineCount() - 1).getFunctionId(), 0);
                locationFrame.put(l.getId(), frames.intern(profile.getStringTable(name), FrameKind.GO));
            }
            CallTree tree = new CallTree(profile.getSampleTypeCount());
            for (PprofProto.Sample s : profile.getSampleList()) {
                int node = CallTree.ROOT;
                for (int i = s.getLocationIdCount() - 1; i >= 0; i--) {
                    node = tree.child(node, locationFrame.get(s.getLocationId(i), 0));
                }
                for (int v = 0; v < s.getValueCount(); v++) {
                    tree.addSelf(node, v, s.getValue(v), 1);
                }
            }
            tree.finish();
            total = tree.totalWeight(profile.getSampleTypeCount() - 1, CallTree.ROOT);
            nodes = tree.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s: %.2f s in-process, tree of %d nodes, total %d%n", args[0], seconds,
                nodes, total);
    }
}
