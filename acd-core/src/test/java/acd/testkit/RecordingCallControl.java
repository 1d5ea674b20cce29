package acd.testkit;

import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.port.CallControl;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CallControl} that only writes down what the core asked for, for tests of the core
 * and of the modules that drive it (config reload, gateway) in virtual time.
 */
public final class RecordingCallControl implements CallControl {

    /** One request from the core. */
    public sealed interface Command {
        String callId();
    }

    public record Ring(String callId, String agentId, long ringTimeoutMs) implements Command {
    }

    public record Cancel(String callId, String agentId, CancelReason reason) implements Command {
    }

    public record Bridge(String callId, String agentId) implements Command {
    }

    public record Leave(String callId, String queueId, CallOutcome outcome) implements Command {
    }

    private final List<Command> commands = new ArrayList<>();

    @Override
    public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
        commands.add(new Ring(callId, agentId, ringTimeoutMs));
    }

    @Override
    public void cancelRing(String callId, String agentId, CancelReason reason) {
        commands.add(new Cancel(callId, agentId, reason));
    }

    @Override
    public void bridge(String callId, String agentId) {
        commands.add(new Bridge(callId, agentId));
    }

    @Override
    public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
        commands.add(new Leave(callId, queueId, outcome));
    }

    /** Everything asked since the last {@link #take()}, oldest first. */
    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Returns and forgets everything asked so far. */
    public List<Command> take() {
        List<Command> out = List.copyOf(commands);
        commands.clear();
        return out;
    }

    /** The commands of one type, in order. */
    public <T extends Command> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Command c : commands) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
        }
        return out;
    }

    public void clear() {
        commands.clear();
    }
}
