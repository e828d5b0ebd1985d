package dev.evident.core.stats;

/**
 * Maps a measured value onto a 0..100 severity score the way JDK Mission Control's rules do
 * ({@code RulesToolkit.mapExp100(value, infoLimit, warningLimit)}): linear from 0 to 25 up to the
 * info limit, then an exponential curve that reaches 75 at the warning limit and approaches 100.
 * Scores of 25 and above are worth reading; 75 and above is a problem.
 */
public final class ScoreCurve {
    private final double infoLimit;
    private final double warningLimit;

    public ScoreCurve(double infoLimit, double warningLimit) {
        if (!(infoLimit > 0 && warningLimit > infoLimit)) {
            throw new IllegalArgumentException("need 0 < info < warning, got " + infoLimit + ", " + warningLimit);
        }
        this.infoLimit = infoLimit;
        this.warningLimit = warningLimit;
    }

    public double score(double value) {
        if (!(value > 0)) {
            return 0;
        }
        if (value <= infoLimit) {
            return 25 * value / infoLimit;
        }
        // 75 * (1 - e^(k x)) passes through 50 at x = warning - info, so the total is 75 there.
        double k = Math.log(1 - 50.0 / 75.0) / (warningLimit - infoLimit);
        return 25 + 75 * (1 - Math.exp(k * (value - infoLimit)));
    }

    public int scoreInt(double value) {
        return (int) Math.round(Math.min(100, score(value)));
    }
}
