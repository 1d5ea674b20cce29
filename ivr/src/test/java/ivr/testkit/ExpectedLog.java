package ivr.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A warning a test provokes on purpose: while open, what {@code logger} logs is kept here for the
 * test to assert on instead of reaching the build log, so a green run prints no expected failure.
 * Other loggers, and this one after {@link #close()}, log as usual. {@link #atInfo} also keeps
 * the INFO lines, of several loggers in the order they were logged.
 */
public final class ExpectedLog implements AutoCloseable {
    /** A logger taken over, with what {@link #close()} gives it back. */
    private record Taken(Logger logger, boolean additive, Level level) {
    }

    private final List<Taken> taken = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ExpectedLog(Level capture, String... loggerNames) {
        appender.start();
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            taken.add(new Taken(logger, logger.isAdditive(), logger.getLevel()));
            if (capture != null) {
                logger.setLevel(capture);
            }
            logger.addAppender(appender);
            logger.setAdditive(false);
        }
    }

    public static ExpectedLog of(Class<?> type) {
        return of(type.getName());
    }

    public static ExpectedLog of(String loggerName) {
        return new ExpectedLog(null, loggerName);
    }

    /** Like {@link #of(String)} for each logger, keeping INFO lines too (test configs log WARN and above only). */
    public static ExpectedLog atInfo(String... loggerNames) {
        return new ExpectedLog(Level.INFO, loggerNames);
    }

    /** Every formatted message kept so far, at any level, in the order logged. */
    public List<String> lines() {
        synchronized (appender) { // AppenderBase appends under the appender's lock, from any thread
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The formatted messages logged at WARN or above so far. */
    public List<String> warnings() {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Whether a WARN-or-above message containing {@code text} was logged. */
    public boolean warned(String text) {
        return warnings().stream().anyMatch(m -> m.contains(text));
    }

    @Override
    public void close() {
        for (Taken t : taken) {
            t.logger.detachAppender(appender);
            t.logger.setAdditive(t.additive);
            t.logger.setLevel(t.level);
        }
        appender.stop();
    }
}
