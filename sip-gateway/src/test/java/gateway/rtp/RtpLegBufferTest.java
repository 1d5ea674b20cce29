package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import config.model.PortRange;
import gateway.net.Transport;
import gateway.rtp.TestPhone.Rtp;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import ivr.audio.Codec;
import ivr.audio.G711;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packet path on embedded channels: a relayed packet leaves in the very buffer it arrived in
 * (no copy, transcoded in place), and every buffer ends with a reference count of zero.
 */
class RtpLegBufferTest {
    private static final InetSocketAddress CALLER = new InetSocketAddress(TestPhone.LOOPBACK, 4000);
    private static final InetSocketAddress AGENT = new InetSocketAddress(TestPhone.LOOPBACK, 5000);
    private final RtpConfig config = new RtpConfig(TestPhone.LOOPBACK, new PortRange(30000, 30009));
    private final RtpEngine engine = new RtpEngine(Transport.NIO, config);
    private final EmbeddedChannel callerSocket = new EmbeddedChannel();
    private final EmbeddedChannel agentSocket = new EmbeddedChannel();
    private final EventLoop loop = callerSocket.eventLoop();
    private final InactivitySweep sweep = new InactivitySweep(loop, config);
    private final List<String> tapped = new ArrayList<>();

    private RtpLeg leg(int port, EmbeddedChannel socket, InetSocketAddress peer, Codec codec) {
        RtpLeg leg = new RtpLeg(engine, loop, port, new RtpLegListener() { }, sweep);
        leg.attach(socket, new EmbeddedChannel());
        leg.media(new MediaParameters(peer, codec, 101, 101, 20, Direction.SENDRECV));
        leg.tap((l, c, payload, ts) -> tapped.add(c + ":" + payload.readableBytes() + ":" + payload.refCnt()));
        return leg;
    }

    private static ByteBuf receive(RtpLeg leg, InetSocketAddress from, byte[] bytes) throws Exception {
        ByteBuf buf = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        leg.receiver().channelRead(null, new DatagramPacket(buf, new InetSocketAddress(TestPhone.LOOPBACK, leg.port()), from));
        return buf;
    }

    @Test
    void relaysInTheReceivedBufferAndReleasesEverythingElse() throws Exception {
        LeakCheck.install();
        RtpLeg a = leg(30000, callerSocket, CALLER, Codec.PCMU);
        RtpLeg b = leg(30002, agentSocket, AGENT, Codec.PCMA);

        ByteBuf unbridged = receive(a, CALLER, Rtp.build(0, false, 1, 160, 7, new byte[160]));
        assertEquals(0, unbridged.refCnt());
        assertNull(agentSocket.readOutbound());

        engine.bridge(a, b);
        byte[] ulaw = new byte[160];
        for (int i = 0; i < ulaw.length; i++) {
            ulaw[i] = (byte) (i * 3);
        }
        ByteBuf relayed = receive(a, CALLER, Rtp.build(0, false, 2, 320, 7, ulaw));
        DatagramPacket out = agentSocket.readOutbound();
        assertSame(relayed, out.content(), "relayed without a copy");
        assertEquals(AGENT, out.recipient());
        assertEquals(1, relayed.refCnt());
        assertEquals(8, RtpHeader.payloadType(relayed));
        assertEquals(b.ssrc(), RtpHeader.ssrc(relayed));
        assertEquals(G711.ulawToAlaw(ulaw[100]), relayed.getByte(12 + 100), "transcoded in place");
        out.release();
        assertEquals(0, relayed.refCnt());

        ByteBuf garbage = receive(a, CALLER, new byte[] {0, 1, 2});
        ByteBuf noEvents = receive(a, CALLER, Rtp.build(101, false, 3, 480, 7, new byte[2]));
        ByteBuf comfortNoise = receive(a, CALLER, Rtp.build(13, false, 4, 480, 7, new byte[1]));
        assertEquals(0, garbage.refCnt() + noEvents.refCnt() + comfortNoise.refCnt());
        assertNull(agentSocket.readOutbound());
        assertEquals(3, a.stats().dropped());

        b.media(new MediaParameters(null, Codec.PCMA, 101, 101, 20, Direction.SENDONLY));
        ByteBuf toHeldPeer = receive(a, CALLER, Rtp.build(0, false, 5, 640, 7, new byte[160]));
        assertEquals(0, toHeldPeer.refCnt());
        assertNull(agentSocket.readOutbound());

        assertEquals(List.of("PCMU:160:1", "PCMU:160:1", "PCMU:160:1"), tapped,
                "the tap sees a view of the live buffer, before it is relayed or released");
    }
}
