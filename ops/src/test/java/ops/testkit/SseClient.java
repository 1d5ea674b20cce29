package ops.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client on a plain socket (so a test can close the connection when it
 * likes): sends one GET, decodes the chunked body on a thread of its own and queues each event
 * with the time it arrived.
 */
public final class SseClient implements AutoCloseable {
    public static final long WAIT_MS = 5_000;

    /** One event: {@code event} is "message" when the stream named none; comments are "comment". */
    public record Event(String event, String data, long atNanos) {
    }

    private final Socket socket;
    public final Map<String, String> headers = new LinkedHashMap<>();
    public final int status;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private Thread reader;

    public SseClient(int port, String path, String authorization) throws IOException {
        this(port, path, authorization, 0, false);
    }

    /**
     * @param receiveBuffer the socket's receive buffer (0: the system's), small to make a slow reader
     * @param paused        reads only the response head until {@link #resume()}
     */
    public SseClient(int port, String path, String authorization, int receiveBuffer, boolean paused) throws IOException {
        this(port, path, authorization == null ? Map.of() : Map.of("Authorization", authorization), receiveBuffer, paused);
    }

    /** A stream asked for with a session cookie ({@code acd_session=...}) instead of a bearer token. */
    public static SseClient withCookie(int port, String path, String cookie) throws IOException {
        return new SseClient(port, path, Map.of("Cookie", cookie), 0, false);
    }

    private SseClient(int port, String path, Map<String, String> extraHeaders, int receiveBuffer, boolean paused)
            throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout((int) WAIT_MS * 4);
        OutputStream out = socket.getOutputStream();
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n");
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).toLowerCase(), h.substring(colon + 1).trim());
        }
        if ("chunked".equals(headers.get("transfer-encoding"))) {
            reader = new Thread(() -> read(in), "sse-client");
            reader.setDaemon(true);
            if (!paused) {
                reader.start();
            }
        }
    }

    /** Starts reading the events of a client made paused. */
    public void resume() {
        reader.start();
    }

    /** The next event of that kind, skipping others; fails after {@link #WAIT_MS}. */
    public Event next(String kind) throws InterruptedException {
        return next(kind, data -> true, WAIT_MS);
    }

    /** The next event of that kind whose data passes {@code test}, skipping others; fails after {@code waitMs}. */
    public Event next(String kind, Predicate<String> test, long waitMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        String last = null;
        while (true) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no such '" + kind + "' event within " + waitMs + " ms; the last: " + last);
            }
            if (e.event().equals(kind)) {
                if (test.test(e.data())) {
                    return e;
                }
                last = e.data();
            }
        }
    }

    /** Everything received and not yet taken. */
    public List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    private void read(InputStream in) {
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                int size = Integer.parseInt(line(in).trim(), 16);
                if (size == 0) {
                    return;
                }
                text.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
                for (int end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n")) {
                    events.add(parse(text.substring(0, end), System.nanoTime()));
                    text.delete(0, end + 2);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the test closed the socket, or the server did: no more events
        }
    }

    private static Event parse(String block, long atNanos) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        for (String l : block.split("\n")) {
            if (l.startsWith(":")) {
                event = "comment";
                data.append(l.substring(1).trim());
            } else if (l.startsWith("event: ")) {
                event = l.substring(7);
            } else if (l.startsWith("data: ")) {
                data.append(l.substring(6));
            } else if (l.startsWith("retry: ")) {
                event = "retry";
                data.append(l.substring(7));
            }
        }
        return new Event(event, data.toString(), atNanos);
    }

    /** One line of an HTTP head or chunked body, without its CR LF; throws at the end of the stream. */
    public static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("stream ended");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
