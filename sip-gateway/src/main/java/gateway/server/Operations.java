package gateway.server;

import acd.agent.RestoredStatus;
import acd.event.AcdEventListener;
import config.model.AcdConfig;
import config.model.Queue;
import config.reload.ConfigReloader;
import config.reload.ReloadStatus;
import config.validate.ConfigError;
import gateway.sip.registrar.Binding;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ops.http.AdminServer;
import ops.http.ConfigControl;
import ops.http.Contacts;
import ops.http.LiveCall;
import ops.http.LiveCalls;
import ops.http.LiveFeed;
import ops.http.ReloadResult;
import ops.http.TrunkStates;
import ops.metrics.AcdMetrics;
import ops.live.TodayTally;
import ops.metrics.GatewayGauges;
import ops.records.CallJournal;
import ops.records.Storage;
import ops.records.StorageSettings;
import ops.registrations.RegistrationStore;
import ops.reports.SqlReports;
import ops.sessions.SignedOutSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What admins and supervisors use, built from the config around the gateway: call records and
 * queue events (SQLite or PostgreSQL, written by the journal's own thread), the registrations
 * (written behind the registrar by a thread of their own), Prometheus metrics,
 * and the admin HTTP API. The call path only hands facts and events over; none of this runs on
 * a call loop or the core's thread.
 */
final class Operations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Operations.class);
    private final Storage storage;
    private final CallJournal journal;
    private final RegistrationStore registrations;
    private final AcdMetrics metrics;
    private final TodayTally today;
    private final SqlReports reports;
    private volatile Map<String, Queue> queues;
    private Map<String, Integer> answeredEarlierToday = Map.of();
    private Map<String, RestoredStatus> lastStatuses = Map.of();
    /** Set once the API serves: the core and the call loops start telling it before. */
    private volatile AdminServer admin;

    private Operations(Storage storage, AcdConfig config) throws SQLException {
        this.storage = storage;
        this.queues = byId(config); // first: the journal's crash recovery already asks for departments
        this.metrics = new AcdMetrics(System::currentTimeMillis, this::serviceLevel);
        this.journal = CallJournal.start(storage, this::department);
        this.registrations = RegistrationStore.start(storage);
        this.reports = new SqlReports(storage.dataSource(), this::serviceLevel);
        this.today = new TodayTally(System::currentTimeMillis, ZoneId.systemDefault(), this::serviceLevel);
        seedToday();
        metrics.addQueues(config.queues().stream().map(Queue::id).toList());
    }

    /** Opens the records (recovering calls a crash cut short) and the metrics registry. */
    static Operations open(AcdConfig config) throws SQLException {
        return new Operations(Storage.open(storageSettings(config)), config);
    }

    private static StorageSettings storageSettings(AcdConfig config) {
        var s = config.storage();
        return new StorageSettings(s.dir(), s.database() == null ? null : s.database().value(), s.queueLog(), serverId());
    }

    /** Names this server in every row, so several servers can share one PostgreSQL database. */
    private static String serverId() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "acd";
        }
    }

    /** The registrar's bindings in the storage: what the last run left, and where the changes go. */
    SavedRegistrations registrations() {
        return new SavedRegistrations(registrations);
    }

    /** Today's figures and the agents' statuses from the records, so a restart keeps the day as it was. */
    private void seedToday() {
        try {
            today.seed(reports);
        } catch (RuntimeException e) {
            log.warn("today's queue figures start from zero: the records could not be read ({})", e.toString());
        }
        try {
            answeredEarlierToday = today.answeredByAgent(reports);
        } catch (RuntimeException e) {
            log.warn("the agents' calls answered today start from zero: the records could not be read ({})",
                    e.toString());
        }
        try {
            lastStatuses = reports.lastStatuses();
        } catch (RuntimeException e) {
            log.warn("every agent starts logged in as configured: their last statuses could not be read ({})",
                    e.toString());
        }
    }

    /** Each agent's status as the records last had it when this start opened them. */
    Map<String, RestoredStatus> lastStatuses() {
        return lastStatuses;
    }

    /** Calls each agent answered today before this start, as the records held them when it opened. */
    Map<String, Integer> answeredEarlierToday() {
        return answeredEarlierToday;
    }

    /**
     * The core's events go to the log, the records, the metrics, today's tally and the live feed;
     * each call's facts to the records and the live feed.
     */
    Observers observers(AcdEventListener eventLog) {
        AcdEventListener all = e -> {
            eventLog.onEvent(e);
            journal.onEvent(e);
            metrics.onEvent(e);
            today.onEvent(e);
            liveChanged();
        };
        return new Observers(all, LiveFeed.facts(journal, this::liveChanged), metrics.gateway());
    }

    private void liveChanged() {
        AdminServer a = admin;
        if (a != null) {
            a.live().changed();
        }
    }

    /** Once the gateway is up: its gauges, and the admin API on {@code http.listen}. */
    void serve(AcdConfig config, Gateway gateway, ConfigReloader reloader) throws InterruptedException {
        metrics.bindGateway(new GatewayGauges(gateway.sip()::registrations, gateway.b2bua()::activeCalls,
                gateway.b2bua()::activeLegs, gateway.rtp()::packetsSentTotal, gateway.rtp()::packetsDroppedTotal));
        reloader.onStatus(status -> {
            metrics.gateway().configReloaded(status.ok());
            AdminServer a = admin;
            if (a != null) {
                a.live().configChanged();
            }
        });
        var http = config.http();
        admin = AdminServer.builder()
                .listen(new InetSocketAddress(http.listen().host(), http.listen().port()))
                .token(http.token().value())
                .wallboardToken(http.wallboardToken() == null ? null : http.wallboardToken().value())
                .pauseReasons(() -> reloader.current().pauseReasons())
                .commands(gateway.acd())
                .records(storage.records())
                .reports(reports)
                .liveCalls(liveCalls(gateway))
                .contacts(contacts(gateway))
                .trunks(() -> gateway.trunks().statuses().stream()
                        .map(t -> new TrunkStates.TrunkState(t.trunkId(), t.state().name(), t.detail())).toList())
                .config(configControl(reloader))
                .signedOut(SignedOutSessions.in(storage))
                .metrics(metrics::scrape, http.metricsToken() == null ? null : http.metricsToken().value())
                .serviceLevels(this::serviceLevel)
                .today(today::of)
                .start();
        journal.onCommitted(admin.live()::finished);
    }

    /** The admin API's address (port 0 in the config picks a free one). */
    InetSocketAddress adminAddress() {
        return admin.address();
    }

    /** A reloaded config's queues: departments, service levels, and their series. */
    void reconfigure(AcdConfig next) {
        queues = byId(next);
        metrics.addQueues(next.queues().stream().map(Queue::id).toList());
    }

    private static Map<String, Queue> byId(AcdConfig config) {
        return config.queues().stream().collect(Collectors.toUnmodifiableMap(Queue::id, Function.identity()));
    }

    private String department(String queueId) {
        Queue q = queues.get(queueId);
        return q == null ? null : q.department();
    }

    private Duration serviceLevel(String queueId) {
        Queue q = queues.get(queueId);
        return q == null ? null : q.serviceLevel();
    }

    private static LiveCalls liveCalls(Gateway gateway) {
        return new LiveCalls() {
            @Override
            public List<LiveCall> list() {
                return gateway.b2bua().liveCalls().stream()
                        .sorted(Comparator.comparingLong(LiveCall::sinceMs)).toList();
            }

            @Override
            public Optional<LiveCall> get(String callId) {
                return gateway.b2bua().liveCall(callId);
            }

            @Override
            public boolean hangUp(String callId) {
                return gateway.b2bua().hangUp(callId);
            }
        };
    }

    private static Contacts contacts(Gateway gateway) {
        return agentId -> gateway.sip().locator().contactsOf(agentId).stream().map(Binding::contact).toList();
    }

    private static ConfigControl configControl(ConfigReloader reloader) {
        return new ConfigControl() {
            @Override
            public ReloadResult reload() {
                return result(reloader.reload("api"));
            }

            @Override
            public ReloadResult status() {
                return result(reloader.lastStatus());
            }
        };
    }

    private static ReloadResult result(ReloadStatus s) {
        List<ReloadResult.Problem> problems = s.errors().stream().map(Operations::problem).toList();
        return new ReloadResult(s.at().toEpochMilli(), s.trigger(), s.ok(), problems);
    }

    private static ReloadResult.Problem problem(ConfigError e) {
        return new ReloadResult.Problem(e.file(), e.location() == null ? 0 : e.location().line(),
                e.location() == null ? 0 : e.location().column(),
                e.path() == null || e.path().isEmpty() ? e.message() : e.path() + ": " + e.message());
    }

    /** After the gateway stopped (its calls ended): the API, then the records' last batch, then the metrics. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        journal.close();
        registrations.close();
        metrics.close();
    }
}
