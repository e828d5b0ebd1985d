package dev.evident.llm.client;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;

import java.net.ConnectException;

/**
 * Turns what langchain4j throws into a sentence a user can act on. Server-provided text is
 * shortened and cleaned (the key is cut out wherever it appears), since some servers echo the
 * request or part of the credential in their error bodies.
 */
final class CallErrors {
    private static final int MAX_SERVER_TEXT = 300;

    private CallErrors() {
    }

    static boolean retriable(Throwable t) {
        return t instanceof RateLimitException || t instanceof InternalServerException;
    }

    static String describe(Throwable t, LlmSettings settings, int attempts) {
        String server = "the model server at " + settings.displayUrl();
        if (t instanceof AuthenticationException) {
            String key = settings.apiKey() == null
                    ? "no API key was sent; set " + keyHint(settings)
                    : "check the key from " + settings.apiKey().source();
            return server + " refused the request (HTTP " + status(t, "401") + ", authentication): " + key + ".";
        }
        if (t instanceof ModelNotFoundException) {
            return server + " answered HTTP 404: the model '" + settings.model() + "' or the endpoint does not exist. "
                    + "Check --model, and that --llm-base-url is the API root (OpenAI-compatible servers usually end in /v1).";
        }
        if (t instanceof RateLimitException) {
            return server + " still answered HTTP 429 (rate limited) after " + attempts + " attempt(s); try again later "
                    + "or raise --llm-retries.";
        }
        if (t instanceof InternalServerException) {
            return server + " still failed with HTTP " + status(t, "5xx") + " after " + attempts + " attempt(s)"
                    + serverText(t, settings) + ".";
        }
        if (t instanceof TimeoutException) {
            return server + " gave no answer within " + settings.timeout().toSeconds() + " s; raise --llm-timeout "
                    + "or check the server.";
        }
        if (t instanceof UnresolvedModelServerException) {
            return "cannot resolve the host of " + settings.displayUrl() + "; check --llm-base-url.";
        }
        if (t instanceof InvalidRequestException) {
            return server + " rejected the request (HTTP " + status(t, "4xx") + ")" + serverText(t, settings) + ".";
        }
        if (inChain(t, ConnectException.class)) {
            return "cannot connect to " + settings.displayUrl() + " (connection refused); is the server running?";
        }
        return "the call to " + server + " failed: " + t.getClass().getSimpleName() + serverText(t, settings) + ".";
    }

    private static String keyHint(LlmSettings settings) {
        String variable = settings.provider().keyVariable();
        return (variable != null ? variable + " or " : "") + KeyResolver.KEY_VARIABLE + ", or use --llm-key-file";
    }

    private static String status(Throwable t, String fallback) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpException h) {
                return Integer.toString(h.statusCode());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return fallback;
    }

    /** ": <first 300 characters the server said>", with the key removed, or nothing. */
    private static String serverText(Throwable t, LlmSettings settings) {
        String message = rootCause(t).getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String clean = message.replaceAll("\\s+", " ").strip();
        if (settings.apiKey() != null) {
            clean = clean.replace(settings.apiKey().reveal(), "***");
        }
        if (clean.length() > MAX_SERVER_TEXT) {
            clean = clean.substring(0, MAX_SERVER_TEXT) + "…";
        }
        return ": " + clean;
    }

    private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The deepest cause that says something. */
    private static Throwable rootCause(Throwable t) {
        Throwable said = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                said = c;
            }
        }
        return said;
    }
}
