package gateway.sip;

import javax.sip.DialogTerminatedEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;

/**
 * The call logic behind the SIP front door (the B2BUA). Every method runs on the executor that
 * owns the event's Call-ID, so one call's events never race; none may block.
 */
public interface InviteHandler {
    /** A new INVITE passed admission; the handler owns its transaction and must answer it. */
    void onInvite(AdmittedInvite invite);

    /** The caller cancelled {@code invite}: 200 to the CANCEL and 487 to the INVITE are already sent. */
    default void onCancelled(ServerTransaction invite) {
    }

    /**
     * A request inside a dialog (its To has a tag): ACK (with a null transaction), BYE,
     * re-INVITE, INFO, UPDATE... Return false when no dialog of the handler's matches, and the
     * gateway answers 481 (ACK is just dropped).
     */
    default boolean onInDialogRequest(RequestEvent event, ServerTransaction transaction) {
        return false;
    }

    /** A response to a request the handler sent. */
    default void onResponse(ResponseEvent event) {
    }

    /** A transaction the handler started timed out. */
    default void onTimeout(TimeoutEvent event) {
    }

    default void onDialogTerminated(DialogTerminatedEvent event) {
    }
}
