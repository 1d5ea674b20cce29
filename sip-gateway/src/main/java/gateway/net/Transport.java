package gateway.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty transport: native epoll where the platform has it, NIO everywhere else. */
public enum Transport {
    EPOLL(EpollDatagramChannel.class, EpollServerSocketChannel.class),
    NIO(NioDatagramChannel.class, NioServerSocketChannel.class);

    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    private static final Transport BEST = detect();

    private final Class<? extends DatagramChannel> datagramChannel;
    private final Class<? extends ServerSocketChannel> serverSocketChannel;

    Transport(Class<? extends DatagramChannel> datagramChannel, Class<? extends ServerSocketChannel> serverSocketChannel) {
        this.datagramChannel = datagramChannel;
        this.serverSocketChannel = serverSocketChannel;
    }

    public Class<? extends DatagramChannel> datagramChannel() {
        return datagramChannel;
    }

    public Class<? extends ServerSocketChannel> serverSocketChannel() {
        return serverSocketChannel;
    }

    private IoHandlerFactory ioHandlerFactory() {
        // the epoll factory is only created, and its native library only loaded, when chosen
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** A group of {@code threads} loops of this transport, threads named {@code name-N}. */
    public EventLoopGroup newGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
    }

    /** The transport chosen once for this process. */
    public static Transport best() {
        return BEST;
    }

    private static Transport detect() {
        if (Epoll.isAvailable()) {
            log.info("network transport: native epoll");
            return EPOLL;
        }
        log.info("network transport: NIO (epoll unavailable: {})", Epoll.unavailabilityCause().toString());
        return NIO;
    }
}
