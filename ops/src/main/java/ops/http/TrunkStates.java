package ops.http;

import java.util.List;

/** The gateway's registrations at its trunks, from any thread: {@code GET /api/trunks}. */
@FunctionalInterface
public interface TrunkStates {
    /** One registering trunk: its state ({@code REGISTERED}, {@code FAILED}...) and why it is in it. */
    record TrunkState(String id, String registration, String detail) {
    }

    List<TrunkState> all();

    TrunkStates NONE = List::of;
}
