package workload.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * De-duplication of N customer ids before and after the fix, at N = 1k ... 64k, for
 * {@code evident scale}. {@link #scanSeen} is the O(n²) version: every id is looked up by a linear
 * scan of the ids kept so far (what {@code ArrayList.contains} does); {@link #sortThenScan} is the
 * fix: sort a copy, keep each id that differs from the previous one, O(n log n). Primitive arrays
 * keep garbage collection out of the measurement on a shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DedupeBenchmark {

    @Param({"1000", "2000", "4000", "8000", "16000", "32000", "64000"})
    public int n;

    private int[] ids;

    @Setup(Level.Trial)
    public void load() {
        Random random = new Random(n);
        ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = random.nextInt(n);
        }
    }

    @Benchmark
    public int scanSeen() {
        int[] seen = new int[ids.length];
        int count = 0;
        for (int id : ids) {
            boolean found = false;
            for (int i = 0; i < count; i++) {
                if (seen[i] == id) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                seen[count++] = id;
            }
        }
        return count;
    }

    @Benchmark
    public int sortThenScan() {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }
}
