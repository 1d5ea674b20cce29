package acd.bench.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads every socket of one side on one thread (a Selector), latches each socket onto its
 * sender and hands what arrives to the side's accounting, stamped with the arrival time.
 * One read per ready socket and wake-up: the selector is level-triggered, so a socket with more
 * waiting is ready again at once, and a socket holding a single packet (the usual case at 50
 * packets a second) costs one receive, not a second one to find it empty. No allocation per
 * packet: one direct buffer, the socket index attached to its key.
 */
final class Receiver implements Runnable {
    private final Side side;
    private final Selector selector;
    private final Supplier<Window> window;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private volatile boolean running = true;
    private Window current = Window.NONE; // the window as of this round
    private volatile long rounds; // written after each round: what the round counted is visible past it
    private long relatches;

    Receiver(Side side, Supplier<Window> window) throws IOException {
        this.side = side;
        this.window = window;
        this.selector = Selector.open();
        for (int i = 0; i < side.size(); i++) {
            side.channel(i).register(selector, SelectionKey.OP_READ, i);
        }
    }

    @Override
    public void run() {
        try {
            Consumer<SelectionKey> drain = this::drain; // one for all rounds: no allocation per round
            while (running) {
                current = window.get();
                selector.select(drain, 10);
                rounds++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void drain(SelectionKey key) {
        int socket = (Integer) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        buffer.clear();
        SocketAddress from;
        try {
            from = channel.receive(buffer);
        } catch (IOException e) {
            side.accounting().strange(); // an ICMP error reported on the socket: the peer went away
            return;
        }
        if (from != null) {
            long arrival = System.nanoTime();
            buffer.flip();
            count(socket, from, arrival, current);
        }
    }

    private void count(int socket, SocketAddress from, long arrival, Window w) {
        Accounting accounting = side.accounting();
        switch (Mark.kind(buffer)) {
            case MARKED -> {
                latch(socket, from);
                accounting.marked(socket, Mark.streamId(buffer), Mark.seq(buffer), Mark.sentNanos(buffer), arrival, w);
            }
            case UNMARKED -> {
                latch(socket, from);
                accounting.unmarked();
            }
            case RTCP -> accounting.rtcp();
            case NOT_RTP -> accounting.strange();
        }
    }

    private void latch(int socket, SocketAddress from) {
        if (side.heard(socket, from)) {
            relatches++;
        }
    }

    /** Rounds done so far: reading it makes the counts of those rounds visible to the caller. */
    long rounds() {
        return rounds;
    }

    long relatches() {
        return relatches;
    }

    void stop() {
        running = false;
        selector.wakeup();
    }
}
