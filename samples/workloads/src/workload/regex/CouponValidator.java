package workload.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Known cause: regular expressions compiled on every call. {@link #isValid} uses
 * {@code String.matches} and {@link #tags} uses {@code String.split} with a regex, so every
 * coupon compiles two patterns. The fix is a static final {@code Pattern} reused per call.
 */
public final class CouponValidator {

    static boolean isValid(String code) {
        return code.matches("[A-Z]{4}-\\d{4}-[a-z]{3,8}");
    }

    static String[] tags(String line) {
        return line.split(",\\s*");
    }

    static List<String> randomCoupons(Random random, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < 4; c++) {
                sb.append((char) ('A' + random.nextInt(26)));
            }
            sb.append('-').append(1000 + random.nextInt(9000)).append('-').append(random.nextBoolean() ? "spring" : "VIP");
            out.add(sb.toString());
        }
        return out;
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Random random = new Random(11);
        List<String> coupons = randomCoupons(random, 5_000);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long valid = 0, tagCount = 0;
        while (System.nanoTime() < deadline) {
            for (String coupon : coupons) {
                if (isValid(coupon)) {
                    valid++;
                }
                tagCount += tags("promo, " + coupon + ",  weekend").length;
            }
        }
        System.out.println("valid=" + valid + " tags=" + tagCount);
    }
}
