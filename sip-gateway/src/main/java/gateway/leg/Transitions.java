package gateway.leg;

/**
 * A state enum that holds its own transition table, so the table sits next to the states it
 * connects and {@link StateMachine} can check every change against it.
 */
public interface Transitions<S extends Enum<S>> {
    /** Whether the machine may go from this state to {@code next}. */
    boolean canGo(S next);
}
