package dev.evident.llm.verify;

/** The model's answer is not JSON of the requested shape; the message says what is wrong. */
public final class AnswerFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public AnswerFormatException(String message) {
        super(message);
    }
}
