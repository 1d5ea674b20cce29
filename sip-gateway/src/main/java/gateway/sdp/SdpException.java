package gateway.sdp;

/**
 * An SDP body we cannot use: malformed, or no media we can agree on. The B2BUA answers 488.
 */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
