package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import ops.testkit.SseClient;
import org.junit.jupiter.api.Test;

/**
 * The admin server closed and started again in the same process on the same port, as a test
 * restarting a server does. Each time, every connection of the old server is closed by it (an
 * idle kept-alive one, and one busy with requests while the loop shuts down), never left open
 * unread, and the new server answers a fresh connection and the clients that reconnect.
 */
class RestartTest {
    private static final int ROUNDS = 20;

    @Test
    void closedAndStartedOnTheSamePortItClosesEveryConnectionAndAnswersAgain() throws Exception {
        int port = portNoConnectionTakes();
        for (int round = 0; round < ROUNDS; round++) {
            String when = "round " + round + ": ";
            AdminRig rig = new AdminRig(null, port);
            try (KeptAlive idle = new KeptAlive(port); KeptAlive busy = new KeptAlive(port);
                 SseClient sse = new SseClient(port, "/api/events", "Bearer " + AdminRig.TOKEN)) {
                assertEquals(200, idle.get("/api/queues"), when + "a first request");
                assertEquals(200, idle.get("/api/agents"), when + "a second one on the same connection");
                assertEquals(200, new KeptAlive(port).getAndClose("/api/session"), when + "a fresh connection");
                sse.next("snapshot");
                CompletableFuture<Boolean> busyEnd = CompletableFuture.supplyAsync(busy::requestUntilClosed);
                assertEquals(200, busy.firstStatus.get(SseClient.WAIT_MS, TimeUnit.MILLISECONDS), when + "busy");
                rig.close();
                assertTrue(idle.closedByServer(), when + "the idle kept-alive connection was left open unread");
                assertTrue(busyEnd.get(SseClient.WAIT_MS * 2, TimeUnit.MILLISECONDS),
                        when + "the busy connection was left open unread");
            } finally {
                rig.close();
            }
        }
    }

    /**
     * A free port below the kernel's ephemeral range: between two rounds no outgoing connection on
     * this machine can take it as its local port, as one could take a port the kernel handed out.
     */
    private static int portNoConnectionTakes() throws IOException {
        int low = 32768;
        try {
            low = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux: below 32768 is outside the usual ranges too
        }
        int from = Math.max(10_000, low - 10_000);
        for (int tries = 0; tries < 1_000; tries++) {
            int port = from + ThreadLocalRandom.current().nextInt(Math.max(1, low - from));
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // in use: another
            }
        }
        throw new IOException("no free port between " + from + " and " + low);
    }

    /** An HTTP/1.1 client on one socket, for requests one after another on the same connection. */
    static final class KeptAlive implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;
        final CompletableFuture<Integer> firstStatus = new CompletableFuture<>();

        KeptAlive(int port) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) SseClient.WAIT_MS);
            socket.setSoTimeout((int) SseClient.WAIT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** The status of a GET answered on this connection; its body is read and dropped. */
        int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + AdminRig.TOKEN
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int status = Integer.parseInt(SseClient.line(in).split(" ")[1]);
            int length = 0;
            for (String h = SseClient.line(in); !h.isEmpty(); h = SseClient.line(in)) {
                List<String> kv = List.of(h.split(":", 2));
                if (kv.get(0).equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(kv.get(1).trim());
                }
            }
            in.readNBytes(length);
            return status;
        }

        int getAndClose(String path) throws IOException {
            try (this) {
                return get(path);
            }
        }

        /**
         * GETs one after another until the server closes the connection: true when it did,
         * false when a request went unanswered for {@link SseClient#WAIT_MS}.
         */
        boolean requestUntilClosed() {
            try {
                while (true) {
                    firstStatus.complete(get("/api/queues"));
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }

        /** True when the server closed this idle connection (end of stream or reset) within the wait. */
        boolean closedByServer() {
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
