package dev.evident.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server in the test process (JDK HttpServer on 127.0.0.1, a free port) that speaks
 * OpenAI's chat-completions protocol ({@code POST /v1/chat/completions}) or Anthropic's messages API
 * ({@code POST /v1/messages}). Tests script its replies (an answer, an HTTP error, or no reply at
 * all) and read back every request it received.
 */
public final class FakeModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Protocol { OPENAI, ANTHROPIC }

    /** One request as received. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every message text (system and turns), unescaped, in order. */
        public String promptText() {
            StringBuilder out = new StringBuilder();
            JsonNode root = json();
            JsonNode system = root.get("system");
            if (system != null) {
                appendContent(system, out);
            }
            for (JsonNode message : root.path("messages")) {
                appendContent(message.get("content"), out);
            }
            return out.toString();
        }

        /** The texts of the user turns only. */
        public List<String> userTurns() {
            List<String> out = new ArrayList<>();
            for (JsonNode message : json().path("messages")) {
                if ("user".equals(message.path("role").asText())) {
                    StringBuilder sb = new StringBuilder();
                    appendContent(message.get("content"), sb);
                    out.add(sb.toString());
                }
            }
            return out;
        }

        private static void appendContent(JsonNode content, StringBuilder out) {
            if (content == null) {
                return;
            }
            if (content.isTextual()) {
                out.append(content.asText()).append('\n');
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    out.append(part.path("text").asText()).append('\n');
                }
            }
        }
    }

    private record Reply(int status, String body, boolean hang) {
    }

    private final Protocol protocol;
    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private FakeModelServer(Protocol protocol) {
        this.protocol = protocol;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-model-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static FakeModelServer openAi() {
        return new FakeModelServer(Protocol.OPENAI);
    }

    public static FakeModelServer anthropic() {
        return new FakeModelServer(Protocol.ANTHROPIC);
    }

    /** The API root a client is configured with, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies 200 with {@code text} as the assistant's message, in the protocol's envelope. */
    public synchronized FakeModelServer answer(String text) {
        script.add(new Reply(200, envelope(text), false));
        return this;
    }

    /** Replies with an HTTP error and a body in the protocol's error format. */
    public synchronized FakeModelServer fail(int status, String message) {
        ObjectNode error = JSON.createObjectNode();
        if (protocol == Protocol.OPENAI) {
            error.putObject("error").put("message", message).put("type", "error").put("code", status);
        } else {
            error.put("type", "error");
            error.putObject("error").put("type", "error").put("message", message);
        }
        script.add(new Reply(status, error.toString(), false));
        return this;
    }

    /** Accepts the request and never answers (until the server is closed). */
    public synchronized FakeModelServer hang() {
        script.add(new Reply(0, null, true));
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            String expected = protocol == Protocol.OPENAI ? "/v1/chat/completions" : "/v1/messages";
            reply = !exchange.getRequestURI().getPath().equals(expected)
                    ? new Reply(404, "{\"error\":{\"message\":\"no such endpoint\"}}", false)
                    : script.isEmpty() ? new Reply(500, "{\"error\":{\"message\":\"the test scripted no reply\"}}", false)
                    : script.poll();
        }
        if (reply.hang()) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String envelope(String text) {
        ObjectNode root = JSON.createObjectNode();
        if (protocol == Protocol.OPENAI) {
            root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1).put("model", "fake-model");
            ArrayNode choices = root.putArray("choices");
            ObjectNode choice = choices.addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
        } else {
            root.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", "fake-model");
            root.putArray("content").addObject().put("type", "text").put("text", text);
            root.put("stop_reason", "end_turn");
            root.putObject("usage").put("input_tokens", 100).put("output_tokens", 50);
        }
        return root.toString();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
