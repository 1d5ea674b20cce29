package gateway.sip;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Holds the thread that sends one SIP message right after the message has left: Jain-SIP logs a
 * message to {@code gateway.sip.wire} once its bytes are on the wire, before the stack goes on
 * (for a 2xx, before it starts the retransmission timer), so an appender there can stop it. The
 * hold ends at {@link #release()}, or after 10 s. While open, the wire log goes here, not to the
 * build log.
 */
final class HeldSend implements AutoCloseable {
    private final Logger wire = (Logger) LoggerFactory.getLogger("gateway.sip.wire");
    private final Level level = wire.getLevel();
    private final boolean additive = wire.isAdditive();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Appender appender = new Appender();
    private final Predicate<String> sent;

    /** @param sent picks the message to hold from its text as the stack sends it */
    HeldSend(Predicate<String> sent) {
        this.sent = sent;
        appender.start();
        wire.addAppender(appender);
        wire.setAdditive(false);
        wire.setLevel(Level.TRACE);
    }

    /** Whether the sender is held now, or was. */
    boolean held() {
        return held.getCount() == 0;
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        wire.detachAppender(appender);
        wire.setAdditive(additive);
        wire.setLevel(level);
        appender.stop();
    }

    /** Unsynchronised: other threads log to the wire (the message that releases us) while one is held. */
    private final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            String text = event.getFormattedMessage();
            if (held.getCount() == 0 || !text.startsWith("sent") || !sent.test(text)) {
                return;
            }
            held.countDown();
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
