package gateway.sip.stack;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Socket;

/**
 * Writes on the connection under one of the stack's TCP channels. The stack writes only through
 * its connection cache, which learns a connection once a first request on it was processed, so
 * a message that breaks on the way in, first on its connection, could not be answered on it;
 * the socket is a protected field of the channel, read here.
 */
final class Connections {
    private static final Field SOCKET = socketField();

    private Connections() {
    }

    /** Writes {@code bytes} whole, under the lock the stack's own writes take (the output stream). */
    static void write(ConnectionOrientedMessageChannel channel, byte[] bytes) throws IOException {
        Socket socket;
        try {
            socket = (Socket) SOCKET.get(channel);
        } catch (IllegalAccessException e) {
            throw new IOException("cannot reach the connection of " + channel.getKey(), e);
        }
        if (socket == null || socket.isClosed()) {
            throw new IOException("connection " + channel.getKey() + " is closed");
        }
        OutputStream out = socket.getOutputStream();
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    private static Field socketField() {
        try {
            Field f = ConnectionOrientedMessageChannel.class.getDeclaredField("mySock");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
