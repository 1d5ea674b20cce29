package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import config.model.PortRange;
import gateway.net.Transport;
import gateway.rtp.TestPhone.Rtp;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import ivr.audio.Codec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep in hand-held time: packets are fed to the legs' handlers, no socket and no sleep. */
class InactivitySweepTest {
    private static final InetSocketAddress PEER = new InetSocketAddress(TestPhone.LOOPBACK, 4000);
    private final EventLoop loop = new EmbeddedChannel().eventLoop();
    private long nowMs;
    private final RtpConfig config = new RtpConfig(TestPhone.LOOPBACK, new PortRange(30000, 30009), Duration.ofSeconds(1))
            .withClock(() -> nowMs);
    private final RtpEngine engine = new RtpEngine(Transport.NIO, config);
    private final InactivitySweep sweep = new InactivitySweep(loop, config);
    private final List<RtpLeg> reported = new ArrayList<>();
    private final RtpLegListener listener = new RtpLegListener() {
        @Override
        public void onInactive(RtpLeg leg) {
            reported.add(leg);
        }
    };

    private RtpLeg leg(int port, Direction peer) {
        RtpLeg leg = new RtpLeg(engine, loop, port, listener, sweep);
        leg.media(new MediaParameters(PEER, Codec.PCMU, 101, 101, 20, peer));
        sweep.watch(leg);
        return leg;
    }

    private static void receive(RtpLeg leg) throws Exception {
        receive(leg, PEER);
    }

    private static void receive(RtpLeg leg, InetSocketAddress from) throws Exception {
        byte[] packet = Rtp.build(0, false, 1, 1, 1, new byte[160]);
        leg.receiver().channelRead(null, new DatagramPacket(Unpooled.wrappedBuffer(packet),
                new InetSocketAddress(TestPhone.LOOPBACK, leg.port()), from));
    }

    private void at(long millis) {
        nowMs = millis;
        sweep.run();
    }

    @Test
    void reportsEachLegOnceAfterATimeoutOfSilenceButNeverOnHold() throws Exception {
        LeakCheck.install();
        RtpLeg talking = leg(30000, Direction.SENDRECV);
        RtpLeg silent = leg(30002, Direction.SENDRECV);
        RtpLeg held = leg(30004, Direction.INACTIVE);
        RtpLeg holding = leg(30006, Direction.RECVONLY);
        RtpLeg holdingUs = leg(30008, Direction.SENDONLY);

        receive(talking);
        at(400);
        receive(talking);
        at(800);
        assertEquals(List.of(), reported);
        receive(talking);
        at(1200);
        assertEquals(List.of(silent), reported);

        at(2100);
        assertEquals(List.of(silent), reported, "talking was last heard at the 1200 ms sweep");
        at(2300);
        assertEquals(List.of(silent, talking), reported);
        at(9000);
        assertEquals(List.of(silent, talking), reported, "reported once, and never the legs on hold");
        assertEquals(3, talking.stats().packetsIn());
        assertEquals(0, held.stats().packetsIn() + holding.stats().packetsIn() + holdingUs.stats().packetsIn());
    }

    @Test
    void aNewSourceTakesOverOnlyAfterTheRelatchQuietOfTheConfig() throws Exception {
        LeakCheck.install();
        InetSocketAddress rebound = new InetSocketAddress(TestPhone.LOOPBACK, 4002);
        RtpLeg leg = leg(30000, Direction.SENDRECV);
        nowMs = 10_000;
        receive(leg);
        nowMs += config.relatchQuiet().toMillis() - 1;
        receive(leg, rebound);
        assertEquals(PEER, leg.sendTarget(), "the latched source was heard too recently");
        assertEquals(1, leg.stats().dropped());
        nowMs += 1;
        receive(leg, rebound);
        assertEquals(rebound, leg.sendTarget(), "quiet for the relatch setting: the new source takes over");
        assertEquals(1, leg.stats().relatches());
    }
}
