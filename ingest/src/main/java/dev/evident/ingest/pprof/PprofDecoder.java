package dev.evident.ingest.pprof;

import dev.evident.core.model.CallTree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One streaming pass over a {@code profile.proto} message (google/pprof's schema, field numbers
 * below). Tables go into {@link PprofData}; each sample is folded into a tree over location
 * indexes as soon as it is read, so memory grows with distinct stacks, not with samples.
 * Hand-written rather than generated: see docs/performance.md for the measured difference.
 */
final class PprofDecoder {
    // Profile
    private static final int SAMPLE_TYPE = 1;
    private static final int SAMPLE = 2;
    private static final int MAPPING = 3;
    private static final int LOCATION = 4;
    private static final int FUNCTION = 5;
    private static final int STRING_TABLE = 6;
    private static final int DROP_FRAMES = 7;
    private static final int KEEP_FRAMES = 8;
    private static final int TIME_NANOS = 9;
    private static final int DURATION_NANOS = 10;
    private static final int PERIOD_TYPE = 11;
    private static final int PERIOD = 12;
    private static final int COMMENT = 13;
    private static final int DEFAULT_SAMPLE_TYPE = 14;

    private final PprofData data = new PprofData();
    private final ProtoCursor cursor = new ProtoCursor();
    private final ProtoCursor inner = new ProtoCursor();
    private final StackCache stacks = new StackCache();
    private long[] locs = new long[64];
    private long[] values = new long[8];
    private long[] labels = new long[16];

    static PprofData decode(InputStream in) throws IOException, ProtoFormatException {
        return new PprofDecoder().run(new ProtoStream(in));
    }

    private PprofData run(ProtoStream s) throws IOException, ProtoFormatException {
        while (s.next()) {
            if (s.wireType == ProtoCursor.LEN) {
                cursor.reset(s.buffer(), s.start, s.end, s.base());
                switch (s.field) {
                    case SAMPLE -> sample();
                    case LOCATION -> location();
                    case FUNCTION -> function();
                    case STRING_TABLE -> data.addString(new String(s.buffer(), s.start, s.end - s.start, StandardCharsets.UTF_8));
                    case SAMPLE_TYPE -> data.sampleTypes.add(valueType());
                    case PERIOD_TYPE -> data.periodType = valueType();
                    case MAPPING -> mapping();
                    case COMMENT -> packedComments();
                    default -> expectVarintField(s);
                }
            } else if (s.wireType == ProtoCursor.VARINT) {
                switch (s.field) {
                    case DROP_FRAMES -> data.dropFrames = s.value;
                    case KEEP_FRAMES -> data.keepFrames = s.value;
                    case TIME_NANOS -> data.timeNanos = s.value;
                    case DURATION_NANOS -> data.durationNanos = s.value;
                    case PERIOD -> data.period = s.value;
                    case COMMENT -> data.comments.add(s.value);
                    case DEFAULT_SAMPLE_TYPE -> data.defaultSampleType = s.value;
                    default -> expectLenField(s);
                }
            } else if (s.field <= DEFAULT_SAMPLE_TYPE) {
                throw new ProtoFormatException("field " + s.field + " at byte " + s.fieldOffset + " has wire type "
                        + s.wireType + ", which profile.proto never uses for it");
            }
        }
        return data;
    }

    /** Unknown fields are allowed (newer schema versions); known ones must have their wire type. */
    private static void expectVarintField(ProtoStream s) throws ProtoFormatException {
        if (s.field >= DROP_FRAMES && s.field <= DEFAULT_SAMPLE_TYPE && s.field != PERIOD_TYPE) {
            throw new ProtoFormatException("field " + s.field + " at byte " + s.fieldOffset
                    + " is length-delimited, but profile.proto declares it as a number");
        }
    }

    private static void expectLenField(ProtoStream s) throws ProtoFormatException {
        if (s.field >= SAMPLE_TYPE && s.field <= STRING_TABLE || s.field == PERIOD_TYPE) {
            throw new ProtoFormatException("field " + s.field + " at byte " + s.fieldOffset
                    + " is a number, but profile.proto declares it as a message");
        }
    }

    private long[] valueType() throws ProtoFormatException {
        long[] t = new long[2];
        while (cursor.more()) {
            int tag = cursor.tag();
            switch (tag) {
                case 1 << 3 -> t[0] = cursor.varint();
                case 2 << 3 -> t[1] = cursor.varint();
                default -> cursor.skip(tag & 7);
            }
        }
        return t;
    }

    private void packedComments() throws ProtoFormatException {
        while (cursor.more()) {
            data.comments.add(cursor.varint());
        }
    }

    private void sample() throws ProtoFormatException {
        long at = cursor.offset();
        int nLocs = 0;
        int nValues = 0;
        int nLabels = 0;
        while (cursor.more()) {
            int tag = cursor.tag();
            switch (tag) {
                case 1 << 3 | ProtoCursor.LEN -> { // packed location ids
                    int end = cursor.lengthEnd();
                    while (cursor.pos < end) {
                        if (nLocs == locs.length) {
                            locs = Arrays.copyOf(locs, nLocs * 2);
                        }
                        locs[nLocs++] = cursor.varint();
                    }
                }
                case 1 << 3 -> {
                    if (nLocs == locs.length) {
                        locs = Arrays.copyOf(locs, nLocs * 2);
                    }
                    locs[nLocs++] = cursor.varint();
                }
                case 2 << 3 | ProtoCursor.LEN -> {
                    int end = cursor.lengthEnd();
                    while (cursor.pos < end) {
                        if (nValues == values.length) {
                            values = Arrays.copyOf(values, nValues * 2);
                        }
                        values[nValues++] = cursor.varint();
                    }
                }
                case 2 << 3 -> {
                    if (nValues == values.length) {
                        values = Arrays.copyOf(values, nValues * 2);
                    }
                    values[nValues++] = cursor.varint();
                }
                case 3 << 3 | ProtoCursor.LEN -> {
                    int end = cursor.lengthEnd();
                    if ((nLabels + 1) * 4 > labels.length) {
                        labels = Arrays.copyOf(labels, labels.length * 2);
                    }
                    label(end, nLabels++);
                }
                default -> cursor.skip(tag & 7);
            }
        }
        addSample(at, nLocs, nValues, nLabels);
    }

    private void label(int end, int index) throws ProtoFormatException {
        int base = index * 4;
        labels[base] = labels[base + 1] = labels[base + 2] = labels[base + 3] = 0;
        int saved = cursor.end;
        cursor.end = end;
        while (cursor.more()) {
            int tag = cursor.tag();
            switch (tag) {
                case 1 << 3 -> labels[base] = cursor.varint();
                case 2 << 3 -> labels[base + 1] = cursor.varint();
                case 3 << 3 -> labels[base + 2] = cursor.varint();
                case 4 << 3 -> labels[base + 3] = cursor.varint();
                default -> cursor.skip(tag & 7);
            }
        }
        cursor.end = saved;
    }

    private void addSample(long at, int nLocs, int nValues, int nLabels) throws ProtoFormatException {
        if (data.tree == null) {
            data.valueCount = data.sampleTypes.isEmpty() ? nValues : data.sampleTypes.size();
            if (data.valueCount == 0) {
                throw new ProtoFormatException("the sample at byte " + at + " has no values and the profile declares no sample types");
            }
            data.tree = new CallTree(data.valueCount);
        }
        if (nValues != data.valueCount) {
            throw new ProtoFormatException("the sample at byte " + at + " has " + nValues + " values, but the profile declares "
                    + data.valueCount + " sample types");
        }
        CallTree tree = data.tree;
        int hash = StackCache.hash(locs, nLocs);
        int node = stacks.get(locs, nLocs, hash);
        if (node < 0) {
            node = CallTree.ROOT;
            for (int i = nLocs - 1; i >= 0; i--) { // location_id[0] is the leaf
                node = tree.child(node, data.location(locs[i]));
            }
            stacks.put(locs, nLocs, hash, node);
        }
        for (int c = 0; c < nValues; c++) {
            long v = values[c];
            if (v < 0) {
                data.negativeValues = true;
            }
            tree.addSelf(node, c, v, 1);
        }
        data.sampleMessages++;
        if (nLabels > 0) {
            int set = data.labelSets.intern(labels, nLabels);
            if (set > 0) {
                int row = data.row(node, set);
                for (int c = 0; c < nValues; c++) {
                    data.rowWeight[c][row] += values[c];
                }
                data.rowMessages[row]++;
            }
        }
    }

    private void location() throws ProtoFormatException {
        long at = cursor.offset();
        long id = 0;
        long mapping = 0;
        long address = 0;
        int lineStart = data.lineCount;
        while (cursor.more()) {
            int tag = cursor.tag();
            switch (tag) {
                case 1 << 3 -> id = cursor.varint();
                case 2 << 3 -> mapping = cursor.varint();
                case 3 << 3 -> address = cursor.varint();
                case 4 << 3 | ProtoCursor.LEN -> {
                    int end = cursor.lengthEnd();
                    long fn = 0;
                    long line = 0;
                    inner.reset(cursor.buf, cursor.pos, end, cursor.base);
                    while (inner.more()) {
                        int t = inner.tag();
                        switch (t) {
                            case 1 << 3 -> fn = inner.varint();
                            case 2 << 3 -> line = inner.varint();
                            default -> inner.skip(t & 7);
                        }
                    }
                    cursor.pos = end;
                    data.addLine(fn, line);
                }
                default -> cursor.skip(tag & 7);
            }
        }
        if (id == 0) {
            throw new ProtoFormatException("the location at byte " + at + " has id 0, which profile.proto reserves");
        }
        int i = data.location(id);
        if (data.locDefined[i]) {
            throw new ProtoFormatException("location id " + id + " is defined twice (again at byte " + at + ")");
        }
        data.locDefined[i] = true;
        data.locMapping[i] = mapping;
        data.locAddress[i] = address;
        data.locLineStart[i] = lineStart;
        data.locLineCount[i] = data.lineCount - lineStart;
    }

    private void function() throws ProtoFormatException {
        long at = cursor.offset();
        long id = 0;
        long name = 0;
        long systemName = 0;
        long file = 0;
        long startLine = 0;
        while (cursor.more()) {
            int tag = cursor.tag();
            switch (tag) {
                case 1 << 3 -> id = cursor.varint();
                case 2 << 3 -> name = cursor.varint();
                case 3 << 3 -> systemName = cursor.varint();
                case 4 << 3 -> file = cursor.varint();
                case 5 << 3 -> startLine = cursor.varint();
                default -> cursor.skip(tag & 7);
            }
        }
        if (id == 0) {
            throw new ProtoFormatException("the function at byte " + at + " has id 0, which profile.proto reserves");
        }
        int i = data.function(id);
        data.fnName[i] = name;
        data.fnSystemName[i] = systemName;
        data.fnFile[i] = file;
        data.fnStartLine[i] = startLine;
    }

    private void mapping() throws ProtoFormatException {
        long id = 0;
        long file = 0;
        while (cursor.more()) {
            int tag = cursor.tag();
            switch (tag) {
                case 1 << 3 -> id = cursor.varint();
                case 5 << 3 -> file = cursor.varint();
                default -> cursor.skip(tag & 7);
            }
        }
        data.mapFile[data.mapping(id)] = file;
    }
}
