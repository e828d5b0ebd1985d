package workload.reports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Known cause: allocation pressure that keeps the garbage collector busy. Every report row is
 * formatted with {@code String.format}, boxed into {@code List<Double>} and concatenated into
 * throw-away strings, while a retained window of recent reports keeps a live set in a small heap
 * (run with -Xmx64m). The fix is to reuse a {@code StringBuilder}, keep primitives in arrays and
 * stream rows to the writer instead of materialising them.
 */
public final class CsvReportBuilder {

    private static final int RETAINED_REPORTS = 600;

    static String buildReport(Random random, int rows) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Double> cells = new ArrayList<>();
            for (int c = 0; c < 12; c++) {
                cells.add(random.nextDouble() * 1000);
            }
            String line = "";
            for (Double cell : cells) {
                line = line + String.format("%.3f", cell) + ",";
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Random random = new Random(7);
        Deque<String> recent = new ArrayDeque<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long reports = 0, chars = 0;
        while (System.nanoTime() < deadline) {
            String report = buildReport(random, 400);
            recent.addLast(report);
            if (recent.size() > RETAINED_REPORTS) {
                recent.removeFirst();
            }
            chars += report.length();
            reports++;
        }
        System.out.println("reports=" + reports + " chars=" + chars);
    }
}
