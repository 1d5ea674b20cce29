package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logging configs, each loaded into a context of its own: levels from ACD_LOG_LEVEL, the file and its rotation. */
class LogbackConfigTest {
    private static final Path BUILT_IN = Path.of("src", "main", "resources", "logback.xml");
    private static final Path FILE_EXAMPLE = Path.of("..", "config", "logback-file.xml");

    @TempDir
    Path dir;

    @Test
    void theBuiltInConfigTakesItsLevelsFromAcdLogLevel() throws Exception {
        LoggerContext context = load(BUILT_IN, "ACD_LOG_LEVEL", "DEBUG", "ACD_SIP_WIRE_LEVEL", "TRACE");
        assertEquals(Level.DEBUG, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.TRACE, context.getLogger("gateway.sip.wire").getLevel());
        assertEquals(Level.INFO, load(BUILT_IN).getLogger(Logger.ROOT_LOGGER_NAME).getLevel(), "INFO when unset");
    }

    @Test
    void theFileExampleWritesAcdLogInAcdLogDir() throws Exception {
        LoggerContext context = load(FILE_EXAMPLE, "ACD_LOG_DIR", dir.toString());
        context.getLogger("gateway.call.CallFlow").info("call c1: menu main");
        context.getLogger("gateway.call.CallFlow").debug("not at INFO");
        context.stop();
        List<String> lines = Files.readAllLines(dir.resolve("acd.log"));
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).endsWith("INFO  [main] gateway.call.CallFlow - call c1: menu main"), lines::toString);
    }

    /** A context configured from {@code file} with {@code properties} (name, value, ...) set; fails on any config error. */
    private static LoggerContext load(Path file, String... properties) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's own start-up would set
        for (int i = 0; i < properties.length; i += 2) {
            context.putProperty(properties[i], properties[i + 1]);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file.toFile());
        List<Status> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        assertEquals(List.of(), errors, file.toString());
        return context;
    }
}
