package dev.evident.llm.redact;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders handed out while redacting one evidence pack or chat session, and the values
 * they stand for. The same value always gets the same placeholder, numbered per kind in the order
 * of first appearance, so the same report gives the same prompt. The map never leaves the machine:
 * it is only used to put the real values back into what the model wrote, for the local report.
 */
public final class RedactionMap {
    /** {@code {EMAIL_1}}: no quotes, dots or @, so no redaction rule matches a placeholder again. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z]+(?:_[A-Z]+)*)_(\\d+)}");

    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, String> byPlaceholder = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** The placeholder for {@code value} of the given kind, created on first use. */
    String placeholder(String kind, String value) {
        String key = kind + '\u0000' + value;
        String existing = byValue.get(key);
        if (existing != null) {
            return existing;
        }
        int n = counters.merge(kind, 1, Integer::sum);
        String placeholder = "{" + kind + "_" + n + "}";
        byValue.put(key, placeholder);
        byPlaceholder.put(placeholder, value);
        return placeholder;
    }

    public boolean isPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).matches();
    }

    public boolean knows(String placeholder) {
        return byPlaceholder.containsKey(placeholder);
    }

    public int size() {
        return byPlaceholder.size();
    }

    /** How many values of each kind were replaced, e.g. {@code EMAIL=1}, in first-use order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String placeholder : byPlaceholder.keySet()) {
            Matcher m = PLACEHOLDER.matcher(placeholder);
            if (m.matches()) {
                out.merge(m.group(1), 1, Integer::sum);
            }
        }
        return out;
    }

    /**
     * Puts the original values back. A placeholder can stand for text that itself held one (an
     * e-mail inside a SQL literal), hence the few rounds; unknown placeholders stay as written.
     */
    public String restore(String text) {
        String current = text;
        for (int round = 0; round < 4; round++) {
            Matcher m = PLACEHOLDER.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String original = byPlaceholder.get(m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(original != null ? original : m.group()));
                changed |= original != null;
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }
}
