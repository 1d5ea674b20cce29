package gateway.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jain-SIP's message trace on SLF4J (logger {@code gateway.sip.wire}, TRACE level). Loaded by
 * the stack by class name (property {@code gov.nist.javax.sip.SERVER_LOGGER}).
 */
public final class Slf4jServerLogger implements ServerLogger {
    static final Logger WIRE = LoggerFactory.getLogger("gateway.sip.wire");

    public Slf4jServerLogger() {
    }

    @Override
    public void closeLogFile() {
        // Nothing to close: SLF4J owns the output.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, "", sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("{} {} -> {} {}\n{}", sender ? "sent" : "received", from, to, status, message.encode());
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    @Override
    public void logException(Exception ex) {
        WIRE.debug("Jain-SIP message exception", ex);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // Levels come from the SLF4J backend's configuration.
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // Not needed: messages carry what we log.
    }
}
