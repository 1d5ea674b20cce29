package gateway.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.FailureLimiter;
import gateway.sip.registrar.RegistrarSettings;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import ivr.testkit.ExpectedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failed-auth rate limit and overload shedding, each on a server of its own. */
class ProtectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void tenFailuresBlockTheUserThereEvenForTheRightPasswordAndNoOneElse(String transport) throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            try (SipServerFixture gw = new SipServerFixture(new ScriptedInviteHandler(), TrunkSources.none(),
                    RegistrarSettings.standard(), FailureLimiter.standard(), 1_000_000);
                 TestPhone guesser = gw.phone("1300", "guess", transport).start();
                 TestPhone owner = gw.agentPhone("1300", transport).start();
                 TestPhone colleague = gw.agentPhone("1302", transport).start();
                 TestPhone elsewhere = gw.agentPhone("1300", transport).localAddress("127.0.0.3").start()) {
                for (int i = 0; i < 12; i++) {
                    assertEquals(403, guesser.register(600).getStatusCode(), "attempt " + i);
                }
                assertEquals(403, owner.register(600).getStatusCode(), "1300 is blocked at 127.0.0.1 now");
                assertTrue(gw.server.locator().contactsOf("agent1300").isEmpty());
                assertEquals(200, colleague.register(600).getStatusCode(), "another user at the same address is not");
                assertEquals(200, elsewhere.register(600).getStatusCode(), "nor the same user at another address");
            }
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warned("SIP user 1300 from 127.0.0.1 blocked"), log.warnings().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void failuresAcrossManyUserNamesBlockTheAddress(String transport) throws Exception {
        try (ExpectedLog log = ExpectedLog.of(FailureLimiter.class)) {
            FailureLimiter limiter = new FailureLimiter(10, 5, Duration.ofMinutes(1), Duration.ofMinutes(5), 1000,
                    System::currentTimeMillis);
            try (SipServerFixture gw = new SipServerFixture(new ScriptedInviteHandler(), TrunkSources.none(),
                    RegistrarSettings.standard(), limiter, 1_000_000);
                 TestPhone owner = gw.agentPhone("1310", transport).start()) {
                for (int i = 0; i < 5; i++) {
                    try (TestPhone guesser = gw.phone("132" + i, "guess", transport).start()) {
                        assertEquals(403, guesser.register(600).getStatusCode(), "user 132" + i);
                    }
                }
                assertEquals(403, owner.register(600).getStatusCode(), "127.0.0.1 is blocked for everyone");
            }
            assertTrue(log.warned("SIP source 127.0.0.1 blocked"), log.warnings().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void overloadAnswersNewInvites503WithRetryAfter(String transport) throws Exception {
        ScriptedInviteHandler handler = new ScriptedInviteHandler();
        try (SipServerFixture gw = new SipServerFixture(handler, TrunkSources.of(Map.of("carrier", List.of("127.0.0.0/8"))),
                RegistrarSettings.standard(), SipServerFixture.lenientLimiter(), 3);
             TestPhone carrier = TestPhone.builder("carrier").server(gw.port()).transport(transport).start()) {
            handler.host = gw.server.host();
            List<Outgoing> ringing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Outgoing call = carrier.invite("+1555010000" + i, ScriptedInviteHandler.SDP);
                call.awaitResponse(180);
                ringing.add(call);
            }
            Response shed = carrier.invite("+15550100009", ScriptedInviteHandler.SDP).awaitFinal();
            assertEquals(503, shed.getStatusCode());
            assertEquals(7, ((RetryAfterHeader) shed.getHeader(RetryAfterHeader.NAME)).getRetryAfter());
            assertEquals(3, handler.admitted.size(), "the shed INVITE never reached the call logic");
            for (Outgoing call : ringing) {
                call.cancel().awaitFinal();
                assertEquals(487, call.awaitFinal().getStatusCode());
            }
        }
    }
}
