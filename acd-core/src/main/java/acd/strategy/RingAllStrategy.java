package acd.strategy;

import acd.call.Call;
import acd.queue.Member;
import java.util.List;

/**
 * Rings every available member the call has not tried at once; the first to answer wins. A
 * timeout ends the whole round, so the next one rings everyone again. Members are kept in the
 * longest-idle index, so {@link #pick} gives the longest idle and that member is rung first;
 * the others follow in the index's array order, not sorted (they all ring at once anyway).
 */
final class RingAllStrategy extends OrderedStrategy {

    RingAllStrategy() {
        super(StrategyKind.RING_ALL, MemberOrder.LONGEST_IDLE);
    }

    @Override
    public void fillRing(Call call, List<Member> out) {
        int before = out.size();
        addUntried(call, out);
        if (out.size() == before) {
            call.forgetTried();
            addUntried(call, out);
        }
    }

    private void addUntried(Call call, List<Member> out) {
        for (int i = 0, n = availableCount(); i < n; i++) {
            if (!call.hasTried(agentSeqAt(i))) {
                out.add(availableAt(i));
            }
        }
    }
}
