package gateway.leg;

import org.slf4j.Logger;

/**
 * The current state of one machine (a leg, a ring, a call's flow). Every change goes through
 * {@link #go}: checked against the enum's table, the old state's exit action, the new state's
 * entry action, one DEBUG line. Not thread-safe: a machine lives on its call's event loop.
 */
public final class StateMachine<S extends Enum<S> & Transitions<S>> {
    /** What a machine's owner does on leaving and entering a state. */
    public interface Actions<S> {
        default void exit(S from, S to) {
        }

        default void entry(S to, S from) {
        }
    }

    private final Logger log;
    private final String name;
    private final Actions<S> actions;
    private S state;

    /** @param name who the machine belongs to, for the log and for errors (say "call abc@host") */
    public StateMachine(Logger log, String name, S initial, Actions<S> actions) {
        this.log = log;
        this.name = name;
        this.state = initial;
        this.actions = actions;
    }

    public S state() {
        return state;
    }

    /**
     * Goes to {@code next}, running the exit and entry actions.
     *
     * @throws IllegalStateException when the table has no such transition; nothing changes then
     */
    public void go(S next, String reason) {
        S from = state;
        if (!from.canGo(next)) {
            throw new IllegalStateException(name + ": " + from + " -> " + next + " is not a legal transition (" + reason + ")");
        }
        actions.exit(from, next);
        state = next;
        log.debug("{}: {} -> {} ({})", name, from, next, reason);
        actions.entry(next, from);
    }

    @Override
    public String toString() {
        return name + "(" + state + ")";
    }
}
