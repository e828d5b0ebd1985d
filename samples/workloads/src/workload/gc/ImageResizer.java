package workload.gc;

import java.util.Random;

/**
 * Known causes: explicit {@code System.gc()} after every batch ("to free memory") and humongous
 * allocations. Each image is decoded into a 6 MB buffer, which G1 must place in dedicated
 * humongous regions of a 128 MB heap; after every batch the code forces a full collection. The
 * fixes: drop the System.gc() call, and reuse one buffer (or stream in tiles) instead of allocating
 * one per image.
 */
public final class ImageResizer {

    static long resize(Random random) {
        byte[] pixels = new byte[6 * 1024 * 1024];
        random.nextBytes(pixels);
        long sum = 0;
        for (int i = 0; i < pixels.length; i += 4096) {
            sum += pixels[i];
        }
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Random random = new Random(1);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long checksum = 0;
        while (System.nanoTime() < deadline) {
            for (int image = 0; image < 4; image++) {
                checksum += resize(random);
            }
            System.gc(); // "free the buffers before the next batch"
            Thread.sleep(50);
        }
        System.out.println("checksum=" + checksum);
    }
}
