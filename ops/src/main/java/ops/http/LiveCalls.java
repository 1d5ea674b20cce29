package ops.http;

import java.util.List;
import java.util.Optional;

/**
 * The gateway's live calls, for the admin API. Called from the API's worker threads, never a
 * call loop: implementations read a thread-safe snapshot and post the hang-up to the call's loop.
 */
public interface LiveCalls {
    /** Every live call, oldest first. */
    List<LiveCall> list();

    Optional<LiveCall> get(String callId);

    /** Asks the call's loop to hang the call up; false when no such call is live. */
    boolean hangUp(String callId);

    /** No gateway: nothing is live. */
    LiveCalls NONE = new LiveCalls() {
        @Override
        public List<LiveCall> list() {
            return List.of();
        }

        @Override
        public Optional<LiveCall> get(String callId) {
            return Optional.empty();
        }

        @Override
        public boolean hangUp(String callId) {
            return false;
        }
    };
}
