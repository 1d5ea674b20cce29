package acd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import acd.agent.AgentSpec;
import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.call.CallOutcome;
import acd.call.CallState;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.event.AcdEvent;
import acd.event.AcdEventListener;
import acd.port.CallControl;
import acd.queue.MemberSpec;
import acd.queue.NoAgentsPolicy;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Drives the engine with a long seeded stream of random events and checks the routing
 * invariants after every one. The engine's outputs (port commands and events) are checked as
 * they arrive against a model of the live rings; the engine's views are checked against the
 * model after each event.
 */
class InvariantTest {
    private static final long SEED = 0x5EED_ACDL;
    private static final int EVENTS = 100_000;
    private static final int AGENTS = 30;
    private static final int QUEUES = 7;
    private static final int RELOAD_EVERY = 16_000;
    private static final int FULL_SCAN_EVERY = 64;
    private static final long START_MS = 1_767_225_600_000L; // 2026-01-01T00:00Z

    @Test
    void everyInvariantHoldsAfterEveryRandomEvent() {
        Driver d = new Driver(new SplittableRandom(SEED));
        d.run(EVENTS);
        d.drain();
        System.out.println("InvariantTest: " + d.summary());
        assertTrue(d.counts.getOrDefault(Kind.ANSWER, 0) > 1000, "too few answers to mean anything: " + d.summary());
        assertTrue(d.outcomes.size() >= 6, "too few kinds of endings: " + d.outcomes);
        for (String situation : List.of("hangup while WAITING", "hangup while RINGING_AGENT", "hangup while BRIDGED",
                "ring no answer TIMEOUT", "ring no answer REJECTED", "ring no answer FAILED",
                "WRAP_UP -> IDLE (ready)", "status AVAILABLE -> PAUSED (no answer)",
                "status LOGGED_OUT while ON_CALL", "status PAUSED while WRAP_UP", "status LOGGED_OUT while RINGING",
                "status PAUSED while RINGING", "own call while IDLE", "own call while RINGING", "own call while ON_CALL")) {
            assertTrue(d.situations.containsKey(situation), "never happened: " + situation + " in " + d.situations);
        }
    }

    /**
     * Found by the routing benchmark: an agent listed twice in a ring-all queue sat twice in its
     * index, was rung twice for one call, and the engine threw RINGING -> RINGING mid-routing.
     */
    @Test
    void anAgentListedTwiceInOneQueueIsRejectedWithItsName() {
        List<MemberSpec> twice = List.of(new MemberSpec("ann", 1), new MemberSpec("bob", 1), new MemberSpec("ann", 50));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueSpec.of("sales", StrategyKind.RING_ALL, twice));
        assertTrue(e.getMessage().contains("sales") && e.getMessage().contains("ann"), e.getMessage());
    }

    /** The random actions, by name for the summary. */
    private enum Kind {
        ARRIVE, BURST, ANSWER, REJECT, RING_FAIL, CALLER_HANGUP, AGENT_HANGUP, TICK, TO_DEADLINE,
        PAUSE, UNPAUSE, LOGIN, LOGOUT, REACHABILITY, OWN_CALL, MEDIA_TIMEOUT, LATE_ANSWER, STALE_HANGUP, RELOAD
    }

    /** One agent's ring for one call, as the port was told. */
    private record Leg(String callId, String agentId) {
    }

    /** A set that can hand out a random member in O(1). */
    private static final class Pool<T> {
        private final List<T> items = new ArrayList<>();
        private final Map<T, Integer> index = new HashMap<>();

        boolean add(T t) {
            if (index.putIfAbsent(t, items.size()) != null) {
                return false;
            }
            items.add(t);
            return true;
        }

        boolean remove(T t) {
            Integer i = index.remove(t);
            if (i == null) {
                return false;
            }
            T last = items.remove(items.size() - 1);
            if (i < items.size()) {
                items.set(i, last);
                index.put(last, i);
            }
            return true;
        }

        boolean contains(T t) {
            return index.containsKey(t);
        }

        T random(SplittableRandom rnd) {
            return items.get(rnd.nextInt(items.size()));
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        int size() {
            return items.size();
        }

        List<T> snapshot() {
            return List.copyOf(items);
        }
    }

    /** The random driver, the model of what the port was told, and the checks. */
    private static final class Driver implements CallControl, AcdEventListener {
        private final SplittableRandom rnd;
        private final AcdEngine engine;
        private long now = START_MS;
        private int step;
        private String what = "start";

        private final List<String> agentIds = new ArrayList<>();
        private final List<String> configured = new ArrayList<>();
        private final List<String> queueIds = new ArrayList<>();
        private final Map<String, StrategyKind> strategyOf = new HashMap<>();

        // the model, fed by the port and the events
        private final Pool<Leg> liveRings = new Pool<>();
        private final Map<String, String> ringingAgentCall = new HashMap<>();
        private final Map<String, Set<String>> ringsOfCall = new HashMap<>();
        private final Set<String> rungAsRingAll = new HashSet<>();
        private final Pool<String> active = new Pool<>();
        private final Pool<String> bridged = new Pool<>();
        private final Map<String, String> queueOfCall = new HashMap<>();
        private final Map<String, Integer> endedCount = new HashMap<>();
        private final Map<String, CallOutcome> leftQueue = new HashMap<>();
        private final Map<String, AgentStatus> agentStatus = new HashMap<>();
        private final Map<String, AgentState> agentState = new HashMap<>();
        private final Map<String, Boolean> agentReachable = new HashMap<>();
        /** The agents' own calls in progress, as the driver made them; {@code agentOnOwnCall} as the events say. */
        private final Map<String, Set<String>> ownCalls = new HashMap<>();
        private final Map<String, Boolean> agentOnOwnCall = new HashMap<>();
        private final Pool<Leg> liveOwnCalls = new Pool<>();
        private int ownCallIds;
        private final Map<String, CallState> callStates = new HashMap<>();
        private final List<String> endedIds = new ArrayList<>();
        /** Agents an event or a port command named since the last check. */
        private final Set<String> touched = new HashSet<>();
        private Leg expectedBridge;
        private Leg lateAnswer;
        private int offered;

        final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        final Map<CallOutcome, Integer> outcomes = new EnumMap<>(CallOutcome.class);
        final Map<String, Integer> situations = new TreeMap<>();
        private int rings;
        private int ringAllRings;
        private int maxActive;

        Driver(SplittableRandom rnd) {
            this.rnd = rnd;
            this.engine = new AcdEngine(this, this, new Random(rnd.nextLong()), ZoneOffset.UTC, now);
            for (int i = 0; i < AGENTS; i++) {
                agentIds.add("a" + i);
            }
            for (int i = 0; i < QUEUES; i++) {
                queueIds.add("q" + i);
            }
            reload(0);
            for (String a : agentIds) {
                engine.setReachable(a, rnd.nextInt(10) > 0, now);
                engine.login(a, now);
            }
            check();
        }

        void run(int events) {
            for (step = 1; step <= events; step++) {
                now += rnd.nextInt(400);
                Kind kind = act();
                counts.merge(kind, 1, Integer::sum);
                check();
                maxActive = Math.max(maxActive, active.size());
            }
        }

        /** Hangs up every call left and lets every timer run; then nothing may ring any more. */
        void drain() {
            what = "drain";
            for (String callId : active.snapshot()) {
                engine.hangup(callId, now);
                check();
            }
            engine.advanceTo(now + 86_400_000L);
            check();
            assertEquals(0, engine.callCount(), "calls left in the core");
            assertTrue(liveRings.isEmpty(), "rings never ended: " + liveRings.snapshot());
            for (String callId : endedIds) {
                assertEquals(1, endedCount.get(callId), "CallEnded count of " + callId);
            }
            assertEquals(offered, endedCount.size(), "calls offered vs calls ended");
        }

        String summary() {
            return step - 1 + " events " + counts + "; " + offered + " calls, " + rings + " rings ("
                    + ringAllRings + " ring-all), max " + maxActive + " calls at once, endings " + outcomes
                    + ", situations " + situations;
        }

        private void seen(String situation) {
            situations.merge(situation, 1, Integer::sum);
        }

        // ------------------------------------------------------------------ actions

        private Kind act() {
            if (step % RELOAD_EVERY == 0) {
                reload(step / RELOAD_EVERY);
                return Kind.RELOAD;
            }
            int r = rnd.nextInt(1000);
            if (r < 130) {
                arrive(queueIds.get(rnd.nextInt(QUEUES)));
                return Kind.ARRIVE;
            }
            if (r < 132) {
                String queueId = queueIds.get(rnd.nextInt(QUEUES));
                for (int i = 0; i < 12; i++) {
                    arrive(queueId);
                }
                return Kind.BURST;
            }
            if (r < 290) {
                return answer() ? Kind.ANSWER : tick();
            }
            if (r < 330) {
                return ringFailed(RingEnd.REJECTED) ? Kind.REJECT : tick();
            }
            if (r < 355) {
                return ringFailed(RingEnd.FAILED) ? Kind.RING_FAIL : tick();
            }
            if (r < 420) {
                if (active.isEmpty()) {
                    return tick();
                }
                hangup(active.random(rnd));
                return Kind.CALLER_HANGUP;
            }
            if (r < 560) {
                if (bridged.isEmpty()) {
                    return tick();
                }
                if (rnd.nextInt(8) == 0) {
                    mediaTimeout(bridged.random(rnd));
                    return Kind.MEDIA_TIMEOUT;
                }
                hangup(bridged.random(rnd));
                return Kind.AGENT_HANGUP;
            }
            if (r < 700) {
                return tick();
            }
            if (r < 740) {
                what = "advance to next deadline";
                long next = engine.nextDeadlineMs();
                now = Math.max(now, Math.min(next, now + 600_000));
                engine.advanceTo(now);
                return Kind.TO_DEADLINE;
            }
            String agent = configured.get(rnd.nextInt(configured.size()));
            if (r < 790) {
                what = "pause " + agent;
                engine.pause(agent, rnd.nextBoolean() ? "lunch" : null, now);
                return Kind.PAUSE;
            }
            if (r < 870) {
                what = "unpause " + agent;
                engine.unpause(agent, now);
                return Kind.UNPAUSE;
            }
            if (r < 920) {
                what = "login " + agent;
                engine.login(agent, now);
                return Kind.LOGIN;
            }
            if (r < 950) {
                what = "logout " + agent;
                engine.logout(agent, now);
                return Kind.LOGOUT;
            }
            if (r < 995 && rnd.nextInt(3) == 0) {
                ownCall(agent);
                return Kind.OWN_CALL;
            }
            if (r < 995 || rnd.nextInt(10) > 0) {
                boolean reachable = rnd.nextInt(4) > 0;
                what = "reachable " + agent + " " + reachable;
                engine.setReachable(agent, reachable, now);
                return Kind.REACHABILITY;
            }
            if (r < 998 && !endedIds.isEmpty()) {
                lateAnswer();
                return Kind.LATE_ANSWER;
            }
            if (!endedIds.isEmpty()) {
                what = "hangup of an ended call";
                engine.hangup(endedIds.get(rnd.nextInt(endedIds.size())), now);
                return Kind.STALE_HANGUP;
            }
            return tick();
        }

        private Kind tick() {
            now += rnd.nextInt(8_000);
            what = "advance to " + now;
            engine.advanceTo(now);
            return Kind.TICK;
        }

        private void arrive(String queueId) {
            String callId = "c" + offered++;
            int priority = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(3) : 0;
            what = "enqueue " + callId + " in " + queueId + " prio " + priority;
            queueOfCall.put(callId, queueId);
            active.add(callId);
            engine.enqueue(callId, queueId, priority, now);
        }

        /** The port's side of a ring is read at the current time, after the core's timers for it ran. */
        private boolean answer() {
            engine.advanceTo(now);
            if (liveRings.isEmpty()) {
                return false;
            }
            Leg leg = liveRings.random(rnd);
            what = "answer " + leg;
            forgetRing(leg);
            expectedBridge = leg;
            engine.answered(leg.callId(), leg.agentId(), now);
            assertEquals(null, expectedBridge, "an answer of a live ring must be bridged: " + leg);
            return true;
        }

        private boolean ringFailed(RingEnd why) {
            engine.advanceTo(now);
            if (liveRings.isEmpty()) {
                return false;
            }
            Leg leg = liveRings.random(rnd);
            what = "ring failed " + why + " " + leg;
            forgetRing(leg);
            engine.ringFailed(leg.callId(), leg.agentId(), why, now);
            return true;
        }

        /** An answer that crossed the core's cancel: the core must hang that leg up again. */
        private void lateAnswer() {
            Leg leg = new Leg(endedIds.get(rnd.nextInt(endedIds.size())), agentIds.get(rnd.nextInt(agentIds.size())));
            what = "late answer " + leg;
            lateAnswer = leg;
            engine.answered(leg.callId(), leg.agentId(), now);
            assertEquals(null, lateAnswer, "a late answer must be cancelled: " + leg);
        }

        private void hangup(String callId) {
            what = "hangup " + callId;
            engine.advanceTo(now);
            engine.call(callId).ifPresent(c -> seen("hangup while " + c.state()));
            engine.hangup(callId, now);
            assertTrue(endedCount.containsKey(callId), "a hangup must end the call: " + callId);
        }

        /** An agent's own call in progress ends (most of the time, so few are live at once), or {@code agent} dials out. */
        private void ownCall(String agent) {
            if (!liveOwnCalls.isEmpty() && rnd.nextInt(4) > 0) {
                Leg own = liveOwnCalls.random(rnd);
                liveOwnCalls.remove(own);
                Set<String> calls = ownCalls.get(own.agentId());
                if (calls != null) {
                    calls.remove(own.callId());
                }
                what = "own call " + own;
                engine.ownCall(own.agentId(), own.callId(), false, now);
            } else {
                Set<String> calls = ownCalls.computeIfAbsent(agent, k -> new HashSet<>());
                String callId = "own" + ownCallIds++;
                calls.add(callId);
                liveOwnCalls.add(new Leg(callId, agent));
                what = "own call " + callId + " of " + agent + " starts";
                seen("own call while " + agentState.getOrDefault(agent, AgentState.IDLE));
                engine.ownCall(agent, callId, true, now);
            }
        }

        private void mediaTimeout(String callId) {
            what = "media timeout " + callId;
            engine.advanceTo(now);
            long silentMs = rnd.nextInt(120_000);
            engine.mediaTimeout(callId, silentMs, now);
            assertTrue(endedCount.containsKey(callId), "a media timeout must end the bridged call: " + callId);
        }

        /**
         * Config reload: strategies reshuffled, memberships redrawn, an agent or two dropped or
         * back, and on odd rounds one queue dropped (its callers leave; it returns next round).
         */
        private void reload(int round) {
            what = "reload " + round;
            List<StrategyKind> kinds = new ArrayList<>(List.of(StrategyKind.values()));
            Collections.shuffle(kinds, new Random(rnd.nextLong()));
            while (kinds.size() < QUEUES) {
                kinds.add(StrategyKind.values()[rnd.nextInt(StrategyKind.values().length)]);
            }
            configured.clear();
            List<AgentSpec> agents = new ArrayList<>();
            for (String id : agentIds) {
                if (round == 0 || rnd.nextInt(15) > 0) {
                    configured.add(id);
                    agents.add(new AgentSpec(id, id, rnd.nextInt(8) == 0));
                }
            }
            Map<String, List<MemberSpec>> members = new LinkedHashMap<>();
            for (String q : queueIds) {
                members.put(q, new ArrayList<>());
            }
            for (String id : configured) {
                int n = 1 + rnd.nextInt(3);
                for (int k = 0; k < n; k++) {
                    List<MemberSpec> ms = members.get(queueIds.get(rnd.nextInt(QUEUES)));
                    if (ms.stream().noneMatch(m -> m.agentId().equals(id))) {
                        ms.add(new MemberSpec(id, 1 + rnd.nextInt(5) * 20));
                    }
                }
            }
            List<QueueSpec> queues = new ArrayList<>();
            int dropped = round % 2 == 1 ? rnd.nextInt(QUEUES) : -1;
            for (int i = 0; i < QUEUES; i++) {
                String id = queueIds.get(i);
                if (i == dropped) {
                    strategyOf.remove(id);
                    continue;
                }
                strategyOf.put(id, kinds.get(i));
                queues.add(QueueSpec.of(id, kinds.get(i), members.get(id))
                        .withRingTimeoutMs(5_000 + rnd.nextInt(15_000))
                        .withMaxWait(rnd.nextBoolean() ? 0 : 60_000 + rnd.nextInt(240_000))
                        .withWhenNoAgents(i % 3 == 0 ? NoAgentsPolicy.FALLBACK : NoAgentsPolicy.WAIT)
                        .withMaxLength(i == 1 ? 8 : 0)
                        .withWrapUpMs(rnd.nextInt(3) * 5_000L)
                        .withAutoPauseAfter(rnd.nextInt(4)));
            }
            engine.configure(agents, queues, now);
        }

        // ------------------------------------------------------------------ the port

        @Override
        public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
            Leg leg = new Leg(callId, agentId);
            String other = ringingAgentCall.put(agentId, callId);
            if (other != null) {
                fail("agent " + agentId + " rung for " + callId + " while ringing for " + other);
            }
            Set<String> ringing = ringsOfCall.computeIfAbsent(callId, k -> new HashSet<>());
            if (!ringing.isEmpty()) {
                assertEquals(StrategyKind.RING_ALL, strategyOf.get(queueOfCall.get(callId)),
                        "call " + callId + " rings " + agentId + " while ringing " + ringing);
                rungAsRingAll.add(callId);
                ringAllRings++;
            }
            assertTrue(active.contains(callId), "ring for a call not in the core: " + leg);
            assertTrue(configured.contains(agentId), "ring for an agent not configured: " + leg);
            assertTrue(engine.agent(agentId).orElseThrow().reachable(), "ring for an unreachable agent: " + leg);
            ringing.add(agentId);
            liveRings.add(leg);
            touched.add(agentId);
            rings++;
        }

        @Override
        public void cancelRing(String callId, String agentId, CancelReason reason) {
            Leg leg = new Leg(callId, agentId);
            if (leg.equals(lateAnswer)) {
                assertEquals(CancelReason.ANSWERED_ELSEWHERE, reason);
                lateAnswer = null;
                return;
            }
            assertTrue(liveRings.contains(leg), "cancel of a ring not in progress: " + leg + " " + reason);
            forgetRing(leg);
        }

        @Override
        public void bridge(String callId, String agentId) {
            Leg leg = new Leg(callId, agentId);
            assertEquals(expectedBridge, leg, "bridge without a matching answer");
            expectedBridge = null;
            bridged.add(callId);
        }

        @Override
        public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
            assertEquals(queueOfCall.get(callId), queueId, "left another queue than it joined: " + callId);
            assertTrue(ringsOfCall.getOrDefault(callId, Set.of()).isEmpty(), "left the queue while ringing: " + callId);
            assertTrue(leftQueue.put(callId, outcome) == null, "left the queue twice: " + callId);
        }

        private void forgetRing(Leg leg) {
            touched.add(leg.agentId());
            liveRings.remove(leg);
            ringingAgentCall.remove(leg.agentId());
            Set<String> ringing = ringsOfCall.get(leg.callId());
            ringing.remove(leg.agentId());
            if (ringing.isEmpty()) {
                ringsOfCall.remove(leg.callId());
                rungAsRingAll.remove(leg.callId());
            }
        }

        // ------------------------------------------------------------------ events

        @Override
        public void onEvent(AcdEvent event) {
            if (event instanceof AcdEvent.CallEnded e) {
                callEnded(e);
            } else if (event instanceof AcdEvent.AgentStateChanged e) {
                agentStateChanged(e);
            } else if (event instanceof AcdEvent.AgentStatusChanged e) {
                AgentStatus was = agentStatus.getOrDefault(e.agentId(), AgentStatus.LOGGED_OUT);
                assertEquals(was, e.from(), "status change of " + e.agentId() + " from a status it was not in");
                agentStatus.put(e.agentId(), e.to());
                touched.add(e.agentId());
                AgentState state = agentState.getOrDefault(e.agentId(), AgentState.IDLE);
                seen("status " + e.to() + " while " + state);
                if (e.to() == AgentStatus.PAUSED) {
                    seen("status " + e.from() + " -> " + e.to() + " (" + e.reason() + ")");
                }
            } else if (event instanceof AcdEvent.AgentOwnCallChanged e) {
                assertTrue(agentOnOwnCall.getOrDefault(e.agentId(), false) != e.onOwnCall(), "no change: " + e);
                agentOnOwnCall.put(e.agentId(), e.onOwnCall());
                touched.add(e.agentId());
            } else if (event instanceof AcdEvent.AgentReachabilityChanged e) {
                assertTrue(agentReachable.getOrDefault(e.agentId(), false) != e.reachable(), "no change: " + e);
                agentReachable.put(e.agentId(), e.reachable());
                touched.add(e.agentId());
            } else if (event instanceof AcdEvent.CallStateChanged e) {
                assertEquals(callStates.getOrDefault(e.callId(), CallState.NEW), e.from(), "call state change " + e);
                assertTrue(e.from().canGo(e.to()), "illegal call transition reported: " + e);
                callStates.put(e.callId(), e.to());
            } else if (event instanceof AcdEvent.RingNoAnswer e) {
                seen("ring no answer " + e.reason());
            } else if (event instanceof AcdEvent.AgentRinging e) {
                assertTrue(liveRings.contains(new Leg(e.callId(), e.agentId())), "ringing event without a ring command: " + e);
            } else if (event instanceof AcdEvent.CallAnswered e) {
                assertTrue(bridged.contains(e.callId()), "answered event before bridge: " + e);
            } else if (event instanceof AcdEvent.CallQueued e) {
                assertTrue(active.contains(e.callId()), "queued event for a call not offered: " + e);
            }
        }

        /** An agent is rung only when status AVAILABLE, state IDLE and reachable, at that moment. */
        private void agentStateChanged(AcdEvent.AgentStateChanged e) {
            String id = e.agentId();
            AgentState was = agentState.getOrDefault(id, AgentState.IDLE);
            assertEquals(was, e.from(), "state change of " + id + " from a state it was not in");
            assertTrue(e.from().canGo(e.to()), "illegal agent transition reported: " + e);
            if (e.to() == AgentState.RINGING) {
                assertEquals(AgentState.IDLE, e.from(), "rang " + id + " not idle: " + e);
                assertEquals(AgentStatus.AVAILABLE, agentStatus.get(id), "rang " + id + " not available: " + e);
                assertTrue(agentReachable.getOrDefault(id, false), "rang " + id + " unreachable: " + e);
                assertTrue(!agentOnOwnCall.getOrDefault(id, false), "rang " + id + " on a call of their own: " + e);
                assertTrue(configured.contains(id), "rang " + id + " not configured: " + e);
            }
            agentState.put(id, e.to());
            touched.add(id);
            if (e.from() == AgentState.WRAP_UP) {
                seen(e.from() + " -> " + e.to() + " (" + e.reason() + ")");
            }
        }

        private void callEnded(AcdEvent.CallEnded e) {
            String id = e.callId();
            CallState last = callStates.remove(id);
            assertTrue(last == null || last == CallState.ENDED, "CallEnded of " + id + " in state " + last);
            Integer before = endedCount.merge(id, 1, Integer::sum) - 1;
            assertEquals(0, before, "call " + id + " ended twice, now " + e);
            assertTrue(active.remove(id), "a call ended that was never offered: " + id);
            assertTrue(!ringsOfCall.containsKey(id), "call " + id + " ended with rings live: " + ringsOfCall.get(id));
            boolean viaPort = !e.outcome().answered() && e.outcome() != CallOutcome.ABANDONED;
            if (e.outcome().answered()) {
                assertTrue(e.talkMs() >= 0, "talk of " + id + ": " + e);
            }
            assertEquals(viaPort ? e.outcome() : null, leftQueue.remove(id), "leaveQueue vs CallEnded of " + id);
            bridged.remove(id);
            endedIds.add(id);
            outcomes.merge(e.outcome(), 1, Integer::sum);
        }

        // ------------------------------------------------------------------ checks

        private void checkAgent(String id, String where) {
            String ringingFor = ringingAgentCall.get(id);
            AgentView a = engine.agent(id).orElse(null);
            AgentState state = a == null ? AgentState.IDLE : a.state();
            AgentStatus status = a == null ? AgentStatus.LOGGED_OUT : a.status();
            if (state == AgentState.RINGING) {
                assertEquals(ringingFor, a.callId(), "agent " + id + " rings for" + where);
            } else if (ringingFor != null) {
                fail("agent " + id + " is " + state + " with a live ring for " + ringingFor + where);
            }
            assertEquals(agentState.getOrDefault(id, AgentState.IDLE), state, "events vs view of " + id + where);
            assertEquals(agentStatus.getOrDefault(id, AgentStatus.LOGGED_OUT), status, "events vs view of " + id + where);
            assertEquals(status == AgentStatus.PAUSED, a != null && a.pauseReason() != null, "pause reason of " + id + where);
            if (a == null) {
                agentReachable.remove(id); // a removed agent's inputs go with it; re-added, it starts unreachable
                agentOnOwnCall.remove(id);
                ownCalls.remove(id);
            } else {
                assertEquals(agentReachable.getOrDefault(id, false), a.reachable(), "events vs view of " + id + where);
                assertEquals(agentOnOwnCall.getOrDefault(id, false), a.onOwnCall(), "events vs view of " + id + where);
                assertEquals(!ownCalls.getOrDefault(id, Set.of()).isEmpty(), a.onOwnCall(), "own calls of " + id + where);
                assertEquals(a.status() == AgentStatus.AVAILABLE && state == AgentState.IDLE && a.reachable()
                        && !a.onOwnCall(), a.offerable(), "offerable of " + id + where);
            }
        }

        private void check() {
            String where = " (step " + step + ", after " + what + ")";
            assertEquals(active.size(), engine.callCount(), "calls in the core" + where);
            for (QueueView q : engine.queues()) {
                if (q.waiting() > 0 && q.available() > 0) {
                    fail("queue " + q + " has callers waiting and agents available" + where);
                }
            }
            // agents the event touched every time, all of them now and then (the scan is the costly part)
            if (step % FULL_SCAN_EVERY == 0) {
                touched.addAll(agentIds);
            }
            for (String id : touched) {
                checkAgent(id, where);
            }
            touched.clear();
            for (Map.Entry<String, Set<String>> e : ringsOfCall.entrySet()) {
                CallView c = engine.call(e.getKey()).orElseThrow(() -> new AssertionError("ringing call not in core" + where));
                assertEquals(CallState.RINGING_AGENT, c.state(), "call with live rings" + where);
                if (e.getValue().size() > 1) {
                    assertTrue(rungAsRingAll.contains(e.getKey()), "call rings " + e.getValue() + where);
                }
            }
        }
    }
}
