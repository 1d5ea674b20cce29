/**
 * Our own SDP (RFC 4566) model, parser and writer, and RFC 3264 offer/answer for one G.711
 * audio stream with RFC 4733 telephone-event. Jain-SIP's javax.sdp objects are never used.
 *
 * <p>Typical B2BUA use, on the call's loop:
 * <pre>{@code
 * LocalSession local = new LocalSession(advertisedAddress);    // one per call leg
 * Negotiation n = negotiator.answer(SdpParser.parse(body), local, leg.port(), Direction.SENDRECV);
 * leg.media(n.media());                                         // SdpException -> 488
 * String answerBody = SdpWriter.write(n.answer());
 * // towards an agent: negotiator.offer(local, leg.port(), Direction.SENDRECV), then
 * // leg.media(negotiator.accept(SdpParser.parse(answerBody)))
 * }</pre>
 */
package gateway.sdp;
