package dev.evident.bench;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a large, valid, gzip-compressed pprof CPU profile for the benchmark, with its own small
 * protobuf writer (so it depends on neither decoder being measured). The shape imitates a Go
 * service profiled for a long time: 20,000 functions, 60,000 locations (one in ten with an inlined
 * call), 200,000 distinct stacks 6 to 48 deep that share prefixes (samples pick them with a skew), an {@code endpoint} label on every sample, and
 * the field order Go's runtime/pprof uses (samples first, the string table last), so a decoder
 * must resolve ids after reading. Seeded: the same size gives the same bytes.
 */
public final class BigPprofGenerator {
    static final int FUNCTIONS = 20_000;
    static final int LOCATIONS = 60_000;
    static final int ENDPOINTS = 20;
    /** Distinct stacks; samples pick from them, so the file grows with samples, the tree does not. */
    static final int STACKS = 200_000;

    private BigPprofGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Long.parseLong(args[1]) << 20);
    }

    /** Writes samples until the compressed file reaches {@code targetBytes}; returns the sample count. */
    static long write(Path target, long targetBytes) throws IOException {
        SplittableRandom random = new SplittableRandom(20_260_501);
        List<String> strings = new ArrayList<>(List.of("", "samples", "count", "cpu", "nanoseconds", "endpoint"));
        int firstEndpoint = strings.size();
        for (int e = 0; e < ENDPOINTS; e++) {
            strings.add("/api/v1/resource" + e);
        }
        int firstFile = strings.size();
        for (int f = 0; f < 400; f++) {
            strings.add("/src/github.com/acme/shop/svc" + (f % 40) + "/file" + f + ".go");
        }
        int firstName = strings.size();
        for (int f = 0; f < FUNCTIONS; f++) {
            strings.add(f < 800 ? "runtime.fn" + f
                    : "github.com/acme/shop/svc" + (f % 40) + ".(*Type" + (f % 97) + ").Method" + f);
        }
        long samples = 0;
        try (CountingStream counted = new CountingStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16));
             OutputStream gz = new BufferedOutputStream(new GZIPOutputStream(counted, 1 << 16), 1 << 16)) {
            ProtoWriter w = new ProtoWriter(gz);
            w.message(1, m -> m.varint(1, 1).varint(2, 2));      // samples/count
            w.message(1, m -> m.varint(1, 3).varint(2, 4));      // cpu/nanoseconds
            long[][] pool = new long[STACKS][];
            for (int s = 0; s < STACKS; s++) {
                int depth = 6 + random.nextInt(43);
                long[] stack = new long[depth];
                int loc = random.nextInt(50); // a root
                for (int d = depth - 1; d >= 0; d--) {
                    stack[d] = loc + 1L;     // leaf first: stack[0] is the innermost
                    loc = successor(loc, random.nextInt(4));
                }
                pool[s] = stack;
            }
            while (counted.written < targetBytes) {
                for (int batch = 0; batch < 10_000; batch++) {
                    // skewed choice: a few stacks are hot, most are rare, as in real profiles
                    long[] stack = pool[(int) (STACKS * Math.pow(random.nextDouble(), 3))];
                    int depth = stack.length;
                    int endpoint = firstEndpoint + random.nextInt(ENDPOINTS);
                    long count = 1 + random.nextInt(3);
                    w.message(2, m -> m.packed(1, stack, depth).packed(2, new long[] {count, count * 10_000_000L}, 2)
                            .message(3, l -> l.varint(1, 5).varint(2, endpoint)));
                    samples++;
                }
            }
            w.message(3, m -> m.varint(1, 1).varint(5, firstFile));
            for (int l = 0; l < LOCATIONS; l++) {
                long id = l + 1L;
                int fn = (int) (mix(l) % FUNCTIONS);
                boolean inlined = l % 10 == 0;
                w.message(4, m -> {
                    m.varint(1, id).varint(2, 1).varint(3, 0x400000L + id * 16);
                    if (inlined) {
                        m.message(4, line -> line.varint(1, (fn + 1) % FUNCTIONS + 1).varint(2, 10 + fn % 300));
                    }
                    m.message(4, line -> line.varint(1, fn + 1).varint(2, 20 + fn % 500));
                });
            }
            for (int f = 0; f < FUNCTIONS; f++) {
                int fid = f;
                w.message(5, m -> m.varint(1, fid + 1L).varint(2, firstName + fid).varint(3, firstName + fid)
                        .varint(4, firstFile + fid % 400).varint(5, 10 + fid % 300));
            }
            for (String s : strings) {
                w.bytes(6, s.getBytes(StandardCharsets.UTF_8));
            }
            w.varint(9, 1_700_000_000_000_000_000L).varint(10, 3_600_000_000_000L);
            w.message(11, m -> m.varint(1, 3).varint(2, 4));
            w.varint(12, 10_000_000L);
        }
        return samples;
    }

    /** The next location down the stack: one of four fixed callees of this location. */
    private static int successor(int location, int which) {
        return (int) (mix(location * 4L + which) % LOCATIONS);
    }

    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private static final class CountingStream extends FilterOutputStream {
        long written;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }
    }

    /** The few protobuf encodings a profile needs: varints, packed varints, bytes, nested messages. */
    static final class ProtoWriter {
        private final OutputStream out;
        private final byte[] scratch = new byte[10];

        ProtoWriter(OutputStream out) {
            this.out = out;
        }

        interface Body {
            void write(ProtoWriter w) throws IOException;
        }

        ProtoWriter varint(int field, long value) throws IOException {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        ProtoWriter bytes(int field, byte[] b) throws IOException {
            raw((long) field << 3 | 2);
            raw(b.length);
            out.write(b);
            return this;
        }

        ProtoWriter packed(int field, long[] values, int n) throws IOException {
            int len = 0;
            for (int i = 0; i < n; i++) {
                len += size(values[i]);
            }
            raw((long) field << 3 | 2);
            raw(len);
            for (int i = 0; i < n; i++) {
                raw(values[i]);
            }
            return this;
        }

        ProtoWriter message(int field, Body body) throws IOException {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(64);
            body.write(new ProtoWriter(buf));
            return bytes(field, buf.toByteArray());
        }

        private void raw(long v) throws IOException {
            int n = 0;
            while ((v & ~0x7fL) != 0) {
                scratch[n++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            scratch[n++] = (byte) v;
            out.write(scratch, 0, n);
        }

        private static int size(long v) {
            int n = 1;
            while ((v & ~0x7fL) != 0) {
                n++;
                v >>>= 7;
            }
            return n;
        }
    }
}
