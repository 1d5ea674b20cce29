package gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on loopback between the browser and the server whose line a test can cut: every open
 * connection is dropped, and new ones are closed as soon as they arrive, until {@link #restore}.
 * The page's view of a network that goes away, without touching the server.
 */
final class CuttableLink implements AutoCloseable {
    /** Whether connections pass. */
    private enum State { UP, CUT, CLOSED }

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final List<Socket> open = new ArrayList<>();
    private State state = State.UP;

    CuttableLink(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "cuttable-link");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection and refuses new ones. */
    synchronized void cut() {
        state = State.CUT;
        closeOpen();
    }

    synchronized void restore() {
        if (state == State.CUT) {
            state = State.UP;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        state = State.CLOSED;
        closeOpen();
        listener.close();
    }

    private void accept() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                relay(client);
            } catch (IOException e) {
                quietly(client); // the server went away: the browser sees a dropped connection
            }
        }
    }

    private synchronized void relay(Socket client) throws IOException {
        if (state != State.UP) {
            client.close();
            return;
        }
        Socket server = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
    }

    /** Copies one direction until either side closes, then closes both. */
    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // cut, or one side closed
            } finally {
                quietly(from);
                quietly(to);
            }
        }, "cuttable-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeOpen() {
        open.forEach(CuttableLink::quietly);
        open.clear();
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
