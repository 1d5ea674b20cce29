package gateway.testkit.bidi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A WebDriver BiDi connection (https://w3c.github.io/webdriver-bidi/) over the JDK's WebSocket:
 * each command gets an id and a future its response completes; {@link #send} waits for it, bounded,
 * and turns an error response into a {@link BidiException}. Events go to one listener (ignored
 * without one): the commands the tests need ask for none but {@code log.entryAdded}.
 */
public final class BidiClient implements AutoCloseable {
    /** Whether commands can be sent. */
    private enum State { OPEN, CLOSED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Duration timeout;
    private final WebSocket socket;
    private volatile Consumer<JsonNode> events = event -> { };
    private volatile State state = State.OPEN;

    private BidiClient(URI url, Duration timeout) throws Exception {
        this.timeout = timeout;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(url, new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to {@code ws://host:port/session} and starts a session there. */
    public static BidiClient connect(URI url, Duration timeout) throws Exception {
        BidiClient client = new BidiClient(url, timeout);
        try {
            client.send("session.new", Map.of("capabilities", Map.of()));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** Where events go: one {@code {"type":"event","method":…,"params":…}} at a time, off the caller's thread. */
    public void onEvent(Consumer<JsonNode> listener) {
        events = listener;
    }

    /** Sends the command and waits (bounded by the connection's timeout) for its result. */
    public JsonNode send(String method, Object params) {
        return send(method, params, timeout);
    }

    /** Sends the command and waits up to {@code wait} for its result. */
    public JsonNode send(String method, Object params, Duration wait) {
        long id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        // after registering: a close from now on fails this future, one before is seen here
        if (state == State.CLOSED) {
            pending.remove(id);
            throw new BidiException(method + ": the connection is closed");
        }
        try {
            synchronized (socket) { // one text message at a time: the WebSocket forbids overlapping sends
                socket.sendText(command.toString(), true).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            return result(method, response.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new BidiException(method + ": no response within " + wait.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new BidiException(method + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BidiException(method + ": interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    private static JsonNode result(String method, JsonNode response) {
        if ("error".equals(response.path("type").asText())) {
            throw new BidiException(method + " failed: " + response.path("error").asText() + ": "
                    + response.path("message").asText());
        }
        return response.path("result");
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            return; // not JSON: nothing a command waits for
        }
        JsonNode id = message.get("id");
        if (id != null && id.canConvertToLong()) {
            CompletableFuture<JsonNode> response = pending.get(id.asLong());
            if (response != null) {
                response.complete(message);
            }
        } else if ("event".equals(message.path("type").asText())) {
            events.accept(message);
        } else if ("error".equals(message.path("type").asText())) {
            failAll(new BidiException("error without a command: " + message));
        }
    }

    private void failAll(Throwable why) {
        pending.values().forEach(response -> response.completeExceptionally(why));
    }

    @Override
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        socket.abort();
        failAll(new BidiException("the connection is closed"));
    }

    /** Joins a message's fragments and hands each whole message on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            state = State.CLOSED;
            failAll(new BidiException("the browser closed the connection: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            state = State.CLOSED;
            failAll(new BidiException("the connection failed: " + error, error));
        }
    }
}
