package ops.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import acd.event.AcdEvent;
import acd.event.AcdEvent.AgentRinging;
import acd.event.AcdEvent.CallAnswered;
import acd.event.AcdEvent.CallEnded;
import acd.event.AcdEvent.CallQueued;
import acd.event.AcdEvent.RingNoAnswer;
import ops.records.CallFacts.EndCause;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each call's record together from the gateway's facts and the core's events, and turns
 * the core's events into queue_log rows; runs on the journal's writer thread only, with the
 * time the writer read once per cycle. Facts and events come from two threads, so their order
 * across the two is not fixed: a call is finished when the gateway's end is in and the core is
 * done with it, or {@code settleMs} after the gateway's end if the core says nothing more.
 * Events of a call no longer (or never) open still become rows; they change no record.
 */
final class CallAssembler {
    private static final Logger log = LoggerFactory.getLogger(CallAssembler.class);
    private static final String NONE = AgentEvents.NONE;

    private final JournalSink sink;
    private final String server;
    private final Function<String, String> departmentOf;
    private final long settleMs;
    private final Map<String, OpenCall> calls = new HashMap<>();
    private final List<OpenCall> ending = new ArrayList<>();
    private final AgentEvents agents = new AgentEvents();
    private long nowMs;

    CallAssembler(JournalSink sink, String server, Function<String, String> departmentOf, long settleMs) {
        this.sink = sink;
        this.server = server;
        this.departmentOf = departmentOf;
        this.settleMs = settleMs;
    }

    void now(long nowMs) {
        this.nowMs = nowMs;
    }

    void arrived(String callId, long atMs, String dialed, String number, String name, String source) {
        if (calls.containsKey(callId)) {
            log.debug("call {} arrived twice; the second arrival is ignored", callId);
            return;
        }
        OpenCall c = new OpenCall(callId, atMs, dialed, number, name, source);
        calls.put(callId, c);
        sink.open(c);
    }

    void menu(String callId, String menuId) {
        fact(callId, c -> c.menu(menuId));
    }

    void key(String callId, char key) {
        fact(callId, c -> c.key(key));
    }

    void voicemail(String callId, Path file) {
        fact(callId, c -> c.voicemail(file.toString()));
    }

    void transfer(String callId, String number) {
        fact(callId, c -> c.transfer(number));
    }

    void recording(String callId, Path file) {
        fact(callId, c -> c.recording(file.toString()));
    }

    void ended(String callId, long atMs, EndCause cause) {
        fact(callId, c -> {
            if (c.endedMs == null) {
                c.ended(atMs, cause, nowMs);
                ending.add(c);
            }
        });
    }

    private void fact(String callId, Consumer<OpenCall> change) {
        OpenCall c = calls.get(callId);
        if (c == null) {
            log.debug("a fact about call {} that is not open (arrival lost, or after its end); ignored", callId);
        } else {
            change.accept(c);
        }
    }

    /** Whether {@link #core} does anything with {@code e}: the others need not cross threads at all. */
    static boolean uses(AcdEvent e) {
        return !(e instanceof AcdEvent.CallStateChanged || e instanceof AcdEvent.AgentReachabilityChanged
                || e instanceof AcdEvent.AgentOwnCallChanged);
    }

    void core(AcdEvent e) {
        if (e instanceof CallQueued q) {
            queued(q);
        } else if (e instanceof AgentRinging r) {
            OpenCall c = calls.get(r.callId());
            if (c != null) {
                c.ringing(r.atMs(), r.agentId());
            }
            sink.event(row(r.atMs(), r.callId(), r.queueId(), r.agentId(), "RINGING"));
        } else if (e instanceof RingNoAnswer n) {
            OpenCall c = calls.get(n.callId());
            long ringMs = c == null ? 0 : c.ringEnded(n.atMs(), n.agentId(), true);
            sink.event(row(n.atMs(), n.callId(), n.queueId(), n.agentId(), "RINGNOANSWER", Long.toString(ringMs)));
        } else if (e instanceof CallAnswered a) {
            answered(a);
        } else if (e instanceof CallEnded end) {
            coreEnded(end);
        } else if (e instanceof AcdEvent.AgentStatusChanged s) {
            agents.status(s, sink::event);
        } else if (e instanceof AcdEvent.AgentStateChanged s) {
            agents.state(s, sink::event, this::wrapUpEnded);
        }
    }

    private void queued(CallQueued q) {
        OpenCall c = calls.get(q.callId());
        String callerId = "";
        if (c != null) {
            c.queue(q.atMs(), q.queueId(), q.position(), true);
            callerId = c.callerNumber == null ? "" : c.callerNumber;
            sink.touch(q.callId(), q.queueId(), null, q.atMs());
        }
        sink.event(row(q.atMs(), q.callId(), q.queueId(), null, "ENTERQUEUE", "", callerId, Integer.toString(q.position())));
    }

    private void answered(CallAnswered a) {
        OpenCall c = calls.get(a.callId());
        long ringMs = 0;
        if (c != null) {
            ringMs = c.ringEnded(a.atMs(), a.agentId(), false);
            c.answered(a.atMs(), a.agentId());
            sink.touch(a.callId(), null, a.agentId(), a.atMs());
        }
        agents.answered(a.agentId(), a.callId());
        sink.event(row(a.atMs(), a.callId(), a.queueId(), a.agentId(), "CONNECT", seconds(a.waitMs()), "",
                seconds(ringMs)));
    }

    private void coreEnded(CallEnded e) {
        OpenCall c = calls.get(e.callId());
        boolean wasQueued = c == null || c.inCore;
        if (c != null) {
            if (!c.inCore) {
                c.queue(e.atMs(), e.queueId(), 0, false); // refused at the door: no agents, full, unknown
            }
            c.coreEnded(e.atMs(), e.outcome(), e.waitMs(), e.talkMs());
        }
        String verb = Outcomes.exitVerb(e.outcome(), wasQueued);
        if (verb != null) {
            // the position at exit is not tracked: both positions are the one the caller entered at
            String position = c == null ? "0" : Integer.toString(c.entryPosition);
            sink.event(row(e.atMs(), e.callId(), e.queueId(), e.agentId(), verb, position, position,
                    seconds(e.waitMs())));
        }
    }

    private void wrapUpEnded(String callId, long wrapUpMs) {
        OpenCall c = calls.get(callId);
        if (c != null) {
            c.wrapUpMs = wrapUpMs;
        } else {
            sink.wrapUp(callId, wrapUpMs);
        }
    }

    /** Finishes every call that is complete; {@code all} finishes every ended call (at close). */
    void settle(boolean all) {
        for (Iterator<OpenCall> it = ending.iterator(); it.hasNext(); ) {
            OpenCall c = it.next();
            if (all || c.complete(nowMs, settleMs)) {
                it.remove();
                finish(c);
            }
        }
    }

    boolean settling() {
        return !ending.isEmpty();
    }

    private void finish(OpenCall c) {
        calls.remove(c.callId);
        CallRecord r = c.toRecord(server, c.queueId == null ? null : departmentOf.apply(c.queueId));
        if (r.answeredMs() != null) {
            long atMs = c.coreOutcome != null && c.coreOutcome.answered() ? c.coreEndedMs : r.endedMs();
            String verb = c.endCause == EndCause.AGENT_HUNG_UP ? "COMPLETEAGENT" : "COMPLETECALLER";
            sink.event(row(atMs, c.callId, c.queueId, c.agentId, verb, seconds(r.waitMs()), seconds(r.talkMs()),
                    Integer.toString(c.entryPosition)));
        }
        sink.finish(r);
    }

    private static QueueEvent row(long atMs, String callId, String queueId, String agentId, String event, String... data) {
        return new QueueEvent(atMs, callId, queueId == null ? NONE : queueId, agentId == null ? NONE : agentId, event,
                List.of(data));
    }

    private static String seconds(long ms) {
        return Long.toString(Math.round(ms / 1000.0));
    }
}
