package ops.records;

/** The records database could not be read (down, locked past the busy timeout, unreadable). */
public final class RecordsUnavailable extends RuntimeException {
    public RecordsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
