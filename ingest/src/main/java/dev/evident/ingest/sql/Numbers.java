package dev.evident.ingest.sql;

/**
 * {@link Double#parseDouble} for the plain decimals logs and plans are full of ("404.019",
 * "15001.00", "8751"), without a substring: digits, at most one point with digits after it, at
 * most 15 digits. Such a number is an exact integer divided by an exact power of ten, and IEEE
 * division rounds that quotient correctly, which is what {@code parseDouble} returns. Anything
 * else goes to {@code parseDouble} itself, so the result (or the exception) is always the same.
 */
final class Numbers {
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15};

    private Numbers() {
    }

    static double parseDouble(String s) {
        return parseDouble(s, 0, s.length());
    }

    static double parseDouble(String s, int from, int to) {
        long mantissa = 0;
        int digits = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
            } else if (c == '.' && point < 0 && i > from && i < to - 1) {
                point = i;
            } else {
                return Double.parseDouble(s.substring(from, to));
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.parseDouble(s.substring(from, to));
        }
        int fraction = point < 0 ? 0 : to - point - 1;
        return fraction == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fraction];
    }

    /** The same for ASCII text in b[from, to). */
    static double parseDouble(byte[] b, int from, int to) {
        long mantissa = 0;
        int digits = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
            } else if (c == '.' && point < 0 && i > from && i < to - 1) {
                point = i;
            } else {
                return Double.parseDouble(LogLinePrefix.ascii(b, from, to));
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.parseDouble(LogLinePrefix.ascii(b, from, to));
        }
        int fraction = point < 0 ? 0 : to - point - 1;
        return fraction == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fraction];
    }
}
