package dev.evident.llm.redact;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One redaction rule: where a private value sits in text and what kind of value it is. Only
 * {@code group} of each match is replaced, so the context a diagnosis needs survives
 * ({@code AWS_SECRET_ACCESS_KEY={SECRET_1}}, {@code jdbc:postgresql://{HOST_1}:5432/shop}).
 *
 * @param kind    the placeholder kind, e.g. {@code EMAIL}
 * @param pattern where the value is
 * @param group   the capturing group holding the value (0: the whole match)
 * @param accept  a last check on the value (e.g. "not a loopback address")
 * @param applies a check on the whole text before the rule runs (e.g. "looks like SQL")
 */
record Rule(String kind, Pattern pattern, int group, Predicate<String> accept, Predicate<String> applies) {

    static Rule of(String kind, String regex, int group) {
        return new Rule(kind, Pattern.compile(regex), group, v -> true, t -> true);
    }

    Rule accepting(Predicate<String> test) {
        return new Rule(kind, pattern, group, test, applies);
    }

    Rule when(Predicate<String> test) {
        return new Rule(kind, pattern, group, accept, test);
    }

    String apply(String text, RedactionMap map) {
        if (!applies.test(text)) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String value = m.group(group);
            if (value == null || value.isEmpty() || map.isPlaceholder(value) || !accept.test(value)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, m.start(group)).append(map.placeholder(kind, value));
            copied = m.end(group);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
