package config.validate;

import acd.queue.MemberSpec;
import acd.queue.NoAgentsPolicy;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.model.Member;
import config.model.Queue;
import config.yaml.YNode;
import ivr.menu.Destination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The queues section: strategy, timers, fallbacks, sounds and members. */
final class QueuesSection {
    static final Duration DEFAULT_RING_TIMEOUT = Duration.ofMillis(QueueSpec.DEFAULT_RING_TIMEOUT_MS);
    static final Duration DEFAULT_SERVICE_LEVEL = Duration.ofSeconds(20);
    private static final Set<String> FIELDS = Set.of("id", "department", "strategy", "ringTimeout", "maxWaitTime",
            "whenMaxWait", "whenNoAgents", "wrapUpTime", "serviceLevel", "greeting", "holdMusic", "announcePosition", "record",
            "maxLength", "autoPause", "members", "forwardConfirm");
    private static final Set<String> MEMBER_FIELDS = Set.of("agent", "priority");
    static final Map<String, StrategyKind> STRATEGIES = Fields.names(StrategyKind.values(), StrategyKind::configName);
    static final Map<String, NoAgentsPolicy> NO_AGENTS = new LinkedHashMap<>();

    static {
        NO_AGENTS.put("wait", NoAgentsPolicy.WAIT);
        NO_AGENTS.put("fallback", NoAgentsPolicy.FALLBACK);
    }

    private final Binding b;
    private final TargetReader targets;

    QueuesSection(Binding b, TargetReader targets) {
        this.b = b;
        this.targets = targets;
    }

    List<Queue> read(Fields root) {
        return root.items("queues", (node, path) -> queue(Fields.of(node, path, b.problems, FIELDS), node));
    }

    private Queue queue(Fields f, YNode node) {
        String id = f.required("id", Values::id);
        b.refs.define(References.Kind.QUEUE, id, f.has("id") ? f.node("id") : node, f.path("id"));
        StrategyKind strategy = f.choice("strategy", STRATEGIES, StrategyKind.PRIORITY);
        Duration ringTimeout = f.positiveDuration("ringTimeout", DEFAULT_RING_TIMEOUT);
        Duration maxWait = f.duration("maxWaitTime", Duration.ZERO);
        Destination whenMaxWait = targets.read(f, "whenMaxWait", Destination.HANGUP);
        if (id != null && whenMaxWait instanceof Destination.Queue q && q.queueId().equals(id)) {
            b.problems.at(f.node("whenMaxWait"), f.path("whenMaxWait"), "a queue cannot fall back to itself");
        }
        NoAgentsPolicy noAgents = f.choice("whenNoAgents", NO_AGENTS, NoAgentsPolicy.WAIT);
        Duration wrapUp = f.duration("wrapUpTime", Duration.ZERO);
        var greeting = b.sound(f, "greeting", false);
        var holdMusic = b.sound(f, "holdMusic", false);
        Duration announce = f.duration("announcePosition", Duration.ZERO);
        boolean record = f.bool("record", false);
        int maxLength = f.integer("maxLength", 0, 0, 100_000);
        int autoPause = f.integer("autoPause", QueueSpec.DEFAULT_AUTO_PAUSE_AFTER, 0, 1000);
        Duration serviceLevel = f.positiveDuration("serviceLevel", DEFAULT_SERVICE_LEVEL);
        List<Member> members = members(f);
        boolean forwardConfirm = f.bool("forwardConfirm", false);
        if (id == null) {
            return null;
        }
        return new Queue(id, f.text("department", id), strategy, ringTimeout, maxWait, whenMaxWait, noAgents, wrapUp,
                greeting, holdMusic, announce, record, maxLength, autoPause, serviceLevel, members,
                forwardConfirm);
    }

    private List<Member> members(Fields queue) {
        List<Member> out = new ArrayList<>();
        Map<String, YNode> seen = new HashMap<>();
        List<YNode> items = queue.list("members");
        for (int j = 0; j < items.size(); j++) {
            Fields m = Fields.of(items.get(j), queue.path("members") + "[" + j + "]", b.problems, MEMBER_FIELDS);
            String agent = m.required("agent", Values::id);
            b.refs.refer(References.Kind.AGENT, agent, m.node("agent"), m.path("agent"));
            int priority = m.integer("priority", MemberSpec.HIGHEST, MemberSpec.HIGHEST, MemberSpec.LOWEST);
            if (agent == null) {
                continue;
            }
            YNode first = seen.putIfAbsent(agent, m.node("agent"));
            if (first != null) {
                b.problems.at(m.node("agent"), m.path("agent"), "agent \"" + agent + "\" is already a member (line "
                        + first.location().line() + ")");
            } else {
                out.add(new Member(agent, priority));
            }
        }
        return out;
    }
}
