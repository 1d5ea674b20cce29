package gateway.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP endpoint on 127.0.0.1 (a free port) standing in for a push gateway: keeps every
 * POST and answers it with {@link #answerWith the status set}, 202 by default.
 */
public final class PushEndpoint implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One wake-up request as it arrived. */
    public record Post(String authorization, String contentType, Map<String, Object> body) {
        public String field(String name) {
            Object v = body.get(name);
            return v == null ? null : v.toString();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
    private volatile int status = 202;

    public PushEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/push");
    }

    public PushEndpoint answerWith(int httpStatus) {
        status = httpStatus;
        return this;
    }

    /** The next POST, or an AssertionError after {@code wait}. */
    public Post awaitPost(Duration wait) throws InterruptedException {
        Post p = posts.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (p == null) {
            throw new AssertionError("no push request within " + wait);
        }
        return p;
    }

    /** POSTs received and not yet awaited. */
    public int pending() {
        return posts.size();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, Object> body = JSON.readValue(in.readAllBytes(), Map.class);
            posts.add(new Post(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
