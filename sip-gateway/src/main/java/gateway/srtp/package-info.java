/**
 * SRTP (RFC 3711) for the relay, with SDES keys (RFC 4568): AES_CM_128_HMAC_SHA1_80 and _32.
 *
 * <ul>
 * <li>{@link gateway.srtp.SrtpStream}: one direction of one leg, in place on a byte array:
 * AES counter mode from one AES/ECB cipher per stream ({@code AesCounter}), HMAC-SHA1 on two
 * SHA-1 digests ({@code HmacSha1}), the rollover counter and a 64-packet replay window. Session
 * keys are derived once (key derivation rate 0). Nothing is allocated per packet.</li>
 * <li>{@link gateway.srtp.SrtpSession}: a leg's two streams on Netty buffers, used by
 * {@code RtpLeg}: what the peer sends is authenticated and decrypted before anything else looks
 * at it (recording taps, key detection, the partner leg hear it in clear), and what goes to the
 * peer is encrypted last, so an SRTP leg bridges to a plain one and recordings stay plain.</li>
 * <li>{@link gateway.srtp.SdesKey}: an {@code a=crypto} line; the offer/answer rules (profile,
 * {@code media: rtp | srtp | any}, TLS only) are {@code gateway.sdp.SrtpTerms}.</li>
 * </ul>
 * The JDK's AES and SHA-1 are used rather than jitsi-srtp: no dependencies (jitsi-srtp brings
 * jitsi-utils and Bouncy Castle), and the RFC 3711 test vectors pass (SrtpVectorsTest).
 */
package gateway.srtp;
