package gateway.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Servers run as processes of their own ({@code acd run FILE}), for the tests that kill one with
 * SIGKILL and start another on the same storage. {@link #close} closes what the test
 * {@link #keep kept} (phones, RTP peers), then kills whatever server is left.
 */
final class ServerProcesses implements AutoCloseable {
    /** A JVM start with Jain-SIP, Netty and the database: slow on a loaded 2-core machine. */
    static final Duration START = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final List<AutoCloseable> kept = new ArrayList<>();

    /** Closes {@code c} with the servers; returns it. */
    <T extends AutoCloseable> T keep(T c) {
        kept.add(c);
        return c;
    }

    /** {@code acd run config} in a JVM of its own, output to {@code log}; returns once it says it is running. */
    Process run(Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "gateway.Main", "run",
                config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        Await.until(() -> !p.isAlive() || Files.readString(log).contains("acd: running"), START,
                () -> "the server did not start:\n" + read(log));
        assertTrue(p.isAlive(), () -> "the server exited with " + p.exitValue() + ":\n" + read(log));
        return p;
    }

    /** SIGKILL: no shutdown hook, no last batch. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed server is gone");
        assertTrue(p.exitValue() == 137, "killed by SIGKILL, exit " + p.exitValue());
    }

    /** SIGTERM: a clean stop. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }

    /** Each log has no WARN, ERROR or exception in it. */
    static void assertQuiet(Path... logs) throws IOException {
        for (Path log : logs) {
            String text = Files.readString(log);
            assertTrue(!text.contains(" WARN ") && !text.contains(" ERROR ") && !text.contains("Exception"),
                    log + ":\n" + text);
        }
    }

    /** The one number {@code sql} (with one parameter, {@code arg}) reads from the storage at {@code url}. */
    static long count(String url, String sql, String arg) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : kept) {
            c.close();
        }
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
