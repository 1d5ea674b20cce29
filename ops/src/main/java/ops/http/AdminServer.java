package ops.http;

import acd.command.AcdCommands;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import ops.live.TodayTally;
import ops.records.CallRecords;
import ops.reports.Reports;
import ops.sessions.SignedOutSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin REST API and the Prometheus scrape over HTTP/1.1 (see {@code openapi.json}). It
 * has its own one-thread event loop, never the call loops, and runs every route on a small
 * worker pool, since routes wait on the core, the records database and the disk. Build with
 * {@link #builder()}, {@link Builder#start()}, and {@link #close()} at shutdown.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    /** Request bodies are tiny (a pause reason); anything larger is refused with 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final String OPENAPI = "/ops/http/openapi.json";
    static final List<String> DEFAULT_PAUSE_REASONS = List.of("break", "lunch", "meeting", "training", "coaching");
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final AdminApi api;
    private final LiveFeed live;
    private final EventLoopGroup loop;
    private final ThreadPoolExecutor work;
    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Every open connection, so {@link #close()} closes each while the loop still runs. */
    private final ChannelGroup connections = new DefaultChannelGroup("admin-http", GlobalEventExecutor.INSTANCE);

    private AdminServer(Builder b) throws InterruptedException {
        SignOuts signOuts = new SignOuts(b.signedOut, System::currentTimeMillis);
        Access access = new Access(BearerAuth.of(b.token, "http.token"),
                b.wallboardToken == null ? null : BearerAuth.of(b.wallboardToken, "http.wallboardToken"),
                new SessionCookies(b.token, b.wallboardToken, System::currentTimeMillis), signOuts);
        Snapshots snapshots = new Snapshots(b.commands, b.liveCalls, b.contacts, b.serviceLevels, b.today);
        this.live = new LiveFeed(snapshots, b.config, signOuts::signedOut);
        SessionApi sessions = new SessionApi(access, new SignInThrottle(() -> System.nanoTime() / 1_000_000),
                b.pauseReasons, System::currentTimeMillis, live::endStreams);
        Routes routes = routes(b, snapshots, live);
        sessions.register(routes);
        this.api = new AdminApi(routes, access, sessions, BearerAuth.of(b.metricsToken, "http.metricsToken"),
                WebAssets.page());
        this.work = new ThreadPoolExecutor(b.workers, b.workers, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                new DefaultThreadFactory("admin-http-work", true));
        work.allowCoreThreadTimeOut(true);
        this.loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("admin-http", true), NioIoHandler.newFactory());
        try {
            this.channel = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                    // an event stream that cannot take writes is skipped until it can (LiveFeed)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 256 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                    new BodyLimit(MAX_BODY_BYTES), new AdminHandler(api, work));
                        }
                    })
                    .bind(b.listen).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutDown();
            throw e;
        }
        log.info("admin API listening on {} (metrics {})", channel.localAddress(),
                b.metricsToken == null ? "open" : "need a token");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port bound (the one asked for, or the one the system chose for port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * The event stream's hub: the core's events, the gateway's call facts, journal commits and
     * config reloads go here to reach the page.
     */
    public LiveFeed live() {
        return live;
    }

    /** The route table, as "METHOD /path/{param}" (for the OpenAPI test). */
    List<String> routeTable() {
        return api.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    /**
     * Stops accepting, then closes the streams and every connection while the loop still runs,
     * then the workers, then the loop. Netty 4.2's loop closes its channels at shutdown only when
     * it sees the shutdown between its I/O and its tasks; one that lands after that check ends
     * the loop with connections still open and never read again, so a client waiting on one (a
     * browser's reconnect after an in-process restart) never heard back. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.close().syncUninterruptibly();
        shutDown();
    }

    private void shutDown() {
        live.close();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        work.shutdown();
        try {
            if (!work.awaitTermination(2, TimeUnit.SECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Routes routes(Builder b, Snapshots snapshots, LiveFeed live) {
        Routes routes = new Routes();
        new AgentsApi(b.commands, snapshots).register(routes);
        new QueuesApi(snapshots).register(routes);
        routes.view("GET", "/api/events", r -> new ApiResponse.Stream(live, r.role(),
                r.caller().session() == null ? null : r.caller().session().nonce()));
        new CallsApi(b.commands, b.liveCalls, b.records).register(routes);
        new FilesApi(b.records).register(routes);
        new ReportsApi(b.reports).register(routes);
        new ConfigApi(b.config).register(routes);
        TrunkStates trunks = b.trunks;
        routes.add("GET", "/api/trunks", r -> ApiResponse.ok(trunks.all()));
        byte[] openApi = resource(OPENAPI);
        Supplier<String> scrape = b.scrape;
        routes.add("GET", "/api/openapi.json", r -> new ApiResponse.Bytes(200, ResponseWriter.JSON, openApi, Map.of()))
                .add("GET", AdminApi.METRICS, r -> new ApiResponse.Bytes(200, METRICS_TYPE,
                        scrape.get().getBytes(StandardCharsets.UTF_8), Map.of()));
        return routes;
    }

    static byte[] resource(String name) {
        try (InputStream in = AdminServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the API reaches; each port is required, so nothing is silently left out. */
    public static final class Builder {
        private InetSocketAddress listen;
        private String token;
        private String metricsToken;
        private String wallboardToken;
        private Supplier<List<String>> pauseReasons = () -> DEFAULT_PAUSE_REASONS;
        private AcdCommands commands;
        private CallRecords records;
        private Reports reports;
        private LiveCalls liveCalls;
        private Contacts contacts;
        private TrunkStates trunks;
        private SignedOutSessions signedOut;
        private ConfigControl config;
        private Supplier<String> scrape;
        private int workers = 4;
        private Function<String, Duration> serviceLevels = queueId -> null;
        private Function<String, TodayTally.Today> today = queueId -> TodayTally.Today.NONE;

        private Builder() {
        }

        /** {@code http.listen}; port 0 picks a free port (see {@link AdminServer#port()}). */
        public Builder listen(InetSocketAddress address) {
            this.listen = address;
            return this;
        }

        /** {@code http.token}, required by every path but /metrics. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** {@code http.wallboardToken}: signs in read-only (null: no viewer sign-in). */
        public Builder wallboardToken(String wallboardToken) {
            this.wallboardToken = wallboardToken;
            return this;
        }

        /** The configured {@code pauseReasons} the page offers, read on every {@code GET /api/session}. */
        public Builder pauseReasons(Supplier<List<String>> pauseReasons) {
            this.pauseReasons = Objects.requireNonNull(pauseReasons);
            return this;
        }

        public Builder commands(AcdCommands commands) {
            this.commands = commands;
            return this;
        }

        public Builder records(CallRecords records) {
            this.records = records;
            return this;
        }

        public Builder reports(Reports reports) {
            this.reports = reports;
            return this;
        }

        public Builder liveCalls(LiveCalls liveCalls) {
            this.liveCalls = liveCalls;
            return this;
        }

        public Builder contacts(Contacts contacts) {
            this.contacts = contacts;
            return this;
        }

        /** The trunks' registration states ({@link TrunkStates#NONE} for none). */
        public Builder trunks(TrunkStates trunks) {
            this.trunks = trunks;
            return this;
        }

        /** Where sign-outs are kept across restarts ({@link SignedOutSessions#NONE}: until a restart only). */
        public Builder signedOut(SignedOutSessions signedOut) {
            this.signedOut = signedOut;
            return this;
        }

        public Builder config(ConfigControl config) {
            this.config = config;
            return this;
        }

        /** The Prometheus scrape, and {@code http.metricsToken} (null: no token needed). */
        public Builder metrics(Supplier<String> scrape, String metricsToken) {
            this.scrape = scrape;
            this.metricsToken = metricsToken;
            return this;
        }

        /** Each queue's service-level threshold, or null (default: none known). */
        public Builder serviceLevels(Function<String, Duration> serviceLevels) {
            this.serviceLevels = Objects.requireNonNull(serviceLevels);
            return this;
        }

        /** Each queue's figures today (default: all zero), e.g. {@link TodayTally#of}. */
        public Builder today(Function<String, TodayTally.Today> today) {
            this.today = Objects.requireNonNull(today);
            return this;
        }

        /** Worker threads for the routes (default 4). */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("admin API workers must be 1..64, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Binds and starts serving; throws naming the first missing setting. */
        public AdminServer start() throws InterruptedException {
            Objects.requireNonNull(listen, "AdminServer: listen (http.listen) is required");
            Objects.requireNonNull(token, "AdminServer: token (http.token) is required");
            if (token.strip().equals(wallboardToken == null ? null : wallboardToken.strip())) {
                throw new IllegalArgumentException("AdminServer: the wallboard token must differ from the API token");
            }
            Objects.requireNonNull(commands, "AdminServer: commands is required");
            Objects.requireNonNull(records, "AdminServer: records is required");
            Objects.requireNonNull(reports, "AdminServer: reports is required");
            Objects.requireNonNull(liveCalls, "AdminServer: liveCalls is required (LiveCalls.NONE for none)");
            Objects.requireNonNull(contacts, "AdminServer: contacts is required (Contacts.NONE for none)");
            Objects.requireNonNull(config, "AdminServer: config is required");
            Objects.requireNonNull(trunks, "AdminServer: trunks is required (TrunkStates.NONE for none)");
            Objects.requireNonNull(scrape, "AdminServer: metrics scrape is required");
            Objects.requireNonNull(signedOut, "AdminServer: signedOut is required (SignedOutSessions.NONE for none)");
            return new AdminServer(this);
        }
    }
}
