package acd.bench.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The UDP sockets of one side (callers or agents), one per call, each on its own port (the one
 * SIPp puts in its SDP), and where each sends: symmetric RTP, the source of the last RTP packet
 * the socket received from the server, unknown until the first arrives.
 */
final class Side implements AutoCloseable {
    private final String name;
    private final int streamBase;
    private final byte[] tone;
    private final DatagramChannel[] channels;
    private final AtomicReferenceArray<SocketAddress> remotes;
    private final Accounting accounting;

    private Side(String name, int streamBase, int hz, DatagramChannel[] channels, int otherBase) {
        this.name = name;
        this.streamBase = streamBase;
        this.tone = Mark.tone(hz);
        this.channels = channels;
        this.remotes = new AtomicReferenceArray<>(channels.length);
        this.accounting = new Accounting(channels.length, otherBase);
    }

    /** Binds {@code sockets} non-blocking UDP sockets on free ports of {@code host}. */
    static Side bind(String name, String host, int sockets, int streamBase, int otherBase, int hz)
            throws IOException {
        DatagramChannel[] channels = new DatagramChannel[sockets];
        try {
            for (int i = 0; i < sockets; i++) {
                channels[i] = DatagramChannel.open();
                channels[i].configureBlocking(false);
                channels[i].bind(new InetSocketAddress(host, 0));
            }
        } catch (IOException e) {
            for (DatagramChannel c : channels) {
                if (c != null) {
                    c.close();
                }
            }
            throw e;
        }
        return new Side(name, streamBase, hz, channels, otherBase);
    }

    String name() {
        return name;
    }

    int size() {
        return channels.length;
    }

    DatagramChannel channel(int i) {
        return channels[i];
    }

    int port(int i) throws IOException {
        return ((InetSocketAddress) channels[i].getLocalAddress()).getPort();
    }

    /** The stream id socket i sends with. */
    int streamId(int i) {
        return streamBase + i;
    }

    byte[] tone() {
        return tone;
    }

    SocketAddress remote(int i) {
        return remotes.get(i);
    }

    /** Latches socket i onto the source of an RTP packet; true if it moved (a relatch). */
    boolean heard(int i, SocketAddress source) {
        SocketAddress old = remotes.get(i);
        if (source.equals(old)) {
            return false;
        }
        remotes.set(i, source);
        return old != null;
    }

    /** Sockets that know where to send. */
    int latched() {
        int n = 0;
        for (int i = 0; i < channels.length; i++) {
            n += remotes.get(i) != null ? 1 : 0;
        }
        return n;
    }

    Accounting accounting() {
        return accounting;
    }

    @Override
    public void close() throws IOException {
        for (DatagramChannel c : channels) {
            c.close();
        }
    }
}
