package gateway.sip.stack;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Writes on the connection under one of the stack's TCP channels. The stack writes only through
 * its connection cache, which learns a connection once a first request on it was processed, so
 * a message that breaks on the way in, first on its connection, could not be answered on it.
 */
final class Connections {
    private Connections() {
    }

    /**
     * Writes {@code bytes} whole, straight on the socket: this runs on the selector thread while
     * it parses what came in (the only thread that writes the stack's queued messages, so nothing
     * interleaves), and a queued write could still be waiting when the caller closes the connection.
     * A peer that does not take the bytes loses the connection.
     */
    static void write(ConnectionOrientedMessageChannel channel, byte[] bytes) throws IOException {
        SocketChannel socket = channel instanceof NioTcpMessageChannel nio ? nio.getSocketChannel() : null;
        if (socket == null || !socket.isOpen()) {
            throw new IOException("connection " + channel.getKey() + " is closed");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (socket.write(buffer) == 0) {
                channel.close();
                throw new IOException("connection " + channel.getKey() + " does not take our answer");
            }
        }
    }
}
