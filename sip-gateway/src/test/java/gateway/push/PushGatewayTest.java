package gateway.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.Push;
import config.model.Secret;
import gateway.sip.registrar.PushTarget;
import gateway.testkit.PushEndpoint;
import ivr.testkit.ExpectedLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The HTTP side of a wake-up against a local endpoint: what is posted, and how problems are told. */
class PushGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PushTarget DEVICE = new PushTarget("fcm", "project-7", "device-token-99");
    private static final PushNotice CALL = new PushNotice("c1@acd", "+15550001", null, "alice");

    private static Throwable failure(PushGateway gateway) throws Exception {
        try {
            gateway.post(DEVICE, CALL).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the post succeeded");
    }

    @Test
    void postsTheDeviceAndTheCallWithTheBearerToken() throws Exception {
        try (PushEndpoint endpoint = new PushEndpoint()) {
            PushGateway gateway = new PushGateway();
            gateway.configure(new Push(endpoint.url(), new Secret("tok")));
            gateway.post(DEVICE, CALL).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            PushEndpoint.Post post = endpoint.awaitPost(WAIT);
            assertEquals("Bearer tok", post.authorization());
            assertEquals("fcm", post.field("provider"));
            assertEquals("project-7", post.field("param"));
            assertEquals("device-token-99", post.field("prid"));
            assertEquals("c1@acd", post.field("callId"));
            assertTrue(post.body().containsKey("queue") && post.body().get("queue") == null, "a call from no queue");
        }
    }

    @Test
    void aProblemIsLoggedOnceWhenItStartsAndOnceWhenItClears() throws Exception {
        try (ExpectedLog log = ExpectedLog.atInfo(PushGateway.class.getName());
             PushEndpoint endpoint = new PushEndpoint().answerWith(500)) {
            PushGateway gateway = new PushGateway();
            gateway.configure(new Push(endpoint.url(), new Secret("tok-secret")));
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(PushGateway.Failure.class, failure(gateway));
            }
            endpoint.answerWith(204);
            gateway.post(DEVICE, CALL).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            endpoint.close();
            // refused, or the kept-alive connection found closed: either way the gateway is gone
            assertTrue(failure(gateway).getMessage().startsWith("push gateway unreachable ("));

            String at = "http://127.0.0.1:" + endpoint.url().getPort();
            List<String> lines = log.lines();
            assertEquals(List.of("push wake-ups (RFC 8599) through " + at,
                    "push gateway " + at + " answered 500: phones that sleep cannot be woken until it answers (said once)",
                    "push gateway " + at + " answers again"), lines.subList(0, 3));
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(lines.get(3).startsWith("push gateway " + at + " unreachable ("), lines.get(3));
            assertFalse(log.lines().stream().anyMatch(l -> l.contains("tok-secret") || l.contains("device-token")));
        }
    }

    @Test
    void offItFailsWithoutAnyRequest() throws Exception {
        PushGateway gateway = new PushGateway();
        assertFalse(gateway.on());
        assertEquals("push is not configured", failure(gateway).getMessage());
    }
}
