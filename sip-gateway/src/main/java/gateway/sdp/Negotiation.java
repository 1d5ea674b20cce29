package gateway.sdp;

/** The result of answering an offer: the SDP to send back and the media it agreed on. */
public record Negotiation(SessionDescription answer, MediaParameters media) {
}
