package gateway.sip.stack;

import gov.nist.core.StackLogger;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jain-SIP's internal log on SLF4J, so the stack runs without log4j 1.x. Loaded by the stack by
 * class name (property {@code gov.nist.javax.sip.STACK_LOGGER}), hence the public no-arg
 * constructor. The stack's warnings about unused TLS defaults are noise for a UDP/TCP server
 * and go to DEBUG.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("gateway.sip.jainsip");

    /**
     * How the stack's reports of a peer's bad input or vanished connections begin (the last
     * ones are the lines that follow a failed send: its error, the connection table).
     */
    private static final String[] PEER_NOISE = {"bad message", ">>> Dropped Bad Msg", "ACK Was not sent",
        "No listener -- dropping", "Problem connecting", "Problem sending", "Could not connect", "IOException",
        "Error is", "{", "Error while processing incoming UDP packet", "Malformed mandatory headers",
        "A problem occured while trying to send a single CLRF"};
    /**
     * Logged by the stack just before it throws to us, and reported by our code with the context
     * the stack lacks (a port that cannot be bound fails {@code SipStackHost.start}).
     */
    private static final String[] THROWN_TO_US = {"Invalid argument address"};
    /** What the RI's NIO selector thread logs for anything its loop throws outside a key's handling. */
    static final String SELECTOR_LOOP = "Problem in the selector loop";

    private volatile boolean enabled = true;

    public Slf4jStackLogger() {
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (!enabled) {
            return false;
        }
        if (level >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (level >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        if (level >= TRACE_INFO) {
            // TRACE_MESSAGES shares the value of TRACE_INFO and gates the message trace
            return LOG.isInfoEnabled() || Slf4jServerLogger.WIRE.isTraceEnabled();
        }
        if (level >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        return level > TRACE_NONE && LOG.isErrorEnabled();
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int level) {
        if (isLoggingEnabled(level)) {
            LOG.debug("stack trace", new Throwable("stack trace requested by Jain-SIP"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (ex instanceof java.io.IOException) {
            // a peer that went away: routine for a server, not an error of ours
            LOG.debug("Jain-SIP I/O exception", ex);
        } else {
            LOG.error("Jain-SIP exception", ex);
        }
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        if (isPeerNoise(message) || isThrownToUs(message)) {
            LOG.debug(message);
        } else {
            LOG.error(message);
        }
    }

    @Override
    public void logError(String message, Exception ex) {
        if (ex instanceof InterruptedException || isClosedByStop(ex) || isSelectorClosedByStop(message, ex)
                || isPeerNoise(message)) {
            // SipStackHost interrupts the stack's event scanner on purpose when it stops; a peer's
            // garbage (the message may carry the whole datagram) is no error of ours.
            LOG.debug(message, ex);
        } else {
            LOG.error(message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        if (isTlsNoise(message)) {
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    @Override
    public void logInfo(String message) {
        LOG.info(message);
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("Jain-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // Levels come from the SLF4J backend's configuration, not from stack properties.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }

    /**
     * What a peer's bad input or bad manners make the stack report (a message that does not
     * parse, a missing ACK): routine for a server facing the network, and a log flood if an
     * attacker could raise it at ERROR. Our own handling of bad input is logged where it happens.
     */
    static boolean isPeerNoise(String message) {
        if (message == null) {
            return false;
        }
        for (String prefix : PEER_NOISE) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A channel, selector or socket closed under the stack's feet, found anywhere in the cause
     * chain: the stack's stop closes the selector under its NIO thread and the sockets under a
     * worker still handling a datagram received just before (an ACK for a late final response,
     * say), and a connection closed by another thread leaves a cancelled key to a write in
     * progress. The connection or stack is gone either way; only a stop closes our own sockets.
     */
    static boolean isClosedByStop(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof ClosedSelectorException
                    || t instanceof CancelledKeyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The RI's selector thread walks the selector's selected keys without a lock, and its stop
     * closes that selector from the stopping thread, which empties the set under the walk: the next
     * step throws ConcurrentModificationException. Nothing else changes the set behind that thread
     * (the RI selects on no other), so this is a stop; the loop then finds the selector closed and
     * ends, and the keys it skipped are connections the stop closes anyway.
     */
    static boolean isSelectorClosedByStop(String message, Throwable ex) {
        return ex instanceof ConcurrentModificationException && SELECTOR_LOOP.equals(message);
    }

    static boolean isThrownToUs(String message) {
        return message != null && Arrays.stream(THROWN_TO_US).anyMatch(message::startsWith);
    }

    static boolean isTlsNoise(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("tls") || m.contains("ssl") || m.contains("keystore") || m.contains("truststore");
    }
}
