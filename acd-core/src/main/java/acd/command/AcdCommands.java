package acd.command;

import acd.agent.AgentSpec;
import acd.agent.RestoredStatus;
import acd.call.RingEnd;
import acd.engine.AgentView;
import acd.engine.CallView;
import acd.engine.QueueView;
import acd.queue.QueuePlace;
import acd.queue.QueueSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the outside world (SIP gateway, config reloader, admin API) may ask of the routing
 * core, one method per command. Each call is queued and runs on the core's own thread with the
 * loop's time, so no caller ever touches core state or reads the core's clock. Queries complete
 * on the core's thread: hop back to your own executor before touching your own state.
 */
public interface AcdCommands {
    /** Applies a config as a diff (see {@code AcdEngine.configure}). */
    void configure(List<AgentSpec> agents, List<QueueSpec> queues);

    /**
     * The statuses the records last had for agents, for the next {@link #configure} only (the one
     * at start): a named agent starts paused with its reason or logged out instead of logged in
     * as configured. Give it before that configure.
     */
    void restoreStatuses(Map<String, RestoredStatus> statuses);

    /** Whether the gateway can reach the agent: a registered phone, or a device that rings without one. */
    void reachable(String agentId, boolean reachable);

    /**
     * A call the agent made themselves (an INVITE authenticated as their extension, a feature
     * code) started ({@code inProgress}) or ended: the agent is not offered queue calls while one
     * lasts, and gets no wrap-up after it. Keyed by Call-ID, so a repeat changes nothing.
     */
    void ownCall(String agentId, String callId, boolean inProgress);

    /**
     * Calls each agent answered earlier today, read from the records at start so a restart keeps
     * the day's counts (fewest-calls ringing, the page's "answered today"). Added to the counts:
     * read the records before calls can be answered, or those calls count twice.
     */
    void addAnsweredToday(Map<String, Integer> answered);

    /** Agent status AVAILABLE if logged out. Status changes at once, whatever the agent's call. */
    void login(String agentId);

    /** Agent status LOGGED_OUT: a ring is withdrawn, a call and its wrap-up carry on. */
    void logout(String agentId);

    /** Agent status PAUSED with a reason, at once (see {@link #logout}). */
    void pause(String agentId, String reason);

    void unpause(String agentId);

    /** Logs the agent out if logged in, in if logged out; completes with "logged in now". */
    CompletableFuture<Boolean> toggleLogin(String agentId);

    /** Pauses the agent if taking calls, unpauses if paused; completes with "paused now". */
    CompletableFuture<Boolean> togglePause(String agentId, String reason);

    /** A caller joins a queue; caller priority 0 is normal, higher goes first. */
    void enqueue(String callId, String queueId, int priority);

    /** An agent's leg answered the ring for {@code callId}. */
    void answered(String callId, String agentId);

    /** A ring ended without an answer before the core cancelled it. */
    void ringFailed(String callId, String agentId, RingEnd why);

    /** The caller hung up, or either side of a bridged call did. */
    void hangup(String callId);

    /**
     * We hung up a bridged call because one side sent no RTP for {@code silentMs} (the media
     * timeout or more): outcome MEDIA_TIMEOUT, its talk time ending at the last packet.
     */
    void mediaTimeout(String callId, long silentMs);

    /** The caller's place in line and expected remaining wait; {@link QueuePlace#NOT_QUEUED} when not in line. */
    CompletableFuture<QueuePlace> place(String callId);

    CompletableFuture<Optional<AgentView>> agent(String agentId);

    CompletableFuture<List<AgentView>> agents();

    CompletableFuture<Optional<QueueView>> queue(String queueId);

    CompletableFuture<List<QueueView>> queues();

    CompletableFuture<Optional<CallView>> call(String callId);
}
