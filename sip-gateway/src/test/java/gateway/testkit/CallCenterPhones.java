package gateway.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gateway.call.RtpPeer;
import gateway.server.ServerMain;
import gateway.testphone.Incoming;
import gateway.testphone.Outgoing;
import gateway.testphone.TestPhone;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;

/**
 * The phones of a call-center test against a whole server: registered agent phones, trunk callers
 * that dial a queue's number and send a tone, agents answering with a tone of their own. Closes
 * every phone and media peer it made, newest first.
 */
public final class CallCenterPhones implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** RFC 4733 events offered beside PCMU. */
    public static final int EVENT_PT = 101;
    public static final double CALLER_HZ = 450;
    public static final double AGENT_HZ = 1250;

    private final int sipPort;
    private final String domain;
    private final String trunkAddress;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** A trunk caller in the queue: queued from its 200 OK on ({@code queuedAt}, nanoTime), sending a tone. */
    public record Caller(TestPhone phone, Outgoing call, RtpPeer rtp, long queuedAt) {
        /** Sends BYE and waits for its 200 OK; returns when it was sent (nanoTime). */
        public long hangUp() {
            long at = System.nanoTime();
            assertEquals(Response.OK, call.bye().awaitFinal(WAIT).getStatusCode());
            return at;
        }

        public String callId() {
            return call.callId();
        }
    }

    /** An agent's answer: its media, and when the 200 OK was sent (nanoTime). */
    public record Answer(Incoming invite, RtpPeer rtp, long at) {
    }

    /** @param trunkAddress where callers call from: an address the server's trunk allows */
    public CallCenterPhones(int sipPort, String domain, String trunkAddress) {
        this.sipPort = sipPort;
        this.domain = domain;
        this.trunkAddress = trunkAddress;
    }

    /** Keeps a phone or media peer to close with the rest. */
    public <T extends AutoCloseable> T closeLater(T phoneOrMedia) {
        closeables.add(phoneOrMedia);
        return phoneOrMedia;
    }

    /** A phone registered as {@code extension} (password {@code pw-<extension>}), once the agent is offered calls. */
    public TestPhone agent(ServerMain server, String agentId, String extension) throws Exception {
        TestPhone phone = closeLater(TestPhone.builder(extension).password("pw-" + extension)
                .domain(domain).server(sipPort).start());
        assertEquals(Response.OK, phone.register(300).getStatusCode());
        awaitOfferable(server, agentId);
        return phone;
    }

    /** Waits until the core would offer the agent a call (available, idle, reachable). */
    public static void awaitOfferable(ServerMain server, String agentId) throws Exception {
        Await.until(() -> server.gateway().acd().agent(agentId).get(10, TimeUnit.SECONDS)
                .map(a -> a.offerable()).orElse(false), WAIT, () -> agentId + " is not offered calls");
    }

    /** A trunk caller dialling {@code number}, answered by the server, sending its tone. */
    public Caller dial(String number) throws Exception {
        TestPhone phone = closeLater(TestPhone.builder("+15550001").localAddress(trunkAddress)
                .domain(domain).server(sipPort).start());
        RtpPeer rtp = closeLater(new RtpPeer(trunkAddress));
        Outgoing call = phone.invite(number, rtp.sdp(0, EVENT_PT));
        Response ok = call.awaitFinal(WAIT);
        assertEquals(Response.OK, ok.getStatusCode());
        long queuedAt = System.nanoTime();
        call.ack();
        rtp.sendToneTo(new String(ok.getRawContent(), StandardCharsets.US_ASCII), CALLER_HZ);
        return new Caller(phone, call, rtp, queuedAt);
    }

    /** The agent's phone rings and answers at once with its tone. */
    public Answer answer(TestPhone agent) throws Exception {
        Incoming invite = agent.awaitRequest("INVITE", WAIT);
        invite.ringing();
        return answer(invite);
    }

    /** Answers a ringing INVITE with the agent's tone. */
    public Answer answer(Incoming invite) throws Exception {
        RtpPeer rtp = closeLater(new RtpPeer("127.0.0.1"));
        long at = System.nanoTime();
        invite.answer(rtp.sdp(0, EVENT_PT));
        rtp.sendToneTo(invite.body(), AGENT_HZ);
        return new Answer(invite, rtp, at);
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // best effort: the server closes next anyway
            }
        }
        closeables.clear();
    }
}
