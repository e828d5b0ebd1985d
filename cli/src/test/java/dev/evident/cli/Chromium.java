package dev.evident.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol: open a page, evaluate script, click with
 * real mouse events, type, take a screenshot. Only what the HTML report test needs; no driver
 * binary and no library beyond the JDK's WebSocket client.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profileDir;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    /** The browser binary: $EVIDENT_CHROMIUM, else Debian's /usr/bin/chromium, else null. */
    static Path binary() {
        String configured = System.getenv("EVIDENT_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    Chromium(Path binary, int width, int height) throws Exception {
        profileDir = Files.createTempDirectory("evident-chromium");
        process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--remote-debugging-port=0",
                "--user-data-dir=" + profileDir, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserUrl = awaitDevToolsUrl();
        URI base = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*$", "http://$1"));
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        for (int attempt = 0; attempt < 50 && pageSocket == null; attempt++) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    pageSocket = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                Thread.sleep(100);
            }
        }
        if (pageSocket == null) {
            throw new IllegalStateException("Chromium started but offers no page target at " + base);
        }
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(pageSocket), new Listener()).get(10, TimeUnit.SECONDS);
        send("Page.enable", JSON.createObjectNode());
        send("Runtime.enable", JSON.createObjectNode());
    }

    private String awaitDevToolsUrl() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // keep draining so the browser never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the browser went away
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("Chromium exited before opening DevTools:\n" + seen);
    }

    /** Loads a page and waits for its load event. */
    void open(URI url) throws Exception {
        events.clear();
        ObjectNode params = JSON.createObjectNode().put("url", url.toString());
        send("Page.navigate", params);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && "Page.loadEventFired".equals(event.path("method").asText())) {
                return;
            }
        }
        throw new IllegalStateException("page did not load within 30 s: " + url);
    }

    /** The value of a JavaScript expression (JSON-serializable), throwing on a script error. */
    JsonNode eval(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = send("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + expression + "\n" + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Evaluates the expression until it is true (the page may answer asynchronously); false after the timeout. */
    boolean waitFor(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (eval("!!(" + expression + ")").asBoolean()) {
                return true;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** A left click with real mouse events at the centre of the first element matching the selector. */
    void click(String selector) throws Exception {
        JsonNode box = eval("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new IllegalStateException("nothing to click: " + selector);
        }
        for (String type : new String[] {"mouseMoved", "mousePressed", "mouseReleased"}) {
            ObjectNode params = JSON.createObjectNode().put("type", type).put("x", box.get("x").asDouble())
                    .put("y", box.get("y").asDouble()).put("button", type.equals("mouseMoved") ? "none" : "left")
                    .put("clickCount", type.equals("mouseMoved") ? 0 : 1);
            send("Input.dispatchMouseEvent", params);
        }
    }

    /** Types text into the focused element as keyboard input would. */
    void type(String text) throws Exception {
        send("Input.insertText", JSON.createObjectNode().put("text", text));
    }

    /** A PNG of the top of the page (at most 6000 pixels high). */
    void screenshot(Path file) throws Exception {
        screenshot(file, "body");
    }

    /** A PNG of the element the selector matches, in page coordinates. */
    void screenshot(Path file, String selector) throws Exception {
        JsonNode r = eval("(() => { const r = document.querySelector(" + JSON.writeValueAsString(selector)
                + ").getBoundingClientRect(); return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width,"
                + " h: r.height}; })()");
        ObjectNode clip = JSON.createObjectNode().put("x", r.get("x").asDouble()).put("y", r.get("y").asDouble())
                .put("width", r.get("w").asDouble()).put("height", Math.min(r.get("h").asDouble(), 6000)).put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode result = send("Page.captureScreenshot", params);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(result.get("data").asText()));
    }

    private JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is killed below in any case
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(profileDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Collects text frames (which may arrive in parts) and routes replies and events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                        if (f != null) {
                            f.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
