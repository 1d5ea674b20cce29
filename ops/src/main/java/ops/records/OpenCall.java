package ops.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import acd.call.CallOutcome;
import ops.records.CallFacts.EndCause;

/**
 * One call's record while it is being put together from the gateway's facts and the core's
 * events, on the journal's writer thread only. The core may see a call several times (a
 * fallback to another queue): the first queue entry sets {@code queuedMs}, the last queue and
 * outcome win, waits add up.
 */
final class OpenCall {
    final String callId;
    final long arrivedMs;
    final String dialed;
    final String callerNumber;
    final String callerName;
    final String source;
    private String entry;
    private final List<String> menus = new ArrayList<>();
    private final StringBuilder keys = new StringBuilder();
    Long queuedMs;
    String queueId;
    int entryPosition;
    Long answeredMs;
    String agentId;
    private long waitMs;
    private long talkMs;
    long wrapUpMs;
    /** In a queue of the core: its CallEnded is still to come. */
    boolean inCore;
    CallOutcome coreOutcome;
    long coreEndedMs;
    private int ringsTried;
    private int ringsMissed;
    private final Set<String> agentsRung = new LinkedHashSet<>();
    private final Map<String, Long> ringingSince = new HashMap<>();
    private String recordingFile;
    private String voicemailFile;
    private String transferredTo;
    Long endedMs;
    EndCause endCause;
    /** The writer's clock when the gateway's end came in: the core gets a short while to catch up. */
    long endSeenMs;

    OpenCall(String callId, long arrivedMs, String dialed, String callerNumber, String callerName, String source) {
        this.callId = callId;
        this.arrivedMs = arrivedMs;
        this.dialed = dialed;
        this.callerNumber = callerNumber;
        this.callerName = callerName;
        this.source = source;
    }

    void menu(String menuId) {
        if (entry == null) {
            entry = "menu:" + menuId;
        }
        menus.add(menuId);
    }

    void key(char key) {
        keys.append(key);
    }

    void voicemail(String file) {
        voicemailFile = file;
    }

    void transfer(String number) {
        transferredTo = number;
    }

    void recording(String file) {
        recordingFile = file;
    }

    /** The core took the call in (or refused it: then {@code queued} is false). */
    void queue(long atMs, String queue, int position, boolean queued) {
        if (entry == null) {
            entry = "queue:" + queue;
        }
        queueId = queue;
        if (queued) {
            if (queuedMs == null) {
                queuedMs = atMs;
                entryPosition = position;
            }
            inCore = true;
        }
    }

    void ringing(long atMs, String agent) {
        ringsTried++;
        agentsRung.add(agent);
        ringingSince.put(agent, atMs);
    }

    /** @return how long the agent's phone rang */
    long ringEnded(long atMs, String agent, boolean missed) {
        if (missed) {
            ringsMissed++;
        }
        Long since = ringingSince.remove(agent);
        return since == null ? 0 : atMs - since;
    }

    void answered(long atMs, String agent) {
        answeredMs = atMs;
        agentId = agent;
    }

    void coreEnded(long atMs, CallOutcome outcome, long wait, long talk) {
        inCore = false;
        coreOutcome = outcome;
        coreEndedMs = atMs;
        waitMs += wait;
        talkMs += talk;
    }

    void ended(long atMs, EndCause cause, long nowMs) {
        endedMs = atMs;
        endCause = cause;
        endSeenMs = nowMs;
    }

    /** The gateway's end is in, and the core is done with the call (or had its while to say so). */
    boolean complete(long nowMs, long settleMs) {
        return endedMs != null && (coreOutcome != null && !inCore || nowMs - endSeenMs >= settleMs);
    }

    CallRecord toRecord(String server, String department) {
        long talk = talkMs;
        if ((coreOutcome == null || !coreOutcome.answered()) && answeredMs != null) {
            talk = endedMs - answeredMs; // the core's end never came
        }
        return new CallRecord(callId, server, arrivedMs, queuedMs, answeredMs, endedMs, dialed, callerNumber,
                callerName, source, entry, menus.isEmpty() ? null : String.join(">", menus),
                keys.length() == 0 ? null : keys.toString(), queueId, department, agentId, Outcomes.of(this),
                waitMs, talk, wrapUpMs, ringsTried, ringsMissed,
                agentsRung.isEmpty() ? null : String.join(",", agentsRung), recordingFile, voicemailFile,
                hangupSide(endCause));
    }

    boolean transferred() {
        return transferredTo != null;
    }

    boolean leftVoicemail() {
        return voicemailFile != null;
    }

    static String hangupSide(EndCause cause) {
        if (cause == null) {
            return null;
        }
        return switch (cause) {
            case CALLER_HUNG_UP -> "CALLER";
            case AGENT_HUNG_UP -> "AGENT";
            case SYSTEM_HUNG_UP, MEDIA_TIMEOUT, FAILED -> "SYSTEM";
        };
    }
}
