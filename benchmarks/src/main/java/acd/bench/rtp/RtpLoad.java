package acd.bench.rtp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The media end of scripts/bench/media.sh: N caller and N agent RTP sockets whose ports SIPp
 * offers in its SDP (caller ports in {@code callers.csv}, one a line after SIPp's SEQUENTIAL
 * header; agent ports in {@code agents.txt}). Every socket sends where the server's packets
 * come from (symmetric RTP; a caller socket from the start, with {@code --aim}, to the address
 * of the server's SDP) marked PCMU at 50 packets per second; the other end counts it. Once
 * every call is bridged both ways (or {@code --ready-by} seconds after the first packet), the
 * steady window opens after {@code --settle} seconds and lasts {@code --seconds}; loss and
 * transit count packets stamped inside it. Prints {@code rtp-load: ready}, {@code window open},
 * {@code window closed} and {@code results written} lines for the script to wait on, writes the
 * figures as key=value lines to {@code --out}, and streams on until it is killed.
 * {@code --aim FILE}: lines {@code <caller port> <server address> <port>} the SIPp callers append
 * from the 200's SDP, so that a caller socket sends before it hears the server (see {@link Aims}).
 * {@code --loopback true} aims each caller socket at an agent socket and back, with no server:
 * the tool's own transit and jitter on this machine, the floor under what it measures; it exits
 * once the figures are written.
 *
 * <pre>java -cp benchmarks.jar acd.bench.rtp.RtpLoad --calls N --dir DIR --seconds S --out FILE
 *     [--ready-by 60] [--settle 1] [--host 127.0.0.1] [--aim FILE] [--loopback false]</pre>
 */
public final class RtpLoad {
    private static final long DRAIN_MS = 1_000;

    private final Side callers;
    private final Side agents;
    private final Receiver fromAgents;
    private final Receiver fromCallers;
    private final Pacer pacer;
    private final List<Thread> threads = new ArrayList<>();
    private Aims aims;
    private volatile Window window = Window.NONE;

    private RtpLoad(int calls, String host) throws IOException {
        callers = Side.bind("callers", host, calls, 0, calls, 400);
        agents = Side.bind("agents", host, calls, calls, 0, 1000);
        fromAgents = new Receiver(callers, () -> window);
        fromCallers = new Receiver(agents, () -> window);
        pacer = new Pacer(() -> window, callers, agents);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int calls = Integer.parseInt(require(o, "calls"));
        RtpLoad load = new RtpLoad(calls, o.getOrDefault("host", "127.0.0.1"));
        Runtime.getRuntime().addShutdownHook(new Thread(load::stop));
        boolean loopback = Boolean.parseBoolean(o.getOrDefault("loopback", "false"));
        if (loopback) {
            load.pairUp();
        } else {
            load.writePorts(Path.of(require(o, "dir")));
        }
        if (o.containsKey("aim")) {
            load.aims = new Aims(Path.of(o.get("aim")), load.callers);
        }
        load.start();
        System.out.println("rtp-load: ready, " + calls + " callers and " + calls + " agents");
        long window = load.steadyWindow(Long.parseLong(o.getOrDefault("ready-by", "60")),
                Long.parseLong(o.getOrDefault("settle", "1")), Long.parseLong(require(o, "seconds")));
        Files.write(Path.of(require(o, "out")), load.results(window).getBytes());
        System.out.println("rtp-load: results written");
        if (!loopback) {
            Thread.currentThread().join(); // streams on: the calls last past the window
        }
    }

    /** Without a server: caller i and agent i send to each other. */
    private void pairUp() throws IOException {
        for (int i = 0; i < callers.size(); i++) {
            callers.heard(i, agents.channel(i).getLocalAddress());
            agents.heard(i, callers.channel(i).getLocalAddress());
        }
    }

    private void writePorts(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        StringBuilder txt = new StringBuilder();
        for (int i = 0; i < callers.size(); i++) {
            csv.append(callers.port(i)).append('\n');
            txt.append(agents.port(i)).append('\n');
        }
        Files.writeString(dir.resolve("callers.csv"), csv);
        Files.writeString(dir.resolve("agents.txt"), txt);
    }

    private void start() {
        for (Runnable r : new Runnable[] {fromAgents, fromCallers, pacer, aims}) {
            if (r == null) {
                continue;
            }
            Thread t = new Thread(r, "rtp-load-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Waits for the calls, opens the window, waits it out; returns the nanos the window lasted. */
    private long steadyWindow(long readyBySeconds, long settleSeconds, long seconds) throws InterruptedException {
        while (callers.latched() == 0) {
            Thread.sleep(50);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readyBySeconds);
        while (!allBridged() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(settleSeconds);
        Window w = new Window(start, start + TimeUnit.SECONDS.toNanos(seconds));
        window = w;
        System.out.printf("rtp-load: window open in %d s for %d s, bridged: %d of %d calls towards the agents, %d towards the callers%n",
                settleSeconds, seconds, agents.accounting().bridged(), agents.size(), callers.accounting().bridged());
        sleepUntil(w.startNanos());
        System.out.println("rtp-load: window opened");
        sleepUntil(w.endNanos());
        System.out.println("rtp-load: window closed");
        Thread.sleep(DRAIN_MS); // packets stamped inside the window still on their way
        return w.endNanos() - w.startNanos();
    }

    private boolean allBridged() {
        return agents.accounting().bridged() == agents.size() && callers.accounting().bridged() == callers.size();
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
        }
    }

    /** Every figure, once each thread has been seen past a round after the drain. */
    private String results(long windowNanos) throws InterruptedException {
        long ticks = pacer.ticks();
        long up = fromCallers.rounds();
        long down = fromAgents.rounds();
        while (pacer.ticks() == ticks || fromCallers.rounds() == up || fromAgents.rounds() == down) {
            Thread.sleep(5);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("calls", callers.size());
        r.put("window_s", windowNanos / 1e9);
        put(r, "up", agents.accounting().result(pacer.sentInWindow(callers)));
        put(r, "down", callers.accounting().result(pacer.sentInWindow(agents)));
        r.put("tool_sent", pacer.sent());
        r.put("tool_send_refused", pacer.refused());
        r.put("tool_stalled_ms", pacer.skippedMs());
        r.put("relatches", fromCallers.relatches() + fromAgents.relatches());
        r.put("callers_aimed_from_sdp", aims == null ? 0 : aims.aimed());
        StringBuilder out = new StringBuilder();
        r.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    /** One direction: up is caller to agent (heard by the agents), down agent to caller. */
    private static void put(Map<String, Object> r, String dir, Accounting.Result x) {
        r.put(dir + "_bridged", x.bridged());
        r.put(dir + "_sent", x.sent());
        r.put(dir + "_received", x.received());
        r.put(dir + "_lost", x.lost());
        r.put(dir + "_streams_with_loss", x.streamsWithLoss());
        r.put(dir + "_seq_gaps", x.gaps());
        r.put(dir + "_reordered", x.reordered());
        r.put(dir + "_misrouted", x.misrouted());
        r.put(dir + "_unmarked", x.unmarked());
        r.put(dir + "_rtcp", x.rtcp());
        r.put(dir + "_strange", x.strange());
        r.put(dir + "_transit_p50_ms", ms(x.transitP50()));
        r.put(dir + "_transit_p99_ms", ms(x.transitP99()));
        r.put(dir + "_transit_p999_ms", ms(x.transitP999()));
        r.put(dir + "_transit_max_ms", ms(x.transitMax()));
        r.put(dir + "_added_jitter_p99_ms", ms(x.addedJitterP99()));
        r.put(dir + "_transit_max_by_second_ms", java.util.Arrays.stream(x.transitMaxBySecond())
                .mapToObj(RtpLoad::ms).collect(java.util.stream.Collectors.joining(",")));
        r.put(dir + "_rfc3550_jitter_mean_ms", ms(x.jitterMean()));
        r.put(dir + "_rfc3550_jitter_max_ms", ms(x.jitterMax()));
    }

    private static String ms(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    private void stop() {
        if (aims != null) {
            aims.stop();
        }
        pacer.stop();
        fromAgents.stop();
        fromCallers.stop();
        try {
            callers.close();
            agents.close();
        } catch (IOException ignored) {
            // exiting anyway
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
