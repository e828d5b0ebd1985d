package workload.exceptions;

import java.util.Random;

/**
 * Known cause: exceptions used for control flow. A quarter of the imported quantities are not numbers;
 * {@link #quantity} relies on {@code Integer.parseInt} throwing {@code NumberFormatException} to
 * fall back to a default, so every bad value walks the stack to build an exception. The fix is to
 * check the text before parsing.
 */
public final class QuantityParser {

    static int quantity(String text, int fallback) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Random random = new Random(3);
        String[] inputs = new String[4096];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(4) > 0 ? Integer.toString(random.nextInt(500)) : "n/a-" + random.nextInt(50);
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long total = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < inputs.length; i++) {
                total += quantity(inputs[i], 1);
                if (i % 64 == 63) {
                    Thread.sleep(1); // an import feed arriving in batches: some ten thousand exceptions per second
                }
            }
        }
        System.out.println("total=" + total);
    }
}
