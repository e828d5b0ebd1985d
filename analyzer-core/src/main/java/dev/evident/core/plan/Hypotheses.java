package dev.evident.core.plan;

import dev.evident.core.detect.bound.BoundClassification;
import dev.evident.core.detect.bound.BoundShare;
import dev.evident.core.model.Confidence;
import dev.evident.core.model.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * The root-cause hypothesis: what bounds the workload (from the bound classification) and which
 * finding explains it. Its confidence is the lower of the two, lowered once more when they point at
 * different resources (a CPU hot spot in a database-bound service is not the root cause).
 */
final class Hypotheses {
    /** Findings below this score do not name a cause. */
    static final int CAUSE_MIN_SCORE = 50;

    private Hypotheses() {
    }

    static Hypothesis of(List<Finding> findings, BoundClassification bound) {
        List<Finding> causes = findings.stream().filter(f -> f.score() >= CAUSE_MIN_SCORE).toList();
        String boundLabel = bound == null || bound.bound() == null ? null : bound.bound().label();
        List<String> reasons = new ArrayList<>();
        BoundShare boundShare = bound == null || bound.shares().isEmpty() ? null : bound.shares().get(0);
        if (boundShare != null && bound.bound() != null) {
            reasons.add(capitalize(bound.statement()) + " (" + boundShare.evidence().id() + ")");
        }
        if (causes.isEmpty()) {
            reasons.add("no finding reaches a score of " + CAUSE_MIN_SCORE);
            String statement = "No single cause dominates"
                    + (boundLabel != null ? "; the workload is " + boundLabel : "") + ".";
            return new Hypothesis(statement, boundLabel, new Confidence(Confidence.Level.LOW,
                    "no finding is strong enough to be called the cause"), reasons);
        }

        Finding top = causes.get(0);
        reasons.add(top.id() + " scores " + top.score() + " with " + top.confidence().level().label() + " confidence: "
                + top.confidence().reason());
        StringBuilder statement = new StringBuilder();
        if (boundLabel != null) {
            statement.append("The workload is ").append(boundLabel).append("; ");
        }
        statement.append(boundLabel != null ? "the" : "The").append(" main cause is ").append(lowerFirst(top.title()))
                .append(" (").append(top.id()).append(')');
        List<Finding> related = new ArrayList<>();
        for (Finding f : causes.subList(1, causes.size())) {
            if (related.size() < 2 && (bound == null || bound.bound() == null || f.category() == top.category()
                    || f.category() == bound.bound().category())) {
                related.add(f);
            }
        }
        for (int i = 0; i < related.size(); i++) {
            statement.append(i == 0 ? ", with " : " and ").append(lowerFirst(related.get(i).title())).append(" (")
                    .append(related.get(i).id()).append(')');
        }
        statement.append('.');

        Confidence.Level level = top.confidence().level();
        String why;
        if (boundLabel == null) {
            level = atMost(level, Confidence.Level.MEDIUM);
            why = "no measurement says what bounds the workload, so the top finding may not be what users wait for";
        } else {
            level = lower(level, bound.confidence().level());
            if (top.category() == bound.bound().category()) {
                why = "the top finding is in the resource that bounds the workload (" + bound.bound().category().label()
                        + "); " + bound.confidence().reason();
            } else {
                level = lower(level, level == Confidence.Level.HIGH ? Confidence.Level.MEDIUM : Confidence.Level.LOW);
                why = "the top finding is about " + top.category().label() + " while the workload is " + boundLabel
                        + ", so fixing it may not shorten what users wait for";
            }
        }
        return new Hypothesis(statement.toString(), boundLabel, new Confidence(level, why), reasons);
    }

    private static Confidence.Level lower(Confidence.Level a, Confidence.Level b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static Confidence.Level atMost(Confidence.Level level, Confidence.Level cap) {
        return lower(level, cap);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "Threads wait ..." → "threads wait ...", but class names keep their capital ("OrderReport...."). */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        int space = s.indexOf(' ');
        String firstWord = space < 0 ? s : s.substring(0, space);
        if (firstWord.contains(".") || firstWord.contains(":") || firstWord.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
