package gateway.sdp;

/**
 * The {@code o=} line. Session id and version are kept as the digits received: some phones send
 * numbers wider than a long, and we only ever compare or increment our own.
 */
public record Origin(String username, String sessionId, String sessionVersion, Connection address) {

    public String line() {
        return username + " " + sessionId + " " + sessionVersion + " " + address.line();
    }
}
