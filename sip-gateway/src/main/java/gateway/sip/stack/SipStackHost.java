package gateway.sip.stack;

import gateway.sip.tcp.TcpConnections;
import gateway.sip.tcp.TcpProcessorFactory;
import gateway.sip.tls.TlsListen;
import gateway.sip.tls.TlsPolicy;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TooManyListenersException;
import java.util.function.Function;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Jain-SIP RI stack with a single provider listening on UDP and TCP at the same
 * address and port, and on TLS at its own when the settings ask for it. Owns the stack's life: {@link #start} creates and binds it, {@link #close}
 * removes the listener, deletes the provider (which stops the stack) and ends the stack's
 * "EventScannerThread", which Jain-SIP leaves parked forever otherwise.
 */
public final class SipStackHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipStackHost.class);
    private static final String SCANNER_THREAD = "EventScannerThread";
    private static final int BIND_ATTEMPTS = 20;
    /** Stack creation is serialised so each stack can tell which scanner thread is its own. */
    private static final Object CREATION = new Object();

    private final SipStackSettings settings;
    private final SipStack stack;
    private final SipProvider provider;
    private SipListener listener;
    private final int port;
    private final Set<Thread> ownThreads;
    private final TcpConnections tcp;
    private final MessageFactory messageFactory;
    private final HeaderFactory headerFactory;
    private final AddressFactory addressFactory;
    private volatile boolean closed;

    private SipStackHost(SipStackSettings settings, SipStack stack, SipProvider provider, Set<Thread> ownThreads,
                         TcpConnections tcp, SipFactory factory) throws PeerUnavailableException {
        this.settings = settings;
        this.stack = stack;
        this.provider = provider;
        this.port = provider.getListeningPoint(ListeningPoint.UDP).getPort();
        this.ownThreads = ownThreads;
        this.tcp = tcp;
        this.messageFactory = factory.createMessageFactory();
        this.headerFactory = factory.createHeaderFactory();
        this.addressFactory = factory.createAddressFactory();
    }

    /**
     * Creates the stack, binds UDP and TCP and starts delivering events to the listener that
     * {@code listenerFactory} builds from the bound host (the listener usually needs its provider).
     * Port 0 means any free port (Jain-SIP itself refuses 0); if another process takes the chosen
     * port first, a fresh stack tries another one.
     */
    public static SipStackHost start(SipStackSettings settings, Function<SipStackHost, SipListener> listenerFactory)
            throws SipException {
        synchronized (CREATION) {
            SipException last = null;
            boolean anyPort = settings.port() == 0 || settings.tls().map(t -> t.port() == 0).orElse(false);
            for (int attempt = 0; attempt < (anyPort ? BIND_ATTEMPTS : 1); attempt++) {
                int port = settings.port() == 0 ? freePort(settings.address()) : settings.port();
                // each attempt is a fresh stack under its own name (thread names tell them apart)
                String name = attempt == 0 ? settings.name() : settings.name() + "-" + attempt;
                try {
                    return startOnce(withFreeTlsPort(settings.withPort(port)), name, listenerFactory);
                } catch (SipException e) {
                    last = e;
                    LOG.debug("SIP stack {} could not bind port {}: {}", name, port, e.getMessage());
                }
            }
            throw last;
        }
    }

    private static SipStackHost startOnce(SipStackSettings settings, String name,
                                          Function<SipStackHost, SipListener> listenerFactory) throws SipException {
        Set<Thread> before = scannerThreads();
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = new BranchLookupStack(properties(settings, name));
        TcpConnections connections = new TcpConnections(settings.tcp());
        ((SipStackImpl) stack).setMessageProcessorFactory(new TcpProcessorFactory(connections,
                settings.threadPoolSize(), settings.tls().map(TlsListen::context)));
        try {
            ListeningPoint udp = listeningPoint(stack, settings.address(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = listeningPoint(stack, settings.address(), settings.port(), ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            if (settings.tls().isPresent()) {
                TlsListen tls = settings.tls().get();
                provider.addListeningPoint(listeningPoint(stack, tls.address(), tls.port(), ListeningPoint.TLS));
            }
            Set<Thread> own = scannerThreads();
            SipStackHost host = new SipStackHost(settings, stack, provider, own, connections, factory);
            host.listener = new PinRelease(listenerFactory.apply(host), host.router());
            provider.addSipListener(host.listener);
            stack.start();
            own.addAll(scannerThreads());
            own.removeAll(before);
            LOG.info("SIP stack {} listening on {}:{} (UDP and TCP){}", name, settings.address(), host.port,
                    settings.tls().map(t -> ", " + t.address() + ":" + t.port() + " (TLS)").orElse(""));
            return host;
        } catch (SipException | TooManyListenersException | RuntimeException e) {
            stopQuietly(stack);
            interruptScanners(before);
            throw e instanceof SipException se ? se : new SipException("cannot start SIP stack " + name, e);
        }
    }

    private static void stopQuietly(SipStack stack) {
        try {
            stack.stop();
        } catch (RuntimeException e) {
            // a listening point that never bound has no socket to close (Jain-SIP then throws NPE)
            LOG.debug("stopping a SIP stack that did not start", e);
        }
    }

    private static Properties properties(SipStackSettings s, String name) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(s.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMsgParser.Factory.class.getName());
        p.setProperty("javax.sip.ROUTER_PATH", NatRouter.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", NatConnections.class.getName());
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(s.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(s.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", Long.toString(s.congestionTimeout().toMillis()));
        // NIO: one selector thread for all TCP connections (the blocking processor takes two per
        // connection); TcpProcessorFactory replaces the factory named here once the stack exists
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", NioMessageProcessorFactory.class.getName());
        // 0 turns off the RI's idle closer, which would also close connections phones registered
        // over; TcpConnections closes idle connections instead
        p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "0");
        // TLS engines: our versions and suites; phones show no client certificate (digest instead)
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", TlsPolicy.PROTOCOLS));
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", TlsPolicy.cipherSuites()));
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        // the RI's SSL state machine takes fresh 16-33 KB buffers per record; on the heap they go
        // with the next young collection, direct ones only when a Cleaner gets to them
        p.setProperty("gov.nist.javax.sip.stack.USE_DIRECT_BUFFERS", "false");
        return p;
    }

    /** The settings with a free port for TLS when they ask for port 0 there. */
    private static SipStackSettings withFreeTlsPort(SipStackSettings s) throws SipException {
        if (s.tls().isEmpty() || s.tls().get().port() != 0) {
            return s;
        }
        TlsListen tls = s.tls().get();
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(tls.address()), 0));
            return s.withTls(tls.withPort(probe.getLocalPort()));
        } catch (IOException e) {
            throw new SipException("cannot find a free TLS port on " + tls.address(), e);
        }
    }

    /** A port free on {@code address} for both UDP and TCP right now. */
    private static int freePort(String address) throws SipException {
        IOException last = null;
        for (int i = 0; i < BIND_ATTEMPTS; i++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address),
                        tcp.getLocalPort()))) {
                    return udp.getLocalPort();
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new SipException("cannot find a port free for UDP and TCP on " + address, last);
    }

    private static ListeningPoint listeningPoint(SipStack stack, String address, int port, String transport)
            throws SipException {
        try {
            return stack.createListeningPoint(address, port, transport);
        } catch (TransportNotSupportedException | InvalidArgumentException e) {
            throw new SipException("cannot listen on " + transport + " " + address + ":" + port, e);
        } catch (RuntimeException e) {
            // Jain-SIP wraps a BindException in unchecked exceptions for some transports.
            throw new SipException("cannot listen on " + transport + " " + address + ":" + port + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof BindException ? " (address in use)" : "";
    }

    private static void deleteQuietly(SipStack stack, ListeningPoint lp) {
        try {
            stack.deleteListeningPoint(lp);
        } catch (ObjectInUseException e) {
            LOG.debug("listening point still in use", e);
        }
    }

    public SipProvider provider() {
        return provider;
    }

    public MessageFactory messageFactory() {
        return messageFactory;
    }

    public HeaderFactory headerFactory() {
        return headerFactory;
    }

    public AddressFactory addressFactory() {
        return addressFactory;
    }

    public SipStackSettings settings() {
        return settings;
    }

    /** The bound port (the OS's choice when the settings asked for port 0). */
    public int port() {
        return port;
    }

    /** The TLS port, or -1 without TLS. */
    public int tlsPort() {
        ListeningPoint tls = provider.getListeningPoint(ListeningPoint.TLS);
        return tls == null ? -1 : tls.getPort();
    }

    public String address() {
        return settings.address();
    }

    public ListeningPoint listeningPoint(String transport) {
        return provider.getListeningPoint(transport);
    }

    /** The stack's router: where requests to phones behind NAT, in their dialogs too, are sent. */
    public NatRouter router() {
        return (NatRouter) stack.getRouter();
    }

    /** The stack's TCP connections and their limits. */
    public TcpConnections tcp() {
        return tcp;
    }

    /** Server transactions the stack currently holds, including completed ones awaiting their timers. */
    public int serverTransactions() {
        return ((SipStackImpl) stack).getServerTransactionTableSize();
    }

    public int clientTransactions() {
        return ((SipStackImpl) stack).getClientTransactionTableSize();
    }

    /** Dialogs the stack currently holds. */
    public Collection<Dialog> dialogs() {
        return ((SipStackImpl) stack).getDialogs();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            provider.removeSipListener(listener);
        }
        try {
            // Deleting the last provider stops the stack; stack.stop() would only add another second.
            stack.deleteSipProvider(provider);
            for (ListeningPoint lp : provider.getListeningPoints()) {
                deleteQuietly(stack, lp);
            }
        } catch (ObjectInUseException | RuntimeException e) {
            LOG.warn("SIP stack {}: provider did not close cleanly, stopping the stack", settings.name(), e);
            stopQuietly(stack);
        }
        ownThreads.forEach(Thread::interrupt);
        LOG.info("SIP stack {} stopped", settings.name());
    }

    private static Set<Thread> scannerThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (SCANNER_THREAD.equals(t.getName())) {
                threads.add(t);
            }
        }
        return threads;
    }

    private static void interruptScanners(Set<Thread> keep) {
        Set<Thread> started = scannerThreads();
        started.removeAll(keep);
        started.forEach(Thread::interrupt);
    }
}
