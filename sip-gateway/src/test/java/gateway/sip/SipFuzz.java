package gateway.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SIP fuzz corpus (RFC 4475 torture messages and well-formed seeds, each with every
 * mutation of {@link Mutator}) and a raw sender for it, shared by the stack's own fuzz test and
 * the B2BUA's.
 */
public final class SipFuzz implements AutoCloseable {
    private final RawSipClient raw;

    public SipFuzz(int serverPort) throws IOException {
        this.raw = new RawSipClient(serverPort);
    }

    /** The corpus, with replies addressed to this sender. */
    public List<byte[]> corpus() throws IOException {
        return corpus(TortureCorpus.load(), raw.udpPort());
    }

    /** Sends every message over UDP (those that fit a datagram), then over TCP. */
    public void flood(List<byte[]> messages) throws IOException {
        for (byte[] m : messages) {
            if (m.length <= 65_000) {
                raw.sendUdp(m);
            }
        }
        for (byte[] m : messages) {
            raw.sendTcp(m);
        }
        raw.drainUdp();
    }

    @Override
    public void close() {
        raw.close();
    }

    /** Every torture message and three well-formed requests, each as is and in every mutation. */
    public static List<byte[]> corpus(TortureCorpus corpus, int replyPort) {
        List<byte[]> seeds = new ArrayList<>();
        int n = 0;
        for (TortureCorpus.Message m : corpus.all()) {
            seeds.add(TortureCorpus.rewrite(m.bytes(), replyPort, "UDP", ".f" + (n++)));
        }
        seeds.add(options(replyPort, "seed-options", "UDP"));
        seeds.add(register(replyPort));
        seeds.add(invite(replyPort, "seed-invite", "+15550100000"));
        List<byte[]> out = new ArrayList<>();
        Mutator mutator = new Mutator(4475);
        for (byte[] seed : seeds) {
            out.add(seed);
            out.addAll(mutator.variants(seed));
        }
        return out;
    }

    static byte[] options(int replyPort, String callId, String transport) {
        return ("OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + replyPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:gw@127.0.0.1>\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] register(int replyPort) {
        return ("REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + replyPort + ";branch=z9hG4bKseedreg\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:1500@acd.test>\r\nFrom: <sip:1500@acd.test>;tag=r1\r\n"
                + "Call-ID: seed-register\r\nCSeq: 1 REGISTER\r\nContact: <sip:1500@127.0.0.1:" + replyPort + ">\r\n"
                + "Expires: 600\r\nAuthorization: Digest username=\"1500\", realm=\"acd.test\", nonce=\"AAAA\", "
                + "uri=\"sip:127.0.0.1\", response=\"00000000000000000000000000000000\", algorithm=MD5, qop=auth, "
                + "nc=00000001, cnonce=\"c\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An INVITE with SDP over UDP from 127.0.0.1:{@code replyPort} to {@code dialed}. */
    static byte[] invite(int replyPort, String callId, String dialed) {
        String sdp = ScriptedInviteHandler.SDP;
        return ("INVITE sip:" + dialed + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + replyPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:" + dialed + "@127.0.0.1>\r\nFrom: <sip:caller@127.0.0.1>;tag=i1\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:" + replyPort + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp)
                .getBytes(StandardCharsets.US_ASCII);
    }

}
