package ops.http;

/**
 * Who is asking. An admin (the API token, or a session signed in with it) may do anything; a
 * viewer (the read-only wallboard token) may only read the live state, never act on a call
 * or an agent, and never hear a recording.
 */
enum Role {
    ADMIN,
    VIEWER;

    /** Whether this role may use a route that needs {@code needed}. */
    boolean may(Role needed) {
        return this == ADMIN || needed == VIEWER;
    }
}
