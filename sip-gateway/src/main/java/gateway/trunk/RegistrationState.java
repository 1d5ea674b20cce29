package gateway.trunk;

import gateway.leg.Transitions;
import java.util.EnumSet;
import java.util.Set;

/** Where the server's registration to one trunk stands. */
public enum RegistrationState implements Transitions<RegistrationState> {
    /** No binding at the carrier, none wanted yet (or any more). */
    UNREGISTERED,
    /** A REGISTER is out (the first, a refresh, or a retry after a failure). */
    REGISTERING,
    /** The carrier holds our binding; a refresh is scheduled before it expires. */
    REGISTERED,
    /** The last REGISTER failed (timeout, refusal, wrong credentials); a retry is scheduled. */
    FAILED,
    /** The trunk is going away (shutdown, reload): a REGISTER with Expires 0 is out. */
    UNREGISTERING;

    private Set<RegistrationState> next;

    static {
        UNREGISTERED.next = EnumSet.of(REGISTERING);
        REGISTERING.next = EnumSet.of(REGISTERED, FAILED, UNREGISTERING);
        REGISTERED.next = EnumSet.of(REGISTERING, UNREGISTERING);
        FAILED.next = EnumSet.of(REGISTERING, UNREGISTERED);
        UNREGISTERING.next = EnumSet.of(UNREGISTERED);
    }

    @Override
    public boolean canGo(RegistrationState to) {
        return next.contains(to);
    }
}
