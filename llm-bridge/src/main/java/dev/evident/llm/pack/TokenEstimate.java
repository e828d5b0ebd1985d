package dev.evident.llm.pack;

/**
 * A provider-independent estimate of how many tokens a text costs: one token per four characters,
 * the usual rule of thumb for English and JSON with the common BPE tokenizers. It is a budget, not
 * an exact count: the point is to bound cost and keep the prompt focused, the same way for every
 * provider and without downloading a tokenizer.
 */
public final class TokenEstimate {
    private TokenEstimate() {
    }

    public static int of(CharSequence text) {
        return (text.length() + 3) / 4;
    }
}
