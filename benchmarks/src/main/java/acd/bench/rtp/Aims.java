package acd.bench.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the caller sockets send before they hear anything: the SIPp caller appends one line per
 * answered call to a file, {@code <our port> <server's RTP address> <its port>} from the 200's
 * SDP, as a phone sends to the SDP address at once. Without it a caller socket waits for the
 * server's first packet, and a call bridged before the server played anything to the caller
 * (its ACK late on a busy box) stays silent both ways. Read on its own thread, every 10 ms.
 */
final class Aims implements Runnable {
    private final Path file;
    private final Side side;
    private final Map<Integer, Integer> socketByPort = new HashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
    private volatile boolean running = true;
    private long position;
    private volatile int aimed; // written by this thread only

    Aims(Path file, Side side) throws IOException {
        this.file = file;
        this.side = side;
        for (int i = 0; i < side.size(); i++) {
            socketByPort.put(side.port(i), i);
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                readNew();
                Thread.sleep(10);
            } catch (IOException e) {
                System.out.println("rtp-load: cannot read " + file + ": " + e);
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readNew() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = in.read(chunk.clear(), position)) > 0) {
                position += n;
                partial.append(new String(chunk.array(), 0, n, StandardCharsets.US_ASCII));
            }
        }
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, end).trim());
            partial.delete(0, end + 1);
        }
    }

    /** {@code <our port> <address> <port>}: aims that socket unless it has heard the server already. */
    void line(String line) {
        String[] f = line.split("\\s+");
        Integer socket = f.length == 3 ? socketByPort.get(Integer.valueOf(f[0])) : null;
        if (socket == null) {
            System.out.println("rtp-load: ignored aim line '" + line + "'");
            return;
        }
        if (side.remote(socket) == null) {
            side.heard(socket, new InetSocketAddress(f[1], Integer.parseInt(f[2])));
            aimed++;
        }
    }

    /** Sockets aimed from signalling before they heard the server. */
    int aimed() {
        return aimed;
    }

    void stop() {
        running = false;
    }
}
