package dev.evident.ingest.pprof;

import dev.evident.core.model.CallTree;
import dev.evident.core.util.LongIntHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything one decoding pass collects from a pprof file, in primitive tables: strings,
 * functions, locations (with their lines), mappings, the profile's scalar fields, and the samples
 * already aggregated into a tree over location indexes. Location ids may be referenced before
 * their Location message arrives (the field order is free), so ids map to dense indexes on first
 * sight and are resolved only after the whole file was read.
 */
final class PprofData {
    // string table
    String[] strings = new String[1024];
    int stringCount;

    // profile scalars (string-table indexes where the schema says so)
    final List<long[]> sampleTypes = new ArrayList<>();   // {type, unit}
    long[] periodType;                                    // {type, unit} or null
    long period;
    long timeNanos;
    long durationNanos;
    long dropFrames;
    long keepFrames;
    long defaultSampleType;
    final List<Long> comments = new ArrayList<>();

    // functions: id -> index
    final LongIntHashMap functionIndex = new LongIntHashMap(1024);
    long[] fnName = new long[1024];
    long[] fnSystemName = new long[1024];
    long[] fnFile = new long[1024];
    long[] fnStartLine = new long[1024];
    int functionCount;

    // locations: id -> index; lines in a shared pool
    final LongIntHashMap locationIndex = new LongIntHashMap(4096);
    long[] locId = new long[4096];
    boolean[] locDefined = new boolean[4096];
    long[] locMapping = new long[4096];
    long[] locAddress = new long[4096];
    int[] locLineStart = new int[4096];
    int[] locLineCount = new int[4096];
    int locationCount;
    long[] lineFunction = new long[8192];
    long[] lineNumber = new long[8192];
    int lineCount;

    // mappings: id -> filename string index
    final LongIntHashMap mappingIndex = new LongIntHashMap(16);
    long[] mapFile = new long[16];
    int mappingCount;

    // samples, aggregated by location path (frame ids of this tree are location indexes)
    CallTree tree;
    int valueCount = -1;
    long sampleMessages;
    boolean negativeValues;

    // labels: distinct label sets and self values per (tree node, label set)
    final LabelSets labelSets = new LabelSets();
    final LongIntHashMap rowIndex = new LongIntHashMap(64);
    int[] rowNode = new int[64];
    int[] rowSet = new int[64];
    long[][] rowWeight;
    long[] rowMessages = new long[64];
    int rows;

    String string(long index) {
        return index >= 0 && index < stringCount ? strings[(int) index] : null;
    }

    void addString(String s) {
        if (stringCount == strings.length) {
            strings = Arrays.copyOf(strings, stringCount * 2);
        }
        strings[stringCount++] = s;
    }

    int function(long id) {
        int i = functionIndex.get(id, -1);
        if (i >= 0) {
            return i;
        }
        if (functionCount == fnName.length) {
            int n = functionCount * 2;
            fnName = Arrays.copyOf(fnName, n);
            fnSystemName = Arrays.copyOf(fnSystemName, n);
            fnFile = Arrays.copyOf(fnFile, n);
            fnStartLine = Arrays.copyOf(fnStartLine, n);
        }
        functionIndex.put(id, functionCount);
        return functionCount++;
    }

    /** Dense index of a location id; the location is defined later if not yet. */
    int location(long id) {
        int i = locationIndex.get(id, -1);
        if (i >= 0) {
            return i;
        }
        if (locationCount == locId.length) {
            int n = locationCount * 2;
            locId = Arrays.copyOf(locId, n);
            locDefined = Arrays.copyOf(locDefined, n);
            locMapping = Arrays.copyOf(locMapping, n);
            locAddress = Arrays.copyOf(locAddress, n);
            locLineStart = Arrays.copyOf(locLineStart, n);
            locLineCount = Arrays.copyOf(locLineCount, n);
        }
        locId[locationCount] = id;
        locationIndex.put(id, locationCount);
        return locationCount++;
    }

    void addLine(long functionId, long line) {
        if (lineCount == lineFunction.length) {
            lineFunction = Arrays.copyOf(lineFunction, lineCount * 2);
            lineNumber = Arrays.copyOf(lineNumber, lineCount * 2);
        }
        lineFunction[lineCount] = functionId;
        lineNumber[lineCount] = line;
        lineCount++;
    }

    int mapping(long id) {
        int i = mappingIndex.get(id, -1);
        if (i >= 0) {
            return i;
        }
        if (mappingCount == mapFile.length) {
            mapFile = Arrays.copyOf(mapFile, mappingCount * 2);
        }
        mappingIndex.put(id, mappingCount);
        return mappingCount++;
    }

    /** The row for (node, label set), created on first use. */
    int row(int node, int labelSet) {
        long key = ((long) node << 32) | labelSet;
        int r = rowIndex.get(key, -1);
        if (r >= 0) {
            return r;
        }
        if (rowWeight == null) {
            rowWeight = new long[valueCount][64];
        }
        if (rows == rowNode.length) {
            int n = rows * 2;
            rowNode = Arrays.copyOf(rowNode, n);
            rowSet = Arrays.copyOf(rowSet, n);
            rowMessages = Arrays.copyOf(rowMessages, n);
            for (int c = 0; c < valueCount; c++) {
                rowWeight[c] = Arrays.copyOf(rowWeight[c], n);
            }
        }
        rowNode[rows] = node;
        rowSet[rows] = labelSet;
        rowIndex.put(key, rows);
        return rows++;
    }
}
