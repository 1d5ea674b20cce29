/**
 * RTP on Netty UDP: one {@link gateway.rtp.RtpLeg} per call leg, opened by the
 * {@link gateway.rtp.RtpEngine} on the call's event loop from the {@code rtp.ports} range.
 *
 * <ul>
 * <li>Relay: {@code engine.bridge(a, b)} relays both ways, in the received buffer, rewriting the
 * header in place; PCMU and PCMA are converted byte by byte through the {@code ivr.audio.G711}
 * law-to-law tables; telephone-event goes through under the other leg's payload type.</li>
 * <li>One stream per peer: each leg sends with its own SSRC, and sequence numbers and timestamps
 * carry on across re-bridging and playback ({@code leg.send(pt, payload, timestampAdvance)}).</li>
 * <li>Symmetric RTP: a leg sends to where the peer's packets come from, to the SDP address before
 * any arrive. Another source takes over only once the latched one has been quiet for a second
 * (a NAT rebinding), so a stranger cannot hijack a live stream.</li>
 * <li>Recording taps ({@link gateway.rtp.RtpTap}) get each party's audio still G.711-encoded, with
 * its codec, as a view of the received packet: nothing is copied or decoded on the loop, and
 * without a tap the cost is one null check.</li>
 * <li>Keys: {@code leg.listenForKeys(listener)} hears the peer's RFC 4733 keys and, while its SDP
 * has no telephone-event, the in-band tones in its audio ({@code ivr.dtmf.InbandDetector}, run on
 * the payload before any transcoding); {@code leg.sendKey(key, ms)} inserts an RFC 4733 event of
 * ours into the leg's stream. A leg nobody asks pays one null check per packet.</li>
 * <li>Dead legs: a sweep per loop reports a bridged leg silent for the inactivity timeout while
 * media flows both ways (never on hold, when many phones send nothing).</li>
 * <li>SRTP ({@link gateway.srtp.SrtpSession}): a leg whose media agreed SDES keys decrypts what
 * its peer sends before anything else reads it and encrypts what it sends last, so taps, keys
 * and the partner see RTP in clear; a plain leg pays one null check.</li>
 * <li>Reference counts: every received datagram is released or written on exactly once.</li>
 * </ul>
 */
package gateway.rtp;
