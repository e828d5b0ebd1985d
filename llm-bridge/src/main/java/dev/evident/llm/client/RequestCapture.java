package dev.evident.llm.client;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;

/**
 * An HTTP client that sends nothing: it keeps the request the provider client built and stops the
 * call. {@code --show-prompt} uses it to print exactly the bytes that would go over the wire,
 * produced by the same code that sends them for real.
 */
public final class RequestCapture implements HttpClientBuilder {
    private HttpRequest captured;
    private Duration connectTimeout;
    private Duration readTimeout;

    /** Thrown to end the call once the request is captured. */
    public static final class Captured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Captured() {
            super("request captured, not sent", null, false, false);
        }
    }

    public HttpRequest request() {
        return captured;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        return new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                captured = request;
                throw new Captured();
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                captured = request;
                throw new Captured();
            }
        };
    }
}
