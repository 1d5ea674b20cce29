package gateway.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.testkit.ExpectedLog;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Slf4jStackLoggerTest {
    @Test
    void peerNoiseAndTlsDefaultsAreToldFromRealErrors() {
        assertTrue(Slf4jStackLogger.isPeerNoise("bad message INVITE sip:x SIP/2.0"));
        assertTrue(Slf4jStackLogger.isPeerNoise("Could not connect to /127.0.0.1:5060"));
        assertFalse(Slf4jStackLogger.isPeerNoise("Unexpected exception in transaction timer"));
        assertFalse(Slf4jStackLogger.isPeerNoise(null));
        assertTrue(Slf4jStackLogger.isThrownToUs("Invalid argument address = 127.0.0.1 port = 5060 transport = UDP"));
        assertFalse(Slf4jStackLogger.isThrownToUs("Unexpected exception in transaction timer"));
        assertFalse(Slf4jStackLogger.isThrownToUs(null));
        assertTrue(Slf4jStackLogger.isTlsNoise("using default tls security policy"));
        assertTrue(Slf4jStackLogger.isTlsNoise("TLS server settings will be inactive - TLS key store will use JVM defaults"));
        assertFalse(Slf4jStackLogger.isTlsNoise("Congestion control: dropping request"));
    }

    @Test
    void aSendOnASocketTheStopClosedIsToldFromOtherSocketErrors() {
        SocketException closed = new SocketException("Socket closed");
        closed.initCause(new ClosedChannelException());
        assertTrue(Slf4jStackLogger.isClosedByStop(closed));
        assertFalse(Slf4jStackLogger.isClosedByStop(new SocketException("Network is unreachable")));
        assertFalse(Slf4jStackLogger.isClosedByStop(null));
    }

    @Test
    void theSelectorLoopTrippingOverTheStopsCloseIsNoErrorWhileItsOtherProblemsAre() {
        Slf4jStackLogger stack = new Slf4jStackLogger();
        try (ExpectedLog log = ExpectedLog.of(stack.getLoggerName())) {
            stack.logError(Slf4jStackLogger.SELECTOR_LOOP, new ConcurrentModificationException());
            assertEquals(List.of(), log.warnings(), "the selected keys emptied by the stop's close");

            stack.logError(Slf4jStackLogger.SELECTOR_LOOP, new IllegalStateException("a bug"));
            stack.logError("Problem processing selection key event", new ConcurrentModificationException());
            assertEquals(List.of(Slf4jStackLogger.SELECTOR_LOOP, "Problem processing selection key event"),
                    log.warnings());
        }
    }
}
