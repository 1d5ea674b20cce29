package gateway.testkit.bidi;

/** A BiDi command that failed: the browser's error code and message, or why no answer came. */
public final class BidiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BidiException(String message) {
        super(message);
    }

    public BidiException(String message, Throwable cause) {
        super(message, cause);
    }
}
