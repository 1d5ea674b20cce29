package ivr.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A warning a test provokes on purpose: while open, what {@code logger} logs is kept here for the
 * test to assert on instead of reaching the build log, so a green run prints no expected failure.
 * Other loggers, and this one after {@link #close()}, log as usual.
 */
public final class ExpectedLog implements AutoCloseable {
    private final Logger logger;
    private final boolean additive;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ExpectedLog(Logger logger, Level capture) {
        this.logger = logger;
        this.additive = logger.isAdditive();
        this.level = logger.getLevel();
        if (capture != null) {
            logger.setLevel(capture);
        }
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    public static ExpectedLog of(Class<?> type) {
        return of(type.getName());
    }

    public static ExpectedLog of(String loggerName) {
        return new ExpectedLog((Logger) LoggerFactory.getLogger(loggerName), null);
    }

    /** Like {@link #of(String)}, and keeps INFO lines too (test configs log WARN and above only). */
    public static ExpectedLog atInfo(String loggerName) {
        return new ExpectedLog((Logger) LoggerFactory.getLogger(loggerName), Level.INFO);
    }

    /** Every formatted message kept so far, at any level, in order. */
    public List<String> lines() {
        synchronized (appender) { // AppenderBase appends under the appender's lock, from any thread
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The formatted messages logged at WARN or above so far. */
    public List<String> warnings() {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Whether a WARN-or-above message containing {@code text} was logged. */
    public boolean warned(String text) {
        return warnings().stream().anyMatch(m -> m.contains(text));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(additive);
        logger.setLevel(level);
        appender.stop();
    }
}
