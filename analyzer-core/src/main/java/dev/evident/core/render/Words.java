package dev.evident.core.render;

/**
 * Counts words the way a reader meets them: whitespace-separated tokens with a letter or digit,
 * outside fenced code blocks (code is read, not counted against the length of the prose).
 */
public final class Words {
    private Words() {
    }

    public static int count(CharSequence text) {
        int words = 0;
        boolean inCode = false;
        for (String line : text.toString().split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                for (String token : line.strip().split("\\s+")) {
                    if (token.chars().anyMatch(Character::isLetterOrDigit)) { // table pipes and rules are not words
                        words++;
                    }
                }
            }
        }
        return words;
    }
}
